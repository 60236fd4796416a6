"""Shared fixtures: a small hand-written curated dataset (tests/data) loaded into the
real test database, and API clients with different rights."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from events.curation import check_curated
from events.loading import load_curated_data

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
    load_curated_data(data)
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


@pytest.fixture
def curator_client(curator) -> APIClient:
    api = APIClient()
    api.force_authenticate(curator)
    return api


@pytest.fixture
def curator_token(curator) -> str:
    return Token.objects.create(user=curator).key
