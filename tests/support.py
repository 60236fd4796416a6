"""Helpers shared by the test modules: paths, users, a careful API client, records set up
directly, the sample payload of a new meeting, and the database wiping of `empty_db`.
Not a test module and not a conftest: test modules import from here, never from each
other."""

from __future__ import annotations

import datetime
import importlib.util
import os
import sys
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import connection
from rest_framework.test import APIClient

from events.models import Actor, Citation, Incident, Meeting, Place, Source, Statement, Topic
from events.services import untracked_writes
from events.timeline import rebuild_timeline

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
SAMPLE_CURATED = DATA / "curated"
SAMPLE_SOURCES = DATA / "sources"
# The small dataset that also meets the provenance rules validate_curated applies.
SAMPLE_STRICT = DATA / "strict"
REPO_FIXTURES = REPO / "fixtures"
SDK_PYTHON = REPO / "sdk" / "python"


def use_official_client() -> None:
    """Make the official Python client (`parley`, `parley_api_client`) importable: the copy
    `make sdk` installs when there is one, else the committed sources in sdk/python."""
    if importlib.util.find_spec("parley") is None and str(SDK_PYTHON) not in sys.path:
        sys.path.insert(0, str(SDK_PYTHON))


def seeds_dir() -> Path | None:
    """The real source documents, if this machine has them (CI sets PARLEY_SOURCES_DIR)."""
    value = os.environ.get("PARLEY_SOURCES_DIR")
    return Path(value) if value and Path(value).is_dir() else None


def make_user(username: str, *, staff: bool, superuser: bool = False):
    return get_user_model().objects.create_user(
        username=username, password="pw-for-tests-only", is_staff=staff, is_superuser=superuser
    )


class CarefulClient(APIClient):
    """A well-behaved API client: before changing a record it reads it and sends its ETag
    as If-Match (unless the test sets If-Match itself)."""

    def _with_if_match(self, path: str, extra: dict) -> dict:
        if "HTTP_IF_MATCH" not in extra:
            etag = self.get(path).headers.get("ETag")
            if etag:
                extra["HTTP_IF_MATCH"] = etag
        return extra

    def put(self, path, *args, **extra):
        return super().put(path, *args, **self._with_if_match(path, extra))

    def patch(self, path, *args, **extra):
        return super().patch(path, *args, **self._with_if_match(path, extra))

    def delete(self, path, *args, **extra):
        return super().delete(path, *args, **self._with_if_match(path, extra))


def data_tables() -> list[str]:
    """Every table of the events app (records, their relations, history, the timeline):
    all the rows the sample dataset and the synthetic generator write."""
    return [
        model._meta.db_table
        for model in apps.get_app_config("events").get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]


def delete_everything() -> None:
    """Straight DELETEs of every data table (no signals, no tombstones, the search index
    kept in step by its triggers): back to a freshly migrated database. Foreign keys are
    deferred on SQLite and PostgreSQL, so the order does not matter; on SQLite the id
    counters start again at 1, as in a fresh database."""
    tables = data_tables()
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"DELETE FROM {quote(table)}")
        if connection.vendor == "sqlite":
            marks = ", ".join(["%s"] * len(tables))
            cursor.execute(f"DELETE FROM sqlite_sequence WHERE name IN ({marks})", tables)


def add_records(count: int) -> None:
    """`count` more records of every kind, each with relations to prefetch (written
    directly, the timeline rebuilt once at the end: a state set up, not a history)."""
    with untracked_writes():
        write_records(count)
    rebuild_timeline()


def write_records(count: int) -> None:
    actors = list(Actor.objects.all()[:3])
    topic = Topic.objects.first()
    source = Source.objects.first()
    place = Place.objects.get(slug="brussels")
    for n in range(count):
        day = datetime.date(2020, 1, 1) + datetime.timedelta(days=n)
        Topic.objects.create(slug=f"topic-{n}", name=f"Topic {n}")
        Source.objects.create(slug=f"source-{n}", title=f"Source {n}", document=f"d{n}.txt")
        new_place = Place.objects.create(slug=f"place-{n}", name=f"Place {n}", kind="city")
        new_place.aliases.create(name=f"Place alias {n}")
        actor = Actor.objects.create(slug=f"actor-{n}", name=f"Actor {n}", kind="person")
        actor.aliases.create(name=f"Actor alias {n}")
        actor.identifiers.create(scheme="test", value=str(n))
        actor.roles.create(title="Envoy", organization=actors[0])
        meeting = Meeting.objects.create(
            slug=f"m-{n}", title=f"Meeting {n}", kind="in_person", date=day, place=place
        )
        for member in actors:
            meeting.participations.create(actor=member, role="participant")
        meeting.topics.add(topic)
        statement = Statement.objects.create(
            slug=f"s-{n}",
            title=f"Statement {n}",
            kind="paraphrase",
            text="...",
            date=day,
            speaker=actors[0],
            meeting=meeting,
        )
        statement.mentions.set(actors[1:])
        incident = Incident.objects.create(
            slug=f"i-{n}", title=f"Incident {n}", kind="other", date=day, place=place
        )
        incident.incident_actors.create(actor=actors[0], role="affected")
        for subject in (meeting, statement, incident):
            Citation.objects.create(source=source, quote="q", **{subject._meta.model_name: subject})


def walk(client, url):
    """Every item of a cursor-paginated list, following `next`."""
    items = []
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.json()
        body = response.json()
        items += body["results"]
        url = body["next"]
    return items


def keys(items):
    return {(item["type"], item["id"]) for item in items}


# A valid new meeting of the sample dataset (tests of writes and of refused writes).
NEW_MEETING = {
    "slug": "2023-07-15-brussels-talks",
    "title": "Pashinyan and Aliyev meet again in Brussels",
    "kind": "in_person",
    "status": "held",
    "date": "2023-07-15",
    "date_precision": "day",
    "date_note": "Given in the source.",
    "place": "brussels",
    "participants": [
        {"actor": "nikol-pashinyan", "role": "participant"},
        {"actor": "ilham-aliyev", "role": "participant"},
        {"actor": "charles-michel", "role": "mediator"},
    ],
    "topics": ["peace-treaty"],
    "summary": "Talks in Brussels.",
    "citations": [{"source": "sample-a", "quote": "met in Brussels"}],
}
