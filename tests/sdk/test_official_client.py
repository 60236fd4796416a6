"""The official client (sdk/python/parley) and the user programs of sdk/examples, live.

The programs are written only from sdk/README.md; `make sdk` type-checks them with
`mypy --strict`, and here they run against a live server holding the sample dataset.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import parley
import pytest
from parley import ApiError, RetryTransport, all_results, connect, ok, pages, to_dataframe
from parley_api_client import Client
from parley_api_client.api.actors import actors_list
from parley_api_client.api.events import events_list
from parley_api_client.api.meetings import meetings_list
from parley_api_client.api.topics import topics_create, topics_list
from parley_api_client.models import (
    EventOrderingEnum,
    EventTypeEnum,
    PaginatedTopicList,
    TopicRequest,
)
from rest_framework.throttling import AnonRateThrottle

from tests.support import REPO

SAMPLE_EVENTS = 10  # tests/data/curated: 4 meetings, 3 statements, 3 incidents


def test_every_page_of_a_page_numbered_list(server):
    client = connect(server)
    first = ok(actors_list.sync(client=client, page_size=2))
    assert first.count == 7 and len(first.results) == 2
    assert len(list(pages(client, first))) == 4
    slugs = [actor.slug for actor in all_results(client, first)]
    assert len(slugs) == len(set(slugs)) == 7
    assert "nikol-pashinyan" in slugs


def test_every_page_of_a_cursor_list(server):
    client = connect(server)
    items = list(all_results(client, ok(events_list.sync(client=client, page_size=3))))
    assert len(items) == SAMPLE_EVENTS
    assert {item.type_ for item in items} == set(EventTypeEnum)
    assert [i.date for i in items] == sorted((i.date for i in items), reverse=True)


def test_errors_raise_with_the_fields_named(server):
    client = connect(server)
    with pytest.raises(ApiError) as raised:
        ok(meetings_list.sync(client=client, participant=["nobody-at-all"]))
    assert raised.value.status == 400
    assert "participant" in raised.value.body


def test_to_dataframe(server):
    pytest.importorskip("pandas")
    client = connect(server)
    first = ok(
        meetings_list.sync(client=client, ordering=[EventOrderingEnum.DATE_ASC], page_size=2)
    )
    frame = to_dataframe(all_results(client, first))
    assert len(frame) == 4
    assert frame["slug"].iloc[0] == "2023-05-01-washington-talks"
    assert "place.slug" in frame.columns  # embedded objects flattened
    assert set(frame["place.slug"]) >= {"brussels"}


def test_writes_with_a_token(server, staff_token):
    client = connect(server, staff_token)
    topic = topics_create.sync(client=client, body=TopicRequest(slug="via-parley", name="P"))
    assert topic is not None and topic.slug == "via-parley"
    listed = ok(topics_list.sync(client=connect(server)))
    assert isinstance(listed, PaginatedTopicList)
    assert "via-parley" in {t.slug for t in listed.results}


@pytest.fixture
def two_per_second(monkeypatch):
    from django.core.cache import cache

    cache.clear()
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/second"})
    yield
    cache.clear()


def test_429_is_retried_after_retry_after(server, two_per_second):
    """The live server throttles (2 requests a second): every read still succeeds, after
    waiting as long as each 429's Retry-After said."""
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        time.sleep(seconds)

    client = Client(base_url=server, raise_on_unexpected_status=True)
    client.set_httpx_client(httpx.Client(base_url=server, transport=RetryTransport(sleep=sleep)))
    for _ in range(5):
        assert isinstance(topics_list.sync(client=client), PaginatedTopicList)
    assert waits, "the server never answered 429: the test throttles nothing"
    assert all(wait == 1.0 for wait in waits)  # Retry-After: 1 (a one-second window)
    plain = [
        httpx.get(f"{server}/api/v1/topics/").status_code for _ in range(5)
    ]  # without the layer
    assert 429 in plain


def test_retry_after_as_seconds_or_an_http_date():
    assert parley.retry_after_seconds("7") == 7.0
    assert parley.retry_after_seconds(None) == 1.0
    soon = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    assert 28 <= parley.retry_after_seconds(soon) <= 30
    assert parley.retry_after_seconds("not a date") == 1.0


def example_environment() -> dict[str, str]:
    """The example programs import the same client as these tests (installed or not)."""
    source = os.path.dirname(os.path.dirname(parley.__file__))
    return {**os.environ, "PYTHONPATH": source}


@pytest.mark.parametrize("program", ["generated_client.py", "official_client.py"])
def test_the_example_programs_run_against_a_live_server(server, program):
    result = subprocess.run(
        [sys.executable, str(REPO / "sdk" / "examples" / program), server],
        capture_output=True,
        text=True,
        env=example_environment(),
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "3 meetings"
    assert lines[1].startswith("2023-05-14 ") and lines[1].endswith("(Brussels)")
    statements = [line for line in lines if " statement " in line]
    assert len(statements) == 3
    if program == "official_client.py":
        assert "place.slug" in lines[-4] and "brussels" in lines[-3]
