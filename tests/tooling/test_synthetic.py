"""The synthetic dataset generator (`bench.synthetic.generator`, `manage.py generate_synthetic`):
sizes, shape, curation rules, the timeline index, determinism, the API on top, and the
refusal to mix with curated data."""

import calendar
import datetime
import io
import json
import re

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Count, F

from bench.synthetic.generator import WRITTEN_MODELS, Plan
from events.curated.validation import check_curated
from events.models import (
    Actor,
    ActorAlias,
    ActorRole,
    Citation,
    Incident,
    Meeting,
    Participation,
    Place,
    Source,
    Statement,
    TimelineEntry,
    Tombstone,
    Topic,
)
from events.timeline import rebuild_timeline, timeline_is_complete

pytestmark = pytest.mark.django_db

N = 300


def generate(events=N, **options):
    out = io.StringIO()
    call_command("generate_synthetic", events=events, stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def synthetic(empty_db):
    return generate()


STORED_JSON = ("record_json", "item_json")


def without_timestamps(text: str | None) -> dict | None:
    """Stored JSON (which shows the timestamps) minus the timestamps."""
    if text is None:
        return None
    record = json.loads(text)
    return {k: v for k, v in record.items() if k not in ("created_at", "updated_at")}


def dump():
    """Every row the generator writes, in id order, without the auto timestamps."""
    tables = {}
    for model in WRITTEN_MODELS:
        names = [
            f.attname
            for f in model._meta.concrete_fields
            if f.name not in ("created_at", "updated_at")
        ]
        rows = model.objects.order_by("pk").values_list(*names)
        stored = [names.index(name) for name in STORED_JSON if name in names]
        tables[model._meta.db_table] = [
            tuple(without_timestamps(v) if i in stored else v for i, v in enumerate(row))
            for row in rows
        ]
    return tables


def wipe():
    # Straight DELETEs (no signals, no tombstones): back to a freshly migrated database.
    for model in WRITTEN_MODELS:
        model.objects.all()._raw_delete(model.objects.db)


def walk(client, url):
    items = []
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content[:500]
        body = response.json()
        items += body["results"]
        url = body["next"]
    return items


# --- Sizes and shape ------------------------------------------------------------------


def test_counts_follow_the_plan(synthetic):
    plan = Plan.for_events(N)
    assert (plan.meetings, plan.statements, plan.incidents) == (120, 135, 45)
    assert Meeting.objects.count() == plan.meetings
    assert Statement.objects.count() == plan.statements
    assert Incident.objects.count() == plan.incidents
    assert TimelineEntry.objects.count() == N
    assert Actor.objects.count() == plan.actors == 50
    assert Place.objects.count() == plan.places == 30
    assert Topic.objects.count() == 30
    assert Source.objects.count() == plan.sources == 5
    assert f"Generated {N} events" in synthetic
    assert "rows/s" in synthetic


def test_plan_scales_with_n():
    plan = Plan.for_events(1_000_000)
    assert (plan.meetings, plan.statements, plan.incidents) == (400_000, 450_000, 150_000)
    assert plan.actors == 5000 and plan.places == 1000 and plan.sources == 1000
    assert Plan.for_events(1).incidents == 1


def test_meetings_have_two_to_six_participants_and_mediators(synthetic):
    sizes = Meeting.objects.annotate(n=Count("participations")).values_list("n", flat=True)
    assert min(sizes) >= 2 and max(sizes) <= 6
    assert len(set(sizes)) >= 4  # a spread of sizes, not always two
    mediated = Meeting.objects.filter(participations__role="mediator").distinct().count()
    assert 0.1 * Meeting.objects.count() <= mediated <= 0.6 * Meeting.objects.count()
    roles = set(Participation.objects.values_list("role", flat=True))
    assert roles == {"participant", "host", "mediator", "observer"}


def test_statements_incidents_and_citations(synthetic):
    lengths = [len(text) for text in Statement.objects.values_list("text", flat=True)]
    assert min(lengths) >= 200 and max(lengths) <= 1500
    assert Statement.objects.filter(meeting__isnull=False).exists()
    assert Statement.objects.filter(mentions__isnull=False).exists()
    # Unknown casualties are null, and a zero only comes with a text that says so.
    assert Incident.objects.filter(fatalities__isnull=True).exists()
    assert Incident.objects.filter(fatalities__gt=0).exists()
    for summary in Incident.objects.filter(fatalities=0).values_list("summary", flat=True):
        assert "No one was killed" in summary
    assert not Incident.objects.annotate(n=Count("incident_actors")).filter(n=0).exists()
    for model in (Meeting, Statement, Incident):
        counts = model.objects.annotate(n=Count("citations")).values_list("n", flat=True)
        assert min(counts) >= 1 and max(counts) <= 3
    citation = Citation.objects.filter(statement__isnull=False).select_related("statement")[0]
    assert citation.quote in citation.statement.text
    assert Meeting.objects.filter(topics__isnull=False).exists()


def test_dates_follow_the_precision_rules(synthetic):
    precisions = set()
    for model in (Meeting, Statement, Incident):
        for day, end, precision in model.objects.values_list("date", "end_date", "date_precision"):
            precisions.add(precision)
            assert datetime.date(1990, 1, 1) <= day <= datetime.date(2025, 12, 31)
            assert end is None or end >= day
            if precision == "month":
                last = calendar.monthrange(day.year, day.month)[1]
                assert day.day == 1 and end == day.replace(day=last)
            if precision == "year":
                assert (day.month, day.day, end) == (1, 1, day.replace(month=12, day=31))
            if precision == "approximate":
                assert end is not None
    assert {"day", "month", "approximate"} <= precisions
    # A lasting state of affairs always gets an end date.
    assert not Incident.objects.filter(kind__in=["war", "blockade"], end_date=None).exists()


def test_reference_data(synthetic):
    assert set(Actor.objects.values_list("kind", flat=True)) == {
        "person",
        "state",
        "organization",
        "group",
    }
    for code in Actor.objects.exclude(country=None).values_list("country", flat=True):
        assert re.fullmatch(r"[A-Z]{3}", code)
    assert ActorAlias.objects.count() > Actor.objects.count() / 2
    assert ActorRole.objects.exists()
    assert not ActorRole.objects.filter(end_date__lt=F("start_date")).exists()
    for source in Source.objects.all():
        assert source.slug.startswith("synthetic-")
        assert source.url.startswith("https://example.org/")
        assert "synthetic" in source.note.lower()
    for place in Place.objects.all():
        assert -90 <= place.latitude <= 90 and -180 <= place.longitude <= 180


def test_records_pass_model_validation(synthetic):
    for model in (Topic, Source, Place, Actor, Meeting, Statement, Incident):
        for record in model.objects.all()[:60]:
            record.full_clean()


def test_exported_data_passes_every_curation_rule(synthetic, tmp_path):
    """Dates, citations, references and names that resolve to one record only: what
    validate_curated checks on the real dataset holds for the synthetic one."""
    call_command("export_curated", output=tmp_path, stdout=io.StringIO())
    data = check_curated(tmp_path)
    assert data.problems == []
    assert data.count()["meetings"] == 120


# --- The timeline index ---------------------------------------------------------------


def timeline_rows():
    entries = list(
        TimelineEntry.objects.order_by("event_type", "event_id").values(
            "id",
            "event_type",
            "event_id",
            "kind",
            "date",
            "end_date",
            "date_precision",
            "title",
            "place_id",
            "country",
            "search_text",
            "payload",
            "record_json",
            "item_json",
            "updated_at",
        )
    )
    actors = set(TimelineEntry.actors.through.objects.values_list("timelineentry_id", "actor_id"))
    topics = set(TimelineEntry.topics.through.objects.values_list("timelineentry_id", "topic_id"))
    return entries, actors, topics


def test_timeline_equals_what_rebuild_produces(synthetic):
    generated = timeline_rows()
    assert timeline_is_complete()
    assert rebuild_timeline() == N
    rebuilt = timeline_rows()
    assert all(row["record_json"] and row["item_json"] for row in generated[0])
    assert generated[0] == rebuilt[0]  # same rows, payloads, JSON, search texts, timestamps
    assert generated[1] == rebuilt[1]
    assert generated[2] == rebuilt[2]
    assert len(generated[1]) > N  # several actors an event


def search_schema():
    """The full-text search machinery: PostgreSQL's GIN indexes, SQLite's FTS5 triggers."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE indexdef LIKE %s",
                ["% USING gin %"],
            )
        else:
            cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        return sorted(cursor.fetchall())


def test_search_indexes_are_dropped_for_the_load_and_built_back(empty_db, client):
    before = search_schema()
    assert before
    generate()
    assert search_schema() == before
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:  # raises if the index disagrees with the table
            cursor.execute(
                "INSERT INTO events_timelineentry_fts(events_timelineentry_fts) "
                "VALUES ('integrity-check')"
            )
    found = walk(client, "/api/v1/events/?search=hydropower&page_size=100")
    assert len(found) == TimelineEntry.objects.filter(search_text__icontains="hydropower").count()


# --- Determinism ----------------------------------------------------------------------


def test_same_seed_same_data_other_seed_other_data(empty_db):
    generate(seed=7)
    first = dump()
    wipe()
    generate(seed=7, batch_size=17)  # the batch size never changes the content
    assert dump() == first
    wipe()
    generate(seed=8)
    other = dump()
    assert other != first
    assert other[Meeting._meta.db_table] != first[Meeting._meta.db_table]


# --- The API on top -------------------------------------------------------------------


def test_the_api_serves_the_data(synthetic, client):
    for path, expected in [
        ("/api/v1/meetings/", 120),
        ("/api/v1/statements/", 135),
        ("/api/v1/incidents/", 45),
        ("/api/v1/actors/", 50),
        ("/api/v1/places/", 30),
        ("/api/v1/topics/", 30),
        ("/api/v1/sources/", 5),
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.json()["count"] == expected, path
    assert len(walk(client, "/api/v1/events/?page_size=100")) == N
    stats = client.get("/api/v1/stats/?group_by=type").json()
    assert sum(row["total"] for row in stats["results"]) == N
    meeting = Meeting.objects.order_by("pk").first()
    response = client.get(f"/api/v1/meetings/{meeting.pk}/")
    assert response.status_code == 200 and response.headers["ETag"]
    actor = Actor.objects.order_by("pk").first()
    assert client.get(f"/api/v1/actors/{actor.slug}/events/").status_code == 200
    assert client.get("/api/v1/network/").status_code == 200


def test_search_finds_generated_text(synthetic, client):
    # A word of the fixed vocabulary, in the texts of many events.
    expected = TimelineEntry.objects.filter(search_text__icontains="hydropower").count()
    assert expected > 0
    found = walk(client, "/api/v1/events/?search=hydropower&page_size=100")
    assert len(found) == expected
    # Actor aliases are searchable too.
    alias = ActorAlias.objects.filter(owner__participations__isnull=False).first()
    assert walk(client, f"/api/v1/actors/?search={alias.name}")


def test_writes_and_deletions_work_afterwards(synthetic, curator_client, client):
    # Sequences were moved past the generated ids, so new records get fresh ones.
    created = curator_client.post(
        "/api/v1/topics/", {"slug": "after-synthetic", "name": "After"}, format="json"
    )
    assert created.status_code == 201, created.content
    meeting = Meeting.objects.order_by("pk").first()
    assert curator_client.delete(f"/api/v1/meetings/{meeting.pk}/").status_code == 204
    assert Tombstone.objects.filter(record_type="meeting", key=str(meeting.pk)).exists()
    assert TimelineEntry.objects.count() == N - 1
    statement = Statement.objects.order_by("pk").first()
    patched = curator_client.patch(
        f"/api/v1/statements/{statement.pk}/", {"title": "Retitled"}, format="json"
    )
    assert patched.status_code == 200, patched.content
    assert TimelineEntry.objects.get(event_type="statement", event_id=statement.pk).title == (
        "Retitled"
    )
    new = Meeting.objects.create(slug="new-one", title="New", kind="other", date="2024-01-01")
    assert new.pk > Meeting.objects.exclude(pk=new.pk).order_by("-pk").first().pk


# --- Refusal and validation -----------------------------------------------------------


def test_refuses_a_database_with_curated_data(sample):
    before = Meeting.objects.count()
    with pytest.raises(CommandError, match="--allow-curated"):
        generate()
    assert Meeting.objects.count() == before


def test_allow_curated_adds_beside_curated_data(sample, client):
    before = {model: model.objects.count() for model in (Meeting, Statement, Incident, Actor)}
    generate(allow_curated=True)
    assert Meeting.objects.count() == before[Meeting] + 120
    assert Statement.objects.count() == before[Statement] + 135
    assert Incident.objects.count() == before[Incident] + 45
    assert Actor.objects.count() == before[Actor] + 50
    assert timeline_is_complete()
    # Names stay unambiguous next to the curated ones (a state named like a curated one
    # gets a distinct name and slug).
    names = [name.casefold() for name in Actor.objects.values_list("name", flat=True)]
    assert len(names) == len(set(names))
    assert len(walk(client, "/api/v1/events/?page_size=100")) == sum(
        model.objects.count() for model in (Meeting, Statement, Incident)
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"events": 0}, "--events"),
        ({"events": -5}, "--events"),
        ({"events": 10**9}, "--events"),
        ({"events": "many"}, "--events"),
        ({"events": 10, "batch_size": 0}, "--batch-size"),
    ],
)
def test_bad_options_are_refused(empty_db, options, message):
    with pytest.raises(CommandError, match=message):
        call_command("generate_synthetic", stdout=io.StringIO(), **options)
    assert not Meeting.objects.exists()


def test_events_is_required(empty_db):
    with pytest.raises(CommandError, match="--events"):
        call_command("generate_synthetic", stdout=io.StringIO())
