"""Examples for the OpenAPI schema, copied from the curated dataset (see docs/curation.md)."""

MEETING = {
    "id": 9,
    "api_url": "https://parley.example.org/api/v1/meetings/9/",
    "slug": "2023-05-14-brussels-pashinyan-aliyev-michel",
    "title": "Pashinyan and Aliyev hold EU-mediated talks in Brussels",
    "date": "2023-05-14",
    "end_date": None,
    "date_precision": "day",
    "date_note": "Document 001 says 'In mid-May'; document 004 places the talks after Michel's "
    "Saturday-evening and Sunday-morning bilateral meetings and after clashes on "
    "Thursday and Friday. Public record: trilateral talks in Brussels on Sunday 14 "
    "May 2023.",
    "ongoing": False,
    "kind": "in_person",
    "status": "held",
    "place": {"slug": "brussels", "name": "Brussels"},
    "participants": [
        {"slug": "nikol-pashinyan", "name": "Nikol Pashinyan", "role": "participant"},
        {"slug": "ilham-aliyev", "name": "Ilham Aliyev", "role": "participant"},
        {"slug": "charles-michel", "name": "Charles Michel", "role": "mediator"},
    ],
    "summary": "Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev "
    "met in Brussels for talks mediated by European Council President Charles Michel, "
    "amid renewed tension and fresh deadly clashes on the border. According to "
    "document 001, the two leaders agreed to recognise each other's territorial "
    "integrity.",
    "topics": [
        "border-clashes",
        "nagorno-karabakh-status",
        "peace-treaty",
        "territorial-integrity",
    ],
    "plover_type": "CONSULT",
    "plover_mode": "third-party",
    "note": "One record for the talks reported in documents 001 and 004. The agreement on mutual "
    "recognition of territorial integrity is reported only by document 001.",
    "citations": [
        {
            "source": "euronews-2023-05-brussels-talks",
            "quote": "The leaders of Armenia and Azerbaijan have met for talks in Brussels "
            "amid renewed tension on the border",
            "note": "",
            "supports": [],
            "disagrees": False,
        },
        {
            "source": "euronews-2023-05-brussels-talks",
            "quote": "The discussion between Armenian Prime Minister Nikol Pashinian and "
            "Azerbaijani President Ilham Aliyev were mediated by European Council "
            "President Charles Michel",
            "note": "",
            "supports": [],
            "disagrees": False,
        },
        {
            "source": "2023-05-moscow-trilateral-rapprochement",
            "quote": "In mid-May, Pashinyan and Aliyev agreed to recognize their "
            "territorial integrity during talks in Brussels mediated by EU "
            "Council President Charles Michel.",
            "note": "",
            "supports": [],
            "disagrees": False,
        },
    ],
    "created_at": "2026-11-23T12:00:00Z",
    "updated_at": "2026-11-23T12:00:00Z",
}

ACTOR = {
    "api_url": "https://parley.example.org/api/v1/actors/nikol-pashinyan/",
    "slug": "nikol-pashinyan",
    "name": "Nikol Pashinyan",
    "kind": "person",
    "country": "ARM",
    "aliases": ["Nikol Pashinian", "Pashinian", "Pashinyan"],
    "description": "Prime Minister of Armenia throughout the period covered by the documents.",
    "identifiers": [],
    "roles": [
        {
            "title": "Prime Minister of Armenia",
            "organization": "government-of-armenia",
            "start_date": "2018-05-08",
            "end_date": None,
            "note": "First elected by parliament on 8 May 2018; resigned in April 2021 to "
            "trigger snap elections, stayed on as acting prime minister and was "
            "reappointed in August 2021 (treated here as one continuous tenure).",
        }
    ],
    "note": "Spelled 'Pashinian' in document 004 (euronews-2023-05-brussels-talks); 'Pashinyan' "
    "elsewhere.",
    "citations": [
        {
            "source": "euronews-2023-05-brussels-talks",
            "quote": "Armenian Prime Minister Nikol Pashinian",
            "note": "",
            "supports": [],
            "disagrees": False,
        }
    ],
    "created_at": "2026-11-23T12:00:00Z",
    "updated_at": "2026-11-23T12:00:00Z",
}

STATEMENT = {
    "id": 22,
    "api_url": "https://parley.example.org/api/v1/statements/22/",
    "slug": "2023-05-25-pashinyan-ready-to-open-transport-links",
    "title": "Pashinyan: Yerevan ready to open all transport links through Armenian territory",
    "date": "2023-05-25",
    "end_date": None,
    "date_precision": "day",
    "date_note": "Same occasion as the 'good progress' remark: Thursday 25 May 2023.",
    "kind": "direct_quote",
    "speaker": {"slug": "nikol-pashinyan", "name": "Nikol Pashinyan"},
    "text": "open all transport links in the region that pass through Armenian territory",
    "meeting": 13,
    "mentions": [
        {"slug": "azerbaijan", "name": "Azerbaijan"},
        {"slug": "government-of-armenia", "name": "Government of Armenia"},
    ],
    "topics": ["transport-links"],
    "plover_type": None,
    "plover_mode": "",
    "note": "Document: 'Pashinyan said Yerevan is ready to ...'.",
    "citations": [
        {
            "source": "2023-05-moscow-trilateral-rapprochement",
            "quote": "Pashinyan said Yerevan is ready to “open all transport links in the "
            "region that pass through Armenian territory.”",
            "note": "",
            "supports": [],
            "disagrees": False,
        }
    ],
    "created_at": "2026-11-23T12:00:00Z",
    "updated_at": "2026-11-23T12:00:00Z",
}

INCIDENT = {
    "id": 10,
    "api_url": "https://parley.example.org/api/v1/incidents/10/",
    "slug": "2023-05-11-border-clash",
    "title": "Border clash: one Azerbaijani soldier killed, four Armenian soldiers wounded",
    "date": "2023-05-11",
    "end_date": None,
    "date_precision": "day",
    "date_note": "Document 004: 'On Thursday', before the Sunday 14 May 2023 talks, so Thursday "
    "11 May 2023 (weekday checked; public record: clashes near Sotk that day).",
    "ongoing": False,
    "kind": "armed_clash",
    "place": {"slug": "armenia-azerbaijan-border", "name": "Armenia–Azerbaijan border"},
    "actors": [
        {"slug": "armed-forces-of-armenia", "name": "Armed Forces of Armenia", "role": "party"},
        {
            "slug": "armed-forces-of-azerbaijan",
            "name": "Armed Forces of Azerbaijan",
            "role": "party",
        },
    ],
    "fatalities": 1,
    "injuries": 4,
    "summary": "Clashes on the Armenia–Azerbaijan border killed an Azerbaijani soldier and "
    "wounded four Armenian soldiers. The same day Washington urged both leaders to "
    "move their troops away from the border.",
    "topics": ["border-clashes"],
    "plover_type": "ASSAULT",
    "plover_mode": "",
    "note": "Counts as reported (1 killed, 4 wounded); the document does not say who fired first, "
    "so both forces are 'party'. Document 001's general reference to deadly clashes after "
    "the end-April checkpoint is cited here and in the 12 May record. Public record: the "
    "clashes were near Sotk (Gegharkunik); each side blamed the other.",
    "citations": [
        {
            "source": "euronews-2023-05-brussels-talks",
            "quote": "On Thursday, an Azerbaijani soldier was killed and four Armenian "
            "soldiers wounded in other clashes",
            "note": "",
            "supports": [],
            "disagrees": False,
        },
        {
            "source": "2023-05-moscow-trilateral-rapprochement",
            "quote": "Most recently, deadly clashes broke out again at the border",
            "note": "General reference covering the May 2023 clashes.",
            "supports": [],
            "disagrees": False,
        },
    ],
    "created_at": "2026-11-23T12:00:00Z",
    "updated_at": "2026-11-23T12:00:00Z",
}

TIMELINE_ITEM = {
    "type": "meeting",
    "id": 8,
    "api_url": "https://parley.example.org/api/v1/meetings/8/",
    "kind": "in_person",
    "status": "held",
    "date": "2023-05-14",
    "end_date": None,
    "ongoing": False,
    "documented": False,
    "date_precision": "day",
    "title": "Charles Michel's bilateral meeting with Ilham Aliyev in Brussels",
    "summary": "Bilateral meeting of European Council President Charles Michel with Azerbaijani "
    "President Ilham Aliyev on the morning of the trilateral talks. No content is "
    "reported.",
    "actors": [
        {"slug": "charles-michel", "name": "Charles Michel", "role": "host"},
        {"slug": "ilham-aliyev", "name": "Ilham Aliyev", "role": "participant"},
    ],
    "place": {"slug": "brussels", "name": "Brussels"},
    "topics": ["peace-treaty"],
    "citations": [
        {
            "source": "euronews-2023-05-brussels-talks",
            "quote": "and with Aliyev on Sunday morning",
            "note": "",
            "supports": [],
            "disagrees": False,
        }
    ],
    "updated_at": "2026-11-23T12:00:00Z",
}

# The envelope of the first page of each list, as the curated dataset answers it with the
# default page size (50): the number of records, and the link to the next page (null when
# everything fits on one page). Examples of lists wrap their record in these.
PAGE_ENVELOPES = {
    "/api/v1/actors/": {"count": 37, "next": None, "previous": None},
    "/api/v1/meetings/": {"count": 17, "next": None, "previous": None},
    "/api/v1/statements/": {"count": 38, "next": None, "previous": None},
    "/api/v1/incidents/": {"count": 11, "next": None, "previous": None},
    "/api/v1/events/": {
        "next": "https://parley.example.org/api/v1/events/?cursor=bz0yJnA9MjAyMi0xMi0xMg%3D%3D",
        "previous": None,
    },
}
