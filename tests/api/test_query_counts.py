"""A list page costs the same number of queries whatever its size (no N+1)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support import add_records

pytestmark = pytest.mark.django_db

ROWS = 40


@pytest.fixture
def many_events(sample):
    """ROWS extra records of every kind, each with relations to prefetch."""
    add_records(ROWS)


def count_queries(client, url):
    cache.clear()  # page counts are cached (tests/api/test_counting.py): measure the cold path
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), len(response.json()["results"])


@pytest.mark.parametrize(
    "endpoint", ["meetings", "statements", "incidents", "actors", "places", "topics", "sources"]
)
def test_query_count_does_not_grow_with_page_size(
    client, many_events, django_assert_max_num_queries, endpoint
):
    small, small_rows = count_queries(client, f"/api/v1/{endpoint}/?page_size=2")
    large, large_rows = count_queries(client, f"/api/v1/{endpoint}/?page_size=40")
    assert large_rows > small_rows or endpoint in ("places", "topics", "sources", "actors")
    assert large == small
    with django_assert_max_num_queries(8):
        client.get(f"/api/v1/{endpoint}/?page_size=40")
