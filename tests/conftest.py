"""Shared fixtures: a small hand-written curated dataset (tests/data) loaded into the
real test database, and API clients with different rights."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from events.curated.validation import check_curated
from events.models import Actor, Citation, Incident, Meeting, Place, Source, Statement, Topic
from events.services import load_curated, untracked_writes
from events.timeline import rebuild_timeline

DATA = Path(__file__).parent / "data"
SAMPLE_CURATED = DATA / "curated"
SAMPLE_SOURCES = DATA / "sources"
REPO_FIXTURES = Path(__file__).parent.parent / "fixtures"


def seeds_dir() -> Path | None:
    """The real source documents, if this machine has them (CI sets PARLEY_SOURCES_DIR)."""
    value = os.environ.get("PARLEY_SOURCES_DIR")
    return Path(value) if value and Path(value).is_dir() else None


@pytest.fixture
def sample(db):
    """The small test dataset, loaded."""
    data = check_curated(SAMPLE_CURATED, SAMPLE_SOURCES)
    assert not data.problems, data.problems
    load_curated(data)
    return data


@pytest.fixture
def client() -> APIClient:
    return APIClient()


def make_user(username: str, *, staff: bool, superuser: bool = False):
    return get_user_model().objects.create_user(
        username=username, password="pw-for-tests-only", is_staff=staff, is_superuser=superuser
    )


@pytest.fixture
def curator(db):
    """A staff user holding every permission on the events app."""
    user = make_user("curator", staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="events"))
    return user


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


@pytest.fixture
def curator_client(curator) -> APIClient:
    api = CarefulClient()
    api.force_authenticate(curator)
    return api


@pytest.fixture
def curator_token(curator) -> str:
    return Token.objects.create(user=curator).key


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
