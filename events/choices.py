"""Controlled vocabularies. One place for every enum the models, API and curated files share."""

from django.db import models


class ActorKind(models.TextChoices):
    PERSON = "person", "Person"
    STATE = "state", "State"
    ORGANIZATION = "organization", "Organization"
    GROUP = "group", "Group"


class PlaceKind(models.TextChoices):
    COUNTRY = "country", "Country"
    CITY = "city", "City"
    TOWN = "town", "Town"
    VILLAGE = "village", "Village"
    REGION = "region", "Region"
    BORDER_AREA = "border_area", "Border area"
    CORRIDOR = "corridor", "Corridor"
    SITE = "site", "Site"


class SourceKind(models.TextChoices):
    """Whether a source's text is held beside the project (quotes checked) or not."""

    DOCUMENT = "document", "Held document"
    REFERENCE = "reference", "Outside reference"


class DatePrecision(models.TextChoices):
    """How much of an event's date the sources actually support."""

    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"
    APPROXIMATE = "approximate", "Approximate"


class MeetingKind(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    PHONE_CALL = "phone_call", "Phone call"
    VIDEO_CALL = "video_call", "Video call"
    SUMMIT = "summit", "Summit"
    NEGOTIATION_ROUND = "negotiation_round", "Negotiation round"
    COMMISSION_SESSION = "commission_session", "Commission session"
    OTHER = "other", "Other or unspecified"


class MeetingStatus(models.TextChoices):
    HELD = "held", "Held"
    PLANNED = "planned", "Planned"
    CANCELLED = "cancelled", "Cancelled"


class ParticipantRole(models.TextChoices):
    PARTICIPANT = "participant", "Participant"
    HOST = "host", "Host"
    MEDIATOR = "mediator", "Mediator"
    OBSERVER = "observer", "Observer"


class StatementKind(models.TextChoices):
    DIRECT_QUOTE = "direct_quote", "Direct quote"
    PARAPHRASE = "paraphrase", "Paraphrase"
    READOUT = "readout", "Official readout"
    ANNOUNCEMENT = "announcement", "Announcement"


class IncidentKind(models.TextChoices):
    ARMED_CLASH = "armed_clash", "Armed clash"
    CASUALTIES = "casualties", "Casualties"
    CHECKPOINT = "checkpoint", "Checkpoint"
    BLOCKADE = "blockade", "Blockade"
    WAR = "war", "War"
    CEASEFIRE = "ceasefire", "Ceasefire"
    CEASEFIRE_VIOLATION = "ceasefire_violation", "Ceasefire violation"
    DEPLOYMENT = "deployment", "Deployment"
    OTHER = "other", "Other"


class IncidentActorRole(models.TextChoices):
    PERPETRATOR = "perpetrator", "Perpetrator"
    TARGET = "target", "Target"
    AFFECTED = "affected", "Affected"
    PARTY = "party", "Party"
    MEDIATOR = "mediator", "Mediator"


class PloverType(models.TextChoices):
    """PLOVER event types, so records can be joined with POLECAT-style event data."""

    AGREE = "AGREE", "Agree"
    CONSULT = "CONSULT", "Consult"
    SUPPORT = "SUPPORT", "Support"
    CONCEDE = "CONCEDE", "Concede"
    COOPERATE = "COOPERATE", "Cooperate"
    AID = "AID", "Aid"
    RETREAT = "RETREAT", "Retreat"
    REQUEST = "REQUEST", "Request"
    ACCUSE = "ACCUSE", "Accuse"
    REJECT = "REJECT", "Reject"
    THREATEN = "THREATEN", "Threaten"
    PROTEST = "PROTEST", "Protest"
    SANCTION = "SANCTION", "Sanction"
    MOBILIZE = "MOBILIZE", "Mobilize"
    COERCE = "COERCE", "Coerce"
    ASSAULT = "ASSAULT", "Assault"


class EventType(models.TextChoices):
    """The three kinds of record the timeline brings together."""

    MEETING = "meeting", "Meeting"
    STATEMENT = "statement", "Statement"
    INCIDENT = "incident", "Incident"


class RevisionAction(models.TextChoices):
    CREATED = "created", "Created"
    UPDATED = "updated", "Updated"
    DELETED = "deleted", "Deleted"
    RESTORED = "restored", "Restored"


class RevisionVia(models.TextChoices):
    API = "api", "API"
    ADMIN = "admin", "Admin"
    LOAD = "load_curated", "load_curated"
    # A plain `.save()` / `.delete()` from a shell or a script (events.services).
    SCRIPT = "script", "Script or shell"


class SupportedField(models.TextChoices):
    """A record field a citation can support (or disagree with), as `Citation.supports` names it.

    Event fields first (those researchers filter on), then actor and place fields.
    """

    DATE = "date", "Date"
    END_DATE = "end_date", "End date"
    ONGOING = "ongoing", "Still going on"
    PLACE = "place", "Place"
    PARTICIPANTS = "participants", "Participants"
    SPEAKER = "speaker", "Speaker"
    MENTIONS = "mentions", "Actors mentioned"
    ACTORS = "actors", "Incident actors"
    KIND = "kind", "Kind"
    STATUS = "status", "Status"
    FATALITIES = "fatalities", "Fatalities"
    INJURIES = "injuries", "Injuries"
    TEXT = "text", "Statement text"
    TITLE = "title", "Title"
    SUMMARY = "summary", "Summary"
    MEETING = "meeting", "Meeting a statement was made at"
    NAME = "name", "Name"
    ALIASES = "aliases", "Aliases"
    COUNTRY = "country", "Country"
    DESCRIPTION = "description", "Description"
    ROLES = "roles", "Roles held (title, organisation, start, end)"
    COORDINATES = "coordinates", "Coordinates"
