"""The stored representations (events/api/representation.py) are what the serializers
answer, always: over generated records written through the write service (Hypothesis)
and over the curated data; every change to a record an event shows refreshes the
event's stored JSON, its `updated_at`, its ETag and the `updated_since` feed; and lists
splice the stored texts with the request's own links."""

from __future__ import annotations

import itertools

import orjson
import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.test import APIRequestFactory

from events import services
from events.api import serializers
from events.api.representation import RECORD_SERIALIZERS, item_json, record_json
from events.choices import (
    DatePrecision,
    IncidentActorRole,
    IncidentKind,
    MeetingKind,
    MeetingStatus,
    ParticipantRole,
    RevisionVia,
    StatementKind,
)
from events.curated.validation import check_curated
from events.models import Actor, Place, Source, TimelineEntry, Topic
from events.registry import BY_NAME
from events.timeline import rebuild_timeline
from tests.support import REPO_FIXTURES

pytestmark = pytest.mark.django_db

DB = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
ACTORS = ["armenia", "azerbaijan", "nikol-pashinyan", "ilham-aliyev", "charles-michel"]
PLACES = ["brussels", "moscow", "washington", "chisinau"]
TOPICS = ["peace-treaty", "transport-links", "lachin-corridor"]
SOURCES = ["sample-a", "sample-b"]
SERIAL = itertools.count(1)

# Any storable text (no NUL, no lone surrogate), with the spellings a splice could trip
# on: quotes, backslashes and the stored link itself.
text = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")),
    st.sampled_from(['"api_url":"/x', '\\"api_url\\":\\"/', "Zürich", "Ünïcödé ✓", "</script>"]),
).map(lambda value: value[:200])
title = text.filter(lambda value: value.strip())


def some(values: list[str], min_size: int = 0) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(values), min_size=min_size, max_size=3, unique=True)


@st.composite
def common(draw) -> dict:
    day = draw(st.dates(min_value=__import__("datetime").date(1990, 1, 1)))
    return {
        "slug": f"generated-{next(SERIAL)}",
        "title": draw(title),
        "date": day.isoformat(),
        "date_precision": draw(st.sampled_from(DatePrecision.values)),
        "date_note": draw(title),  # required for every way in (issue 15)
        "topics": draw(some(TOPICS)),
        "note": draw(text),
        "citations": [
            {"source": source, "quote": draw(title), "disagrees": draw(st.booleans())}
            for source in draw(some(SOURCES, min_size=1))
        ],
    }


@st.composite
def meetings(draw) -> tuple[str, dict]:
    roles = st.sampled_from(ParticipantRole.values)
    body = {
        **draw(common()),
        "kind": draw(st.sampled_from(MeetingKind.values)),
        "status": draw(st.sampled_from(MeetingStatus.values)),
        "place": draw(st.none() | st.sampled_from(PLACES)),
        "participants": [
            {"actor": actor, "role": draw(roles)} for actor in draw(some(ACTORS, min_size=1))
        ],
        "summary": draw(text),
    }
    return "meeting", body


@st.composite
def statements(draw) -> tuple[str, dict]:
    body = {
        **draw(common()),
        "kind": draw(st.sampled_from(StatementKind.values)),
        "speaker": draw(st.sampled_from(ACTORS)),
        "text": draw(title),
        "mentions": draw(some(ACTORS)),
    }
    return "statement", body


@st.composite
def incidents(draw) -> tuple[str, dict]:
    roles = st.sampled_from(IncidentActorRole.values)
    body = {
        **draw(common()),
        "kind": draw(st.sampled_from(IncidentKind.values)),
        "place": draw(st.none() | st.sampled_from(PLACES)),
        "actors": [{"actor": actor, "role": draw(roles)} for actor in draw(some(ACTORS))],
        "fatalities": draw(st.none() | st.integers(0, 2**31 - 1)),
        "summary": draw(text),
    }
    return "incident", body


WRITE_SERIALIZERS = {
    "meeting": serializers.MeetingWriteSerializer,
    "statement": serializers.StatementWriteSerializer,
    "incident": serializers.IncidentWriteSerializer,
}


def write(event_type: str, body: dict):
    serializer = WRITE_SERIALIZERS[event_type](data=body)
    assert serializer.is_valid(), serializer.errors
    return services.save(serializer.save, via=RevisionVia.API)


def stored_rows() -> dict[tuple[str, int], tuple[str, str]]:
    rows = TimelineEntry.objects.values_list("event_type", "event_id", "record_json", "item_json")
    return {(kind, pk): (record, item) for kind, pk, record, item in rows}


def assert_stored_equals_a_fresh_build() -> None:
    """Every row's stored JSON is what the serializers give now (rebuilt, then undone)."""
    stored = stored_rows()
    assert stored and all(record and item for record, item in stored.values())
    with transaction.atomic():
        TimelineEntry.objects.update(record_json=None, item_json=None)
        rebuild_timeline()
        fresh = stored_rows()
        transaction.set_rollback(True)
    assert stored == fresh
    # ... and what the serializers answer for the record read on its own.
    for (event_type, pk), (record, item) in stored.items():
        event = BY_NAME[event_type].model.objects.for_api().get(pk=pk)
        assert [record] == record_json(event_type, [event])
        entry = TimelineEntry.objects.get(event_type=event_type, event_id=pk)
        assert [item] == item_json([entry])


RENAMES = st.sampled_from(
    [(Actor, slug, "name") for slug in ACTORS]
    + [(Place, slug, "name") for slug in PLACES]
    + [(Topic, slug, "name") for slug in TOPICS]
    + [(Source, slug, "title") for slug in SOURCES]
)


@DB
@given(
    records=st.lists(st.one_of(meetings(), statements(), incidents()), min_size=1, max_size=3),
    rename=st.none() | st.tuples(RENAMES, title),
)
def test_stored_json_equals_a_fresh_render(sample, records, rename):
    with transaction.atomic():
        for event_type, body in records:
            write(event_type, body)
        if rename is not None:
            (model, slug, field), value = rename
            record = model.objects.get(slug=slug)
            setattr(record, field, value.strip() or "x")
            with services.writing(RevisionVia.SCRIPT):
                record.save()
        assert_stored_equals_a_fresh_build()
        transaction.set_rollback(True)


def test_the_curated_data_is_stored_as_the_serializers_render_it(empty_db):
    data = check_curated(REPO_FIXTURES)
    assert not data.problems, data.problems
    services.load_curated(data)
    assert TimelineEntry.objects.count() > 60
    assert_stored_equals_a_fresh_build()


# --- A change to what an event shows reaches every event that shows it -----------------


def test_renaming_an_actor_refreshes_every_event_that_shows_it(curator_client, client, sample):
    actor = Actor.objects.get(slug="nikol-pashinyan")
    shown_in = set(TimelineEntry.objects.filter(actors=actor).values_list("event_type", "event_id"))
    assert len(shown_in) >= 3
    before = stored_rows()
    details = {key: client.get(f"/api/v1/{key[0]}s/{key[1]}/") for key in shown_in}
    response = curator_client.patch(
        "/api/v1/actors/nikol-pashinyan/", {"name": "Nikol V. Pashinyan"}, format="json"
    )
    assert response.status_code == 200, response.json()
    after = stored_rows()
    changed = {key for key in after if after[key] != before[key]}
    assert changed == shown_in
    since = min(orjson.loads(before[key][0])["updated_at"] for key in shown_in)
    for key in shown_in:
        record, item = (orjson.loads(text) for text in after[key])
        assert "Nikol V. Pashinyan" in {a["name"] for a in item["actors"]}
        assert record["updated_at"] > orjson.loads(before[key][0])["updated_at"]
        path = f"/api/v1/{key[0]}s/{key[1]}/"
        detail = client.get(path)
        assert detail.json() == {**record, "api_url": f"http://testserver{path}"}
        assert detail["ETag"] != details[key]["ETag"]
        assert detail["Last-Modified"] != details[key]["Last-Modified"] or since
    # The sync feed hands them out again.
    newest = max(orjson.loads(after[key][0])["updated_at"] for key in shown_in)
    for event_type in {kind for kind, _ in shown_in}:
        feed = client.get(f"/api/v1/{event_type}s/", {"updated_since": newest}).json()
        ids = {row["id"] for row in feed["results"]}
        assert ids == {pk for kind, pk in shown_in if kind == event_type}


# --- Splicing ------------------------------------------------------------------------


def test_lists_splice_the_stored_json_with_absolute_links(client, sample):
    for event_type, serializer_class in RECORD_SERIALIZERS.items():
        path = f"/api/v1/{event_type}s/"
        request = APIRequestFactory().get(path, secure=True)
        model = BY_NAME[event_type].model
        want = [
            serializer_class(record, context={"request": request}).data
            for record in model.objects.for_api()
        ]
        answer = client.get(path, {"page_size": 500}, secure=True)
        assert answer.content == orjson.dumps(
            {"count": len(want), "next": None, "previous": None, "results": want}
        )
        assert b'"api_url":"https://testserver/api/v1/' in answer.content


def test_a_row_without_stored_json_is_rendered_on_the_fly(client, sample):
    with_json = client.get("/api/v1/meetings/", {"page_size": 500}).content
    events = client.get("/api/v1/events/", {"page_size": 500}).content
    TimelineEntry.objects.update(record_json=None, item_json=None)
    assert client.get("/api/v1/meetings/", {"page_size": 500}).content == with_json
    assert client.get("/api/v1/events/", {"page_size": 500}).content == events


def test_the_browsable_api_shows_spliced_pages(client, sample):
    answer = client.get("/api/v1/meetings/", HTTP_ACCEPT="text/html")
    assert answer.status_code == 200
    assert b"http://testserver/api/v1/meetings/" in answer.content
