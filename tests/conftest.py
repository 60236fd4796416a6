"""Shared fixtures: a small hand-written curated dataset (tests/data) loaded once per
session into the real test database, and API clients with different rights.

The database every test sees holds the sample dataset: `django_db_setup` loads it once,
after the migrations, and each test runs in a transaction rolled back at its end. A test
that needs an empty database asks for `empty_db`. Transactional tests (`transactional_db`,
`live_server`) flush the database when they end; `sample` then loads the dataset again
inside the next test that asks for it. Helpers shared by test modules live in
tests/support.py."""

from __future__ import annotations

import copy

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.core.management.color import no_style
from django.db import connection
from knox.models import AuthToken
from rest_framework.test import APIClient

from events.curated.validation import CuratedData, check_curated
from events.models import Meeting
from events.registry import EVENT_TYPES
from events.services import load_curated
from tests.support import (
    SAMPLE_CURATED,
    SAMPLE_SOURCES,
    CarefulClient,
    delete_everything,
    make_user,
)

EVENT_MODELS = [kind.model for kind in EVENT_TYPES]


@pytest.fixture(scope="session")
def sample_data() -> CuratedData:
    """The small test dataset, read and checked once."""
    data = check_curated(SAMPLE_CURATED, SAMPLE_SOURCES)
    assert not data.problems, data.problems
    return data


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, sample_data):
    """The test database as pytest-django migrates it, with the sample dataset loaded once
    (committed: every test's transaction starts from it and rolls back to it)."""
    with django_db_blocker.unblock():
        load_curated(sample_data)


@pytest.fixture(autouse=True)
def cold_cache():
    """Every test starts with an empty cache: the dataset and so its version (the newest
    change, events.api.conditional) are the same in every test, and a page count cached
    by one test must not answer another that changed the data without a new version."""
    cache.clear()


@pytest.fixture
def sample(db, sample_data) -> CuratedData:
    """The small test dataset, loaded (since the session started, or again here when a
    transactional test has flushed the database)."""
    if Meeting.objects.exists():
        # As a load does: move PostgreSQL's id sequences of the events (inserted with the
        # files' ids) just past them, so that new events get the ids a fresh load gives
        # (sequences ignore rollbacks; SQLite's counters roll back with the test).
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), EVENT_MODELS):
                cursor.execute(sql)
    else:
        load_curated(sample_data)
    return copy.deepcopy(sample_data)


@pytest.fixture
def empty_db(db) -> None:
    """A freshly migrated, empty database for this test: the session's sample dataset is
    deleted inside the test's transaction, which rolls back at its end."""
    delete_everything()


@pytest.fixture
def client() -> APIClient:
    return APIClient()


@pytest.fixture
def curator(db):
    """A staff user holding every permission on the events app."""
    user = make_user("curator", staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="events"))
    return user


@pytest.fixture
def curator_client(curator) -> APIClient:
    api = CarefulClient()
    api.force_authenticate(curator)
    return api


@pytest.fixture
def curator_token(curator) -> str:
    return AuthToken.objects.create(user=curator)[1]
