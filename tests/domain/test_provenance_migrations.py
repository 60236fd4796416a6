"""Migrations 0010 and 0011 on a database that holds data: the timeline's new columns are
filled from the records (`documented`, citations with `supports`/`disagrees`), and on
SQLite full-text search still follows every write afterwards (adding a column rebuilds
the timeline table, which drops the FTS5 triggers: the migrations create them again)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from rest_framework.test import APIClient

from events.models import Meeting, TimelineEntry
from tests.support import keys, walk

BEFORE = [("events", "0009_citation_supports_disagrees")]

# Meeting 1 of the sample: each filtered-on value it has, supported by its one document.
MEETING_1_FIELDS = ["date", "place", "participants", "kind", "status"]


def migrate(targets) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def latest() -> list[tuple[str, str]]:
    executor = MigrationExecutor(connection)
    return [key for key in executor.loader.graph.leaf_nodes() if key[0] == "events"]


def found(words: str) -> set:
    return keys(walk(APIClient(), f"/api/v1/events/?search={words}&page_size=100"))


@pytest.mark.django_db(transaction=True)
def test_migrating_fills_the_new_timeline_columns_and_keeps_search(sample):
    migrate(BEFORE)
    try:
        with connection.cursor() as cursor:
            # The 0009 schema: set field-level support with plain SQL.
            cursor.execute(
                "UPDATE events_citation SET supports = %s WHERE meeting_id = 1",
                ['["' + '", "'.join(MEETING_1_FIELDS) + '"]'],
            )
    finally:
        migrate(latest())

    rows = {(r.event_type, r.event_id): r for r in TimelineEntry.objects.all()}
    assert rows[("meeting", 1)].documented is True
    assert {key for key, row in rows.items() if row.documented} == {("meeting", 1)}
    cited = rows[("meeting", 1)].payload["citations"][0]
    assert (cited["supports"], cited["disagrees"]) == (MEETING_1_FIELDS, False)
    assert rows[("meeting", 2)].payload["citations"][0]["supports"] == []
    assert not any(row.ongoing for row in rows.values())

    # Search still follows writes: the triggers are back.
    assert found("Brussels") == {("meeting", 1)}
    meeting = Meeting.objects.get(pk=1)
    meeting.title = "Talks on Kilimanjaro"
    meeting.save()
    assert ("meeting", 1) in found("Kilimanjaro")
    assert APIClient().get("/api/v1/events/?documented_only=true").json()["results"][0]["id"] == 1
