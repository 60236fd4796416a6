"""What each allowed value of an enumeration means, beyond its label: data for the
data dictionary's enumeration tables (`events.api.data_dictionary`)."""

# What each allowed value means, beyond its label. Keyed by enum class name, then value.
# A meaning for a value the enum no longer has is an error (see `check_value_meanings`);
# a value without a meaning is shown with its label only.
VALUE_MEANINGS: dict[str, dict[str, str]] = {
    "ActorKind": {
        "person": "An individual, such as a head of state or government, minister or envoy.",
        "state": "A state acting as such, for example Armenia or Azerbaijan.",
        "organization": "An institution or formal organisation, for example the European "
        "Council, a ministry or an international organisation.",
        "group": "A less formal collective that is not a state or a formal organisation, "
        "such as an armed group or a community.",
    },
    "PlaceKind": {
        "country": "A whole country.",
        "city": "A city.",
        "town": "A town.",
        "village": "A village.",
        "region": "An area larger than a settlement, such as a province, district or "
        "disputed region.",
        "border_area": "A stretch of an international border, or the area along it.",
        "corridor": "A transit route, for example the Lachin corridor.",
        "site": "A specific location, such as a building, checkpoint, bridge or position.",
    },
    "DatePrecision": {
        "day": "The exact day is known. This is the default.",
        "month": "Only the year and month are known. Ignore the day of `date`.",
        "year": "Only the year is known. Ignore the month and day of `date`.",
        "approximate": "The date is a close estimate. See `date_note`.",
    },
    "MeetingKind": {
        "in_person": "Face-to-face meeting.",
        "phone_call": "Telephone conversation.",
        "video_call": "Video conference.",
        "summit": "Summit: a meeting of leaders, often multilateral.",
        "negotiation_round": "A round of negotiations between delegations, which may last "
        "several days.",
        "commission_session": "A session of a standing body, such as a border demarcation "
        "commission.",
        "other": "Other or unspecified form.",
    },
    "MeetingStatus": {
        "held": "The meeting took place. This is the default.",
        "planned": "The meeting was announced or scheduled. It is not recorded as having "
        "taken place. `date` is the scheduled date.",
        "cancelled": "The meeting was announced and then cancelled.",
    },
    "ParticipantRole": {
        "participant": "A party to the meeting. This is the default.",
        "host": "Hosts the meeting, for example a head of state receiving the parties.",
        "mediator": "Mediates between the parties.",
        "observer": "Attends without being a party.",
    },
    "StatementKind": {
        "direct_quote": "`text` reproduces the speaker's words verbatim, as quoted by the source.",
        "paraphrase": "`text` reports what was said in other words.",
        "readout": "An official readout: a government's or organisation's summary of a "
        "meeting or call.",
        "announcement": "A formal public announcement, such as a decision or schedule.",
    },
    "IncidentKind": {
        "armed_clash": "An exchange of fire or other fighting between armed forces.",
        "casualties": "Reported deaths or injuries, such as a soldier killed by fire.",
        "checkpoint": "A checkpoint set up or operated.",
        "blockade": "A blockade of a route or area.",
        "war": "A war or large-scale military offensive.",
        "ceasefire": "A ceasefire declared or agreed.",
        "ceasefire_violation": "A reported breach of a ceasefire.",
        "deployment": "A deployment or movement of troops, peacekeepers or monitors.",
        "other": "Any other incident.",
    },
    "IncidentActorRole": {
        "perpetrator": "Carried out the action.",
        "target": "The action was directed at this actor.",
        "affected": "Suffered its consequences without being its target, for example a "
        "population under blockade.",
        "party": "A party to the incident where no side is singled out as perpetrator or "
        "target, for example both sides of a clash.",
        "mediator": "Mediated, for example a ceasefire.",
    },
    "PloverType": {
        "AGREE": "Agree to something, or sign an agreement.",
        "CONSULT": "Meet, talk, visit, negotiate or call.",
        "SUPPORT": "Express support, praise or endorsement.",
        "CONCEDE": "Make a concession, such as easing restrictions or yielding a position.",
        "COOPERATE": "Cooperate in practice, for example on policy, the economy or security.",
        "AID": "Give material, humanitarian or other aid.",
        "RETREAT": "Withdraw, release, or return something.",
        "REQUEST": "Ask, appeal, call for or demand something.",
        "ACCUSE": "Accuse, blame, criticise or condemn.",
        "REJECT": "Reject, refuse or deny.",
        "THREATEN": "Threaten action.",
        "PROTEST": "Demonstrate or protest.",
        "SANCTION": "Impose sanctions, cut ties or expel.",
        "MOBILIZE": "Mobilise, or raise the alert of, forces.",
        "COERCE": "Coerce, for example by seizing, arresting, restricting or blocking.",
        "ASSAULT": "Use violence, attack.",
    },
    "EventType": {
        "meeting": "A [Meeting](#meeting).",
        "statement": "A [Statement](#statement).",
        "incident": "An [Incident](#incident).",
    },
}
