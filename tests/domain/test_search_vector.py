"""PostgreSQL search reads a stored `tsvector` (migration 0012): the vector follows every
write of the text, the GIN index is on it, and ranking never recomputes `to_tsvector`."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import TimelineEntry
from events.queries.search import search_timeline
from tests.support import keys, walk

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL column"),
]


def stored_vector(event_type: str, event_id: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_vector::text FROM events_timelineentry "
            "WHERE event_type = %s AND event_id = %s",
            [event_type, event_id],
        )
        return cursor.fetchone()[0]


def test_the_vector_is_stored_and_indexed(sample):
    assert "'brussel'" in stored_vector("meeting", 1)  # stemmed English words
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'events_timelineentry' "
            "AND indexdef LIKE '%% USING gin %%'"
        )
        definitions = [row[0] for row in cursor.fetchall()]
    assert definitions == [
        "CREATE INDEX timeline_search_vector_gin ON public.events_timelineentry "
        "USING gin (search_vector)"
    ]


def test_ranking_reads_the_stored_vector(client, sample):
    with CaptureQueriesContext(connection) as queries:
        items = walk(client, "/api/v1/events/?search=talks")
    assert ("meeting", 3) in keys(items)
    searches = [q["sql"] for q in queries.captured_queries if "ts_rank" in q["sql"]]
    assert searches
    assert not any("to_tsvector" in sql for sql in searches)
    ranks = list(search_timeline(TimelineEntry.objects.all(), "talks").values_list("rank"))
    assert all(rank > 0 for (rank,) in ranks)


def test_the_vector_follows_writes(curator_client, client, sample):
    assert keys(walk(client, "/api/v1/events/?search=Reykjavik")) == set()
    response = curator_client.patch(
        "/api/v1/meetings/3/", {"title": "Talks moved to Reykjavik"}, format="json"
    )
    assert response.status_code == 200, response.json()
    assert "'reykjavik'" in stored_vector("meeting", 3)
    assert keys(walk(client, "/api/v1/events/?search=Reykjavik")) == {("meeting", 3)}
    # Event lists search through the timeline as a subquery: the column keeps its alias.
    body = client.get("/api/v1/meetings/?search=Reykjavik").json()
    assert [m["id"] for m in body["results"]] == [3]
