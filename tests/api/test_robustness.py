"""Hostile and careless input: every bad write answers 4xx JSON naming what is wrong and
changes nothing; the schema documents every status and shape the API really answers.

scripts/schemathesis.sh fuzzes the live app from the schema; these tests pin what it
found and cover what a schema-driven fuzzer cannot reach: duplicates, clashes with
stored records, bodies that are not JSON at all. Cases are looped inside a test (each
assertion names its case) because loading the sample data dominates a test's cost.
"""

from __future__ import annotations

import json

import pytest
from django.db.models import Max

from events.models import (
    Actor,
    ActorAlias,
    ActorIdentifier,
    ActorRole,
    Citation,
    Incident,
    IncidentActor,
    Meeting,
    Participation,
    Place,
    PlaceAlias,
    Revision,
    Source,
    Statement,
    TimelineEntry,
    Topic,
)
from events.services import untracked_writes
from tests.support import NEW_MEETING

pytestmark = pytest.mark.django_db

COUNTED = (
    Actor,
    ActorAlias,
    ActorIdentifier,
    ActorRole,
    Citation,
    Incident,
    IncidentActor,
    Meeting,
    Participation,
    Place,
    PlaceAlias,
    Revision,
    Source,
    Statement,
    Statement.mentions.through,
    Meeting.topics.through,
    TimelineEntry,
    Topic,
)
TIMESTAMPED = (Meeting, Statement, Incident, Actor, Place, Topic, Source)

NEW_STATEMENT = {
    "slug": "2023-05-26-putin-note",
    "title": "Putin comments",
    "speaker": "vladimir-putin",
    "kind": "paraphrase",
    "text": "A comment.",
    "date": "2023-05-26",
    "date_precision": "day",
    "date_note": "Given in the source.",
    "mentions": ["armenia", "azerbaijan"],
    "citations": [{"source": "sample-b", "quote": "Putin said"}],
}
NEW_INCIDENT = {
    "slug": "2023-05-30-clash",
    "title": "Clash",
    "kind": "armed_clash",
    "date": "2023-05-30",
    "date_precision": "day",
    "date_note": "Given in the source.",
    "actors": [{"actor": "armenia", "role": "party"}, {"actor": "azerbaijan", "role": "party"}],
    "fatalities": 2,
    "injuries": 3,
    "citations": [{"source": "sample-a", "quote": "clash"}],
}
NEW_ACTOR = {
    "slug": "ararat-mirzoyan",
    "name": "Ararat Mirzoyan",
    "kind": "person",
    "country": "ARM",
    "aliases": ["Mirzoian"],
    "identifiers": [{"scheme": "wikidata", "value": "Q4784512"}],
    "roles": [{"title": "Foreign Minister of Armenia", "organization": "armenia"}],
}
NEW_PLACE = {
    "slug": "yerevan",
    "name": "Yerevan",
    "kind": "city",
    "country": "ARM",
    "latitude": 40.1792,
    "longitude": 44.4991,
    "aliases": ["Erevan"],
}
NEW_TOPIC = {"slug": "border-delimitation", "name": "Border delimitation"}
NEW_SOURCE = {"slug": "sample-c", "title": "A third document", "document": "sample-c.txt"}

COLLECTIONS = {
    "meetings": NEW_MEETING,
    "statements": NEW_STATEMENT,
    "incidents": NEW_INCIDENT,
    "actors": NEW_ACTOR,
    "places": NEW_PLACE,
    "topics": NEW_TOPIC,
    "sources": NEW_SOURCE,
}
EXISTING = {
    "meetings": "1",
    "statements": "1",
    "incidents": "1",
    "actors": "nikol-pashinyan",
    "places": "brussels",
    "topics": "peace-treaty",
    "sources": "sample-a",
}


def state() -> dict:
    """Row counts of every table a write touches, and when each kind of record last changed."""
    return {
        "counts": {model._meta.label: model.objects.count() for model in COUNTED},
        "changed": {
            model._meta.label: model.objects.aggregate(latest=Max("updated_at"))["latest"]
            for model in TIMESTAMPED
        },
    }


def assert_refused(response, *names: str, status: int = 400, case: object = None) -> dict:
    assert response.status_code == status, (case, response.status_code, response.content[:300])
    assert response["Content-Type"].startswith("application/json"), case
    body = response.json()
    for name in names:
        assert name in body, (case, name, body)
    return body


def send(api, method: str, url: str, body) -> object:
    # json.dumps escapes what the test client's own encoder would choke on ("\ud800").
    return getattr(api, method)(url, json.dumps(body), content_type="application/json")


def refused_without_change(api, method, url, body, *names, status=400) -> dict:
    before = state()
    response = send(api, method, url, body)
    case = (method, url, body)
    result = assert_refused(response, *names, status=status, case=case)
    assert state() == before, case
    return result


def post_each(api, cases) -> None:
    """POST each (collection, change, field) — the collection's valid body with `change`
    applied — and check it is refused naming `field`, with nothing changed."""
    for collection, change, field in cases:
        body = {**COLLECTIONS[collection], **change}
        refused_without_change(api, "post", f"/api/v1/{collection}/", body, field)


def test_the_write_bodies_here_are_valid(curator_client, sample):
    """The baselines the other tests spoil one field at a time are accepted as they are."""
    for name, body in COLLECTIONS.items():
        response = send(curator_client, "post", f"/api/v1/{name}/", body)
        assert response.status_code == 201, (name, response.json())


# --- Duplicates -----------------------------------------------------------------------

REPEATED_ITEMS = [
    (
        "meetings",
        {
            "participants": [
                {"actor": "armenia", "role": "participant"},
                {"actor": "armenia", "role": "host"},
            ]
        },
        "participants",
    ),
    ("incidents", {"actors": [{"actor": "armenia", "role": "party"}] * 2}, "actors"),
    ("statements", {"mentions": ["armenia", "azerbaijan", "armenia"]}, "mentions"),
    ("meetings", {"topics": ["peace-treaty", "peace-treaty"]}, "topics"),
    ("statements", {"topics": ["peace-treaty", "peace-treaty"]}, "topics"),
    ("meetings", {"citations": [{"source": "sample-a", "quote": "met"}] * 2}, "citations"),
    (
        "incidents",
        {
            "citations": [
                {"source": "sample-a", "quote": "clash", "note": "one"},
                {"source": "sample-a", "quote": "clash", "note": "two"},
            ]
        },
        "citations",
    ),
    ("actors", {"aliases": ["Mirzoian", "mirzoian"]}, "aliases"),
    ("places", {"aliases": ["Erevan", "Erevan"]}, "aliases"),
    (
        "actors",
        {"identifiers": [{"scheme": "viaf", "value": "1"}, {"scheme": "viaf", "value": "1"}]},
        "identifiers",
    ),
]


@pytest.mark.parametrize(("collection", "change", "field"), REPEATED_ITEMS)
def test_the_same_item_twice_is_refused(curator_client, sample, collection, change, field):
    post_each(curator_client, [(collection, change, field)])
    url = f"/api/v1/{collection}/{EXISTING[collection]}/"
    refused_without_change(curator_client, "patch", url, change, field)


def test_the_same_actor_in_two_roles_of_an_incident_is_allowed(curator_client, sample):
    actors = [{"actor": "armenia", "role": "party"}, {"actor": "armenia", "role": "affected"}]
    response = send(
        curator_client, "post", "/api/v1/incidents/", {**NEW_INCIDENT, "actors": actors}
    )
    assert response.status_code == 201, response.json()


def test_an_alias_of_another_record_is_a_400_naming_aliases(curator_client, sample):
    """Aliases are unique whatever their capitals (the database compares Lower(name)):
    a clash is named, not left to the database to answer an anonymous 409."""
    post_each(
        curator_client,
        [
            ("actors", {"aliases": ["Pashinian"]}, "aliases"),  # another actor's alias
            ("actors", {"aliases": ["PASHINIAN"]}, "aliases"),  # the same, in capitals
            ("places", {"aliases": ["washington"]}, "aliases"),  # another place's
        ],
    )


def test_an_identifier_of_another_actor_is_a_400_naming_identifiers(curator_client, sample):
    change = {"identifiers": [{"scheme": "wikidata", "value": "Q7747"}]}  # Vladimir Putin's
    body = refused_without_change(
        curator_client, "post", "/api/v1/actors/", {**NEW_ACTOR, **change}, "identifiers"
    )
    assert "wikidata:Q7747 (vladimir-putin)" in json.dumps(body)
    url = "/api/v1/actors/nikol-pashinyan/"
    refused_without_change(curator_client, "patch", url, change, "identifiers")


def test_an_actor_keeps_its_own_aliases_and_identifiers(curator_client, sample):
    change = {"aliases": ["Putin"], "identifiers": [{"scheme": "wikidata", "value": "Q7747"}]}
    response = send(curator_client, "patch", "/api/v1/actors/vladimir-putin/", change)
    assert response.status_code == 200, response.json()
    change = {"aliases": ["pashinian"]}  # its own alias, recapitalised
    response = send(curator_client, "patch", "/api/v1/actors/nikol-pashinyan/", change)
    assert response.status_code == 200, response.json()
    assert response.json()["aliases"] == ["pashinian"]


# --- Empty, blank, oversized and unstorable text ----------------------------------------


def test_empty_or_blank_required_text_is_refused(curator_client, sample):
    cases = [
        ("meetings", "title", ""),
        ("meetings", "title", "   "),
        ("meetings", "title", "\t\n "),
        ("meetings", "slug", ""),
        ("statements", "text", ""),
        ("statements", "title", " "),
        ("incidents", "title", ""),
        ("actors", "name", ""),
        ("actors", "name", "  "),
        ("places", "name", ""),
        ("topics", "name", ""),
        ("sources", "document", ""),
    ]
    post_each(curator_client, [(c, {field: value}, field) for c, field, value in cases])
    refused_without_change(curator_client, "patch", "/api/v1/meetings/1/", {"title": " "}, "title")


def test_blank_text_inside_nested_items_is_refused(curator_client, sample):
    post_each(
        curator_client,
        [
            ("meetings", {"citations": [{"source": "sample-a", "quote": ""}]}, "citations"),
            ("meetings", {"citations": [{"source": "sample-a", "quote": "  "}]}, "citations"),
            ("meetings", {"participants": [{"actor": "", "role": "host"}]}, "participants"),
            ("actors", {"aliases": [""]}, "aliases"),
            ("actors", {"roles": [{"title": " "}]}, "roles"),
            ("actors", {"identifiers": [{"scheme": "", "value": "x"}]}, "identifiers"),
        ],
    )


def test_text_beyond_max_length_is_refused(curator_client, sample):
    cases = [
        ("meetings", "title", 301),
        ("meetings", "slug", 151),
        ("meetings", "plover_mode", 41),
        ("statements", "title", 301),
        ("incidents", "title", 301),
        ("actors", "name", 201),
        ("actors", "slug", 101),
        ("places", "name", 201),
        ("topics", "name", 201),
        ("sources", "title", 501),
        ("sources", "document", 256),
    ]
    post_each(curator_client, [(c, {field: "a" * n}, field) for c, field, n in cases])
    post_each(
        curator_client,
        [
            ("actors", {"aliases": ["a" * 201]}, "aliases"),
            ("actors", {"roles": [{"title": "a" * 301}]}, "roles"),
            ("actors", {"identifiers": [{"scheme": "a" * 51, "value": "x"}]}, "identifiers"),
            ("places", {"aliases": ["a" * 201]}, "aliases"),
        ],
    )


@pytest.mark.parametrize(
    ("collection", "field"),
    [("meetings", "title"), ("statements", "text"), ("actors", "name"), ("topics", "name")],
)
def test_nul_characters_and_lone_surrogates_are_refused(curator_client, sample, collection, field):
    """Neither can be stored: PostgreSQL refuses NUL, and no database takes half a UTF-16
    surrogate pair, which JSON can spell ("\\ud800") — nor could an error echo it."""
    texts = ["\x00", "a\x00b", "\ud800", "x\udfffy"]
    post_each(curator_client, [(collection, {field: text}, field) for text in texts])


def test_lone_surrogates_in_lists_nested_items_and_field_names_are_refused(curator_client, sample):
    post_each(
        curator_client,
        [
            ("actors", {"aliases": ["ok", "\ud800"]}, "aliases"),
            ("statements", {"mentions": ["armenia", "\udc00"]}, "mentions"),
            ("meetings", {"citations": [{"source": "sample-a", "quote": "q\udc00"}]}, "citations"),
            ("meetings", {"place": "\ud800"}, "place"),
            ("meetings", {"\ud800x": 1}, "\\ud800x"),  # an unknown field, named printably
        ],
    )


# --- Numbers and dates ------------------------------------------------------------------


def test_out_of_range_coordinates_are_refused(curator_client, sample):
    cases = [
        ("latitude", 90.00001),
        ("latitude", -91),
        ("latitude", 1e300),
        ("longitude", 180.5),
        ("longitude", -180.00001),
        ("longitude", 180.000004),  # past 5 decimals, and out of range
    ]
    post_each(curator_client, [("places", {field: value}, field) for field, value in cases])
    for field, value in cases:
        url = "/api/v1/places/brussels/"
        refused_without_change(curator_client, "patch", url, {field: value}, field)
    body = {**NEW_PLACE, "latitude": -90, "longitude": 180}  # the limits themselves
    assert send(curator_client, "post", "/api/v1/places/", body).status_code == 201


def test_coordinates_more_precise_than_stored_are_refused_not_rounded(curator_client, sample):
    """Five decimals (about a metre) are stored. More was silently rounded (issue 15),
    which the curated files refused: now both refuse it, saying so."""
    body = {**NEW_PLACE, "latitude": 40.17923, "longitude": 74.12361547586974}
    response = send(curator_client, "post", "/api/v1/places/", body)
    assert response.status_code == 400
    assert response.json() == {
        "longitude": ["At most 5 decimals (about a metre): 74.12361547586974 has more."]
    }


@pytest.mark.parametrize("field", ["fatalities", "injuries"])
def test_negative_huge_and_non_integer_counts_are_refused(curator_client, sample, field):
    values = [-1, 2**31, 2**63, 10**20, 1.5, "5", True, [1]]
    post_each(curator_client, [("incidents", {field: value}, field) for value in values])
    for value in values:
        url = "/api/v1/incidents/1/"
        refused_without_change(curator_client, "patch", url, {field: value}, field)


def test_the_largest_documented_count_is_accepted_on_every_database(curator_client, sample):
    body = {**NEW_INCIDENT, "fatalities": 2**31 - 1, "injuries": 0}
    response = send(curator_client, "post", "/api/v1/incidents/", body)
    assert response.status_code == 201, response.json()
    assert response.json()["fatalities"] == 2**31 - 1


@pytest.mark.parametrize("collection", ["meetings", "statements", "incidents"])
def test_end_date_before_date_on_patch_is_refused(curator_client, sample, collection):
    url = f"/api/v1/{collection}/1/"
    for change in [
        {"end_date": "2023-05-10"},  # the day before the stored date
        {"end_date": "2000-01-01"},
        {"date": "2023-06-10", "end_date": "2023-06-09"},
    ]:
        refused_without_change(curator_client, "patch", url, change, "end_date")
    assert send(curator_client, "patch", url, {"end_date": "2023-05-20"}).status_code == 200
    # ...and now the date cannot move past the stored end date either.
    refused_without_change(curator_client, "patch", url, {"date": "2023-05-21"}, "end_date")


def test_role_ending_before_it_starts_is_refused(curator_client, sample):
    roles = [{"title": "Envoy", "start_date": "2020-01-02", "end_date": "2020-01-01"}]
    url = "/api/v1/actors/nikol-pashinyan/"
    refused_without_change(curator_client, "patch", url, {"roles": roles}, "roles")


# --- Pagination bounds ------------------------------------------------------------------


def test_page_and_page_size_out_of_bounds_are_a_400_naming_them(client, sample):
    for url in ["/api/v1/meetings/", "/api/v1/actors/", "/api/v1/events/"]:
        for value in ["0", "-1", "501", str(10**20), "1.5", "", "1e3", "٣", "²"]:
            response = client.get(url, {"page_size": value})
            assert_refused(response, "page_size", case=(url, value))
    for value in ["0", "-1", "abc", "", "²", "٣"]:  # "²".isdigit(), yet int("²") fails
        assert_refused(client.get("/api/v1/meetings/", {"page": value}), "page", case=value)


def test_pages_past_the_end_are_a_json_404_naming_page(client, sample):
    for value in ["2", "99", str(10**20)]:
        response = client.get("/api/v1/meetings/", {"page": value})
        body = assert_refused(response, "page", "detail", status=404, case=value)
        assert body["detail"] == f"Page {value} does not exist."


def test_page_size_at_the_bounds_is_accepted(client, sample):
    for url in ["/api/v1/meetings/", "/api/v1/events/"]:
        for value in ["1", "500"]:
            assert client.get(url, {"page_size": value}).status_code == 200, (url, value)


# --- Unknown fields and wrong JSON types -----------------------------------------------


@pytest.mark.parametrize("collection", sorted(COLLECTIONS))
def test_unknown_fields_are_refused_by_name(curator_client, sample, collection):
    body = {**COLLECTIONS[collection], "colour": "blue", "titel": "typo"}
    errors = refused_without_change(
        curator_client, "post", f"/api/v1/{collection}/", body, "colour", "titel"
    )
    assert errors["colour"][0].startswith("Unknown field. Fields that can be written: ")
    url = f"/api/v1/{collection}/{EXISTING[collection]}/"
    refused_without_change(curator_client, "patch", url, {"colour": "blue"}, "colour")
    refused_without_change(curator_client, "put", url, body, "colour", "titel")


def test_read_only_fields_in_a_write_body_are_refused(curator_client, sample):
    """What a read answers cannot be sent back as is: the server sets these fields."""
    for collection, field, value, message in [
        ("meetings", "id", 99, "Unknown field"),
        ("meetings", "api_url", "http://testserver/api/v1/meetings/99/", "Unknown field"),
        ("meetings", "created_at", "2023-01-01T00:00:00Z", "Unknown field"),
        ("topics", "api_url", "http://testserver/api/v1/topics/x/", "read-only"),
        ("sources", "updated_at", "2023-01-01T00:00:00Z", "read-only"),
    ]:
        body = {**COLLECTIONS[collection], field: value}
        url = f"/api/v1/{collection}/"
        errors = refused_without_change(curator_client, "post", url, body, field)
        assert message in errors[field][0], (collection, field, errors)


def test_unknown_fields_inside_nested_items_are_refused(curator_client, sample):
    cases = [
        ("meetings", {"citations": [{"source": "sample-a", "quote": "q", "page": 3}]}, "citations"),
        (
            "meetings",
            {"participants": [{"actor": "armenia", "role": "host", "x": 1}]},
            "participants",
        ),
        ("incidents", {"actors": [{"actor": "armenia", "role": "party", "x": 1}]}, "actors"),
        ("actors", {"roles": [{"title": "Envoy", "salary": 1}]}, "roles"),
        ("actors", {"identifiers": [{"scheme": "viaf", "value": "1", "url": "x"}]}, "identifiers"),
    ]
    for collection, change, field in cases:
        body = {**COLLECTIONS[collection], **change}
        url = f"/api/v1/{collection}/"
        errors = refused_without_change(curator_client, "post", url, body, field)
        assert "Unknown field" in json.dumps(errors), errors


def test_nested_items_are_complete_even_in_a_patch(curator_client, sample):
    """Found by schemathesis: PATCH actors with `roles: [{"organization": ...}]` stored a
    role with an empty title: DRF skips required fields of nested items in a partial
    update, yet the items replace the stored collection whole."""
    for url, change, field in [
        ("/api/v1/actors/nikol-pashinyan/", {"roles": [{"organization": "armenia"}]}, "roles"),
        ("/api/v1/actors/nikol-pashinyan/", {"identifiers": [{"scheme": "viaf"}]}, "identifiers"),
        ("/api/v1/meetings/1/", {"participants": [{"actor": "armenia"}]}, "participants"),
        ("/api/v1/meetings/1/", {"citations": [{"source": "sample-a"}]}, "citations"),
        ("/api/v1/incidents/1/", {"actors": [{"role": "party"}]}, "actors"),
    ]:
        errors = refused_without_change(curator_client, "patch", url, change, field)
        assert "This field is required." in json.dumps(errors), errors


def test_an_empty_string_is_not_null(curator_client, sample):
    """Found by schemathesis: DRF reads "" as null for a reference (`organization`,
    `place`) and stores "" in `url`, neither of which the schema allows (a slug; a URI);
    where null means unknown (country, url, PLOVER type) "" would blur it."""
    post_each(
        curator_client,
        [
            ("meetings", {"place": ""}, "place"),
            ("statements", {"speaker": ""}, "speaker"),
            ("actors", {"roles": [{"title": "Envoy", "organization": ""}]}, "roles"),
            ("sources", {"url": ""}, "url"),
            ("actors", {"country": ""}, "country"),
            ("places", {"country": " "}, "country"),
            ("meetings", {"plover_type": ""}, "plover_type"),
        ],
    )
    for collection, change in [
        ("meetings", {"place": None, "plover_type": None}),
        ("sources", {"url": None}),
        ("actors", {"country": None}),
    ]:
        body = {**COLLECTIONS[collection], **change}  # null is how to say "none"
        assert send(curator_client, "post", f"/api/v1/{collection}/", body).status_code == 201


def test_values_of_the_wrong_json_type_are_refused(curator_client, sample):
    """DRF would coerce these (12 -> "12", "2" -> 2, a dict -> the list of its keys)."""
    cases = [
        ("topics", "name", 12),
        ("topics", "name", -5.8e46),  # found by schemathesis: stored as "-5.8e+46"
        ("meetings", "title", True),
        ("meetings", "title", ["a"]),
        ("meetings", "title", {"en": "a"}),
        ("meetings", "kind", 1),
        ("meetings", "date", 20230515),
        ("meetings", "place", 1),
        ("meetings", "topics", "peace-treaty"),
        ("meetings", "topics", {"peace-treaty": 1}),
        ("meetings", "participants", {"actor": "armenia", "role": "host"}),
        ("meetings", "citations", "sample-a: quote"),
        ("statements", "meeting", "2"),
        ("statements", "meeting", True),
        ("statements", "meeting", 2.0),
        ("statements", "mentions", {"armenia": True}),
        ("actors", "aliases", [12]),
        ("actors", "aliases", "Mirzoian"),
        ("actors", "roles", {"title": "x"}),
        ("places", "latitude", "40.1"),
        ("places", "longitude", False),
        ("sources", "published_on", 2023),
    ]
    post_each(curator_client, [(c, {field: value}, field) for c, field, value in cases])


def test_malformed_json_is_a_400_not_a_500(curator_client, sample):
    before = state()
    for body in [
        b"{",
        b"not json",
        b'{"title": "x",}',
        b'{"fatalities": NaN}',
        b'{"fatalities": Infinity}',
        b"\xff\xfe\x00{",
        '{"title": "caf\xe9"}'.encode("latin-1"),
    ]:
        for method, url in [("post", "/api/v1/incidents/"), ("patch", "/api/v1/incidents/1/")]:
            response = getattr(curator_client, method)(url, body, content_type="application/json")
            assert_refused(response, "detail", case=(method, body))
    assert state() == before


def test_json_that_is_not_an_object_is_refused(curator_client, sample):
    before = state()
    for body in [b"[]", b"[1, 2]", b"null", b'"text"', b"42", b"true"]:
        for method, url in [("post", "/api/v1/meetings/"), ("patch", "/api/v1/meetings/1/")]:
            response = getattr(curator_client, method)(url, body, content_type="application/json")
            assert_refused(response, "non_field_errors", case=(method, body))
    assert state() == before


def test_a_body_that_is_not_json_is_a_415(curator_client, sample):
    before = state()
    payload = json.dumps(NEW_MEETING)
    for content_type in [
        "text/plain",
        "application/xml",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=xyz",
        "application/yaml",
    ]:
        for method, url in [("post", "/api/v1/meetings/"), ("put", "/api/v1/meetings/1/")]:
            response = getattr(curator_client, method)(url, payload, content_type=content_type)
            assert_refused(response, "detail", status=415, case=(method, content_type))
    assert state() == before


def test_an_empty_filter_value_means_the_filter_is_left_out(client, sample):
    """Schemathesis found `?date_to=` ignored while `?actor=` was a 400. Now every filter
    treats an empty value alike: as not given, which is what the browsable API's filter
    form sends for the fields left blank."""
    for url in [
        "/api/v1/meetings/?date_from=",
        "/api/v1/meetings/?topic=",
        "/api/v1/meetings/?place=",
        "/api/v1/meetings/?participant=",
        "/api/v1/meetings/?ordering=",
        "/api/v1/meetings/?kind=in_person&kind=",
        "/api/v1/incidents/?min_fatalities=",
        "/api/v1/actors/?updated_since=",
        "/api/v1/actors/?country=",
        "/api/v1/events/?ordering=",
        "/api/v1/stats/?group_by=",
        "/api/v1/network/?date_to=",
        "/api/v1/deletions/?deleted_since=",
        "/api/v1/history/?since=",
        "/api/v1/sources/?publisher=",
        "/api/v1/meetings/?search=",
    ]:
        path, _, query = url.partition("?")
        kept = "&".join(part for part in query.split("&") if not part.endswith("="))
        expected = client.get(f"{path}?{kept}" if kept else path)
        response = client.get(url)
        assert response.status_code == 200, (url, response.content[:200])
        assert response.json() == expected.json(), url


def test_date_times_with_any_offset_are_compared_in_utc(client, sample):
    """Found by schemathesis on PostgreSQL: `?updated_since=...+17:58` reached the
    database with an offset it refuses (a 409 on a read; a 500 halfway through a CSV
    export); on SQLite, year 1 at +05:00 overflowed converting to UTC (a 500)."""
    for url in [
        "/api/v1/sources/?updated_since=2415-10-03T01:18:39.1%2B17:58",
        "/api/v1/deletions/?deleted_since=1113-12-12T17:29:05.8%2B20:27",
        "/api/v1/meetings/?updated_since=2023-01-01T00:00:00%2B23:59",
        "/api/v1/meetings/?format=csv&updated_since=2023-01-01T00:00:00-23:59",
    ]:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    for url, parameter in [
        ("/api/v1/history/?since=0001-01-01T00:00:00%2B05:00", "since"),
        ("/api/v1/meetings/?updated_since=9999-12-31T23:59:59-05:00", "updated_since"),
    ]:
        assert_refused(client.get(url), parameter, case=url)
    # The moment, not the wall-clock time, is what counts: 01:00+02:00 is 23:00 UTC.
    with untracked_writes():  # a state set up directly: these moments, not now
        Meeting.objects.filter(pk=1).update(updated_at="2023-01-01T23:30:00Z")
        Meeting.objects.exclude(pk=1).update(updated_at="2022-01-01T00:00:00Z")
    response = client.get("/api/v1/meetings/?updated_since=2023-01-02T01:00:00%2B02:00")
    assert [item["id"] for item in response.json()["results"]] == [1]


def test_an_empty_csv_still_has_its_header_and_content_type(client, sample):
    """Found by schemathesis on PostgreSQL: /stats/?format=csv with no rows answered an
    empty body, which DRF sends without a Content-Type."""
    response = client.get("/api/v1/stats/?country=AAA&format=csv&group_by=actor")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.decode().splitlines() == ["key,label,meeting,statement,incident,total"]


def test_an_ordering_with_an_empty_item_is_a_400_not_a_500(client, sample):
    """Found by schemathesis (seed 11): `?ordering=,` passed the form and reached the
    database as an empty field name: a 500."""
    for value in [",", ",,", "date,", ",date", "-date,,id"]:
        response = client.get("/api/v1/meetings/", {"ordering": value})
        assert_refused(response, "ordering", case=value)
    assert client.get("/api/v1/meetings/", {"ordering": "date,-id"}).status_code == 200


def test_filters_taking_whole_numbers_refuse_fractions_and_overflow(client, sample):
    """Found by schemathesis: `?min_fatalities=0.5` was taken (the schema says integer)."""
    for value in ["0.5", "1e3", "-1", str(2**31), str(10**30)]:
        response = client.get("/api/v1/incidents/", {"min_fatalities": value})
        assert_refused(response, "min_fatalities", case=value)
    assert client.get("/api/v1/incidents/", {"min_fatalities": "1"}).status_code == 200


def test_exports_ignore_pagination_but_refuse_malformed_pagination(client, sample):
    """Found by schemathesis: `?format=csv&page_size=` answered 200 (exports ignore
    pagination), though the schema says page_size is a whole number."""
    for url, parameter in [
        ("/api/v1/sources/?format=csv&page_size=", "page_size"),
        ("/api/v1/meetings/?format=csv&page=0", "page"),
        ("/api/v1/meetings/?format=geojson&page_size=9999", "page_size"),
        ("/api/v1/events/?format=csv&cursor=bogus", "cursor"),
        ("/api/v1/actors/nikol-pashinyan/events/?format=csv&page_size=x", "page_size"),
    ]:
        assert_refused(client.get(url), parameter, case=url)
    response = client.get("/api/v1/meetings/?format=csv&page_size=1&page=2")
    assert response.status_code == 200
    assert len(b"".join(response.streaming_content).splitlines()) == 1 + 4  # every meeting


def test_options_on_the_network_answers_json_whatever_the_format(client, sample):
    """Found by schemathesis: OPTIONS /network/?format=gexf was a 500 (the GEXF renderer
    was handed the OPTIONS description instead of a graph)."""
    for fmt in ["gexf", "graphml"]:
        response = client.options(f"/api/v1/network/?format={fmt}")
        assert response.status_code == 200, (fmt, response.content[:200])
        assert response["Content-Type"].startswith("application/json")
        assert response.json()["name"]


def test_an_empty_format_is_a_400(client, sample):
    """Found by schemathesis: DRF ignores `?format=`; the schema's enum has no ""."""
    for url in ["/api/v1/meetings/?format=", "/api/v1/meetings/1/history/?format="]:
        assert_refused(client.get(url), "format", case=url)


def test_a_method_not_allowed_is_a_405_whatever_the_format(curator_client, sample):
    """Found by schemathesis: TRACE ...?format=csv answered 400 about the format (DRF
    negotiates before it looks for the method) instead of 405."""
    for method, url in [
        ("TRACE", "/api/v1/meetings/1/history/?format=csv"),
        ("PUT", "/api/v1/events/?format=geojson"),
        ("DELETE", "/api/v1/network/?format=gexf"),
        ("POST", "/api/v1/meetings/1/?format=xml"),
    ]:
        response = curator_client.generic(method, url)
        assert_refused(response, "detail", status=405, case=(method, url))
        assert response.has_header("Allow"), (method, url)


def test_nul_in_query_parameters_is_a_400(client, sample):
    for url, parameter in [
        ("/api/v1/meetings/?participant=%00", "participant"),
        ("/api/v1/meetings/?place=a%00b", "place"),
        ("/api/v1/meetings/?topic=%00", "topic"),
        ("/api/v1/events/?actor=%00", "actor"),
        ("/api/v1/meetings/?search=%00", "search"),
        ("/api/v1/actors/?country=%00", "country"),
        ("/api/v1/history/?key=%00", "key"),
        ("/api/v1/sources/?publisher=%00", "publisher"),
    ]:
        assert_refused(client.get(url), parameter, case=url)


# --- The schema documents what the API answers -----------------------------------------


@pytest.fixture
def schema(client, db) -> dict:
    return client.get("/api/schema/?format=json").json()


def operations(schema: dict):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def test_reads_are_documented_as_public_and_writes_as_authenticated(schema):
    for path, method, operation in operations(schema):
        # `security: []`: no requirement at all. `[{}, ...]` would still read as "needs a
        # login" to generators (openapi-python-client types it AuthenticatedClient).
        security = operation.get("security")
        if method == "get":
            assert security == [], (method, path)
        else:
            assert security and {} not in security, (method, path)


def test_every_error_the_api_answers_is_documented_with_a_json_body(schema):
    for path, method, operation in operations(schema):
        codes = set(operation["responses"])
        expected = set()
        if "{" in path:
            expected.add("404")
        if method in ("post", "put", "patch", "delete"):
            expected |= {"401", "403", "409"}
        if operation.get("requestBody"):
            expected |= {"400", "415"}
        if any(p["in"] == "query" for p in operation.get("parameters", [])):
            expected.add("400")
        assert expected <= codes, (method, path, sorted(expected - codes))
        for code in codes:
            if code >= "400":
                content = operation["responses"][code].get("content") or {}
                assert "application/json" in content, (method, path, code)
    for path in ("/api/v1/meetings/", "/api/v1/actors/{slug}/history/"):
        assert "404" in schema["paths"][path]["get"]["responses"]  # past the last page


def test_pagination_parameters_document_their_bounds(schema):
    def parameter(path, name):
        params = schema["paths"][path]["get"]["parameters"]
        return next(p for p in params if p["name"] == name)["schema"]

    for path in ("/api/v1/meetings/", "/api/v1/events/", "/api/v1/actors/{slug}/history/"):
        assert parameter(path, "page_size") == {"type": "integer", "minimum": 1, "maximum": 500}
    assert parameter("/api/v1/meetings/", "page") == {"type": "integer", "minimum": 1}


def test_request_bodies_forbid_unknown_properties(schema):
    components = schema["components"]["schemas"]
    requests = [name for name in components if name.endswith("Request")]
    assert {"MeetingWriteRequest", "CitationRequest", "TopicRequest"} <= set(requests)
    for name in requests:
        assert components[name].get("additionalProperties") is False, name


def test_lists_that_may_not_be_empty_and_country_codes_are_documented(schema):
    components = schema["components"]["schemas"]
    assert components["MeetingWriteRequest"]["properties"]["citations"]["minItems"] == 1
    assert components["MeetingWriteRequest"]["properties"]["participants"]["minItems"] == 1
    assert "minItems" not in components["PatchedIncidentWriteRequest"]["properties"]["actors"]
    for path in ("/api/v1/meetings/", "/api/v1/actors/", "/api/v1/events/"):
        parameters = schema["paths"][path]["get"]["parameters"]
        country = next(p for p in parameters if p["name"] == "country")
        assert country["schema"]["pattern"] == "^[A-Z]{3}$", path


def test_counts_have_the_same_documented_bounds_on_every_database(schema):
    """Django takes an integer's bounds from the database (2**63 - 1 on SQLite, 2**31 - 1
    on PostgreSQL): the schema and the answers must not depend on which one serves."""
    components = schema["components"]["schemas"]
    for name in ("Incident", "IncidentWriteRequest", "PatchedIncidentWriteRequest"):
        for field in ("fatalities", "injuries"):
            spec = components[name]["properties"][field]
            assert (spec["minimum"], spec["maximum"]) == (0, 2**31 - 1), (name, field)


def test_every_other_format_is_documented_beside_the_json_answer(schema):
    for path, method, operation in operations(schema):
        assert "format" not in {p["name"] for p in operation.get("parameters", [])}
        for code in ("200", "201"):
            media = operation["responses"].get(code, {}).get("content", {})
            assert set(media) <= {"application/json"}, (method, path, code)
        for item in operation.get("x-other-formats", []):
            assert f"`?format={item['format']}`" in operation["description"], (method, path)
    network = schema["paths"]["/api/v1/actors/{slug}/network/"]["get"]
    # found by schemathesis: CSV was served but undocumented
    assert {"format": "csv", "mediaType": "text/csv"} in network["x-other-formats"]


def test_a_revision_without_a_user_matches_the_schema(client, sample, schema):
    """load_curated writes revisions without a user; the schema said `user` was a string."""
    assert schema["components"]["schemas"]["Revision"]["properties"]["user"]["nullable"]
    body = client.get("/api/v1/history/").json()
    assert any(item["user"] is None for item in body["results"])


def test_error_bodies_match_their_documented_schema(client, curator_client, sample, schema):
    jsonschema = pytest.importorskip("jsonschema")
    cases = [
        (client, "get", "/api/v1/meetings/?page=99", "/api/v1/meetings/", 404),
        (client, "get", "/api/v1/meetings/999/", "/api/v1/meetings/{id}/", 404),
        (client, "get", "/api/v1/actors/nobody/history/", "/api/v1/actors/{slug}/history/", 404),
        (client, "get", "/api/v1/actors/nobody/network/", "/api/v1/actors/{slug}/network/", 404),
        (client, "get", "/api/v1/meetings/?format=xml", "/api/v1/meetings/", 400),
        (client, "delete", "/api/v1/meetings/1/", "/api/v1/meetings/{id}/", 401),
        (client, "post", "/api/v1/topics/", "/api/v1/topics/", 401),
        (curator_client, "post", "/api/v1/topics/", "/api/v1/topics/", 400),
        (curator_client, "delete", "/api/v1/places/brussels/", "/api/v1/places/{slug}/", 409),
    ]
    for api, method, url, template, status in cases:
        response = getattr(api, method)(url)
        assert response.status_code == status, (url, response.status_code)
        documented = schema["paths"][template][method]["responses"][str(status)]
        body_schema = documented["content"]["application/json"]["schema"]
        jsonschema.validate(response.json(), {**body_schema, "components": schema["components"]})


def test_deleting_a_record_still_referenced_is_a_409_and_keeps_it(curator_client, sample):
    for url, model in [("/api/v1/places/brussels/", Place), ("/api/v1/sources/sample-a/", Source)]:
        before = state()
        assert_refused(curator_client.delete(url), "detail", status=409, case=url)
        assert state() == before
        assert model.objects.filter(slug=url.rstrip("/").rsplit("/", 1)[1]).exists()


def test_a_boolean_must_be_a_json_boolean(curator_client, sample):
    """Found by schemathesis: `"disagrees": 0` was taken as false (DRF reads 0, "on", "yes")."""
    citations = curator_client.get("/api/v1/meetings/1/").json()["citations"]
    for value in (0, 1, "true", "yes", None):
        body = {"citations": [{**citations[0], "disagrees": value}]}
        response = curator_client.patch(
            "/api/v1/meetings/1/",
            json.dumps(body),
            content_type="application/json",
            HTTP_IF_MATCH="*",
        )
        refused = assert_refused(response, "citations", case=value)
        assert "true or false" in json.dumps(refused) or value is None, refused
    assert curator_client.get("/api/v1/meetings/1/").json()["citations"] == citations
