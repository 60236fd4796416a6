"""Page counts come from the cache while the data is unchanged, and never outlive it."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Actor, Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def counted(client, url: str) -> tuple[int, bool]:
    """The answer's `count`, and whether the request counted rows in the database."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    counting = any("COUNT(" in query["sql"].upper() for query in queries.captured_queries)
    return response.json()["count"], counting


def test_a_repeated_list_request_does_not_count_again(client, sample):
    first = counted(client, "/api/v1/meetings/?page_size=1")
    again = counted(client, "/api/v1/meetings/?page_size=1&page=2")
    assert first == (Meeting.objects.count(), True)
    assert again == (Meeting.objects.count(), False)


def test_each_filter_has_its_own_count(client, sample):
    everything, _ = counted(client, "/api/v1/meetings/")
    held, counting = counted(client, "/api/v1/meetings/?status=held")
    assert counting
    assert held == Meeting.objects.filter(status="held").count() < everything


def test_a_write_or_a_deletion_changes_the_count_at_once(client, sample):
    before, _ = counted(client, "/api/v1/meetings/")
    Meeting.objects.order_by("id").first().delete()
    after_delete, counting = counted(client, "/api/v1/meetings/")
    assert (after_delete, counting) == (before - 1, True)
    template = Meeting.objects.first()
    Meeting.objects.create(
        slug="one-more", title="One more", kind=template.kind, date=template.date
    )
    assert counted(client, "/api/v1/meetings/") == (before, True)


def test_an_edit_that_moves_a_record_out_of_a_filter_is_seen(client, sample):
    held, _ = counted(client, "/api/v1/meetings/?status=held")
    meeting = Meeting.objects.filter(status="held").first()
    meeting.status = "cancelled"
    meeting.save()
    assert counted(client, "/api/v1/meetings/?status=held")[0] == held - 1


# --- /stats/ is cached the same way ----------------------------------------------------


def stats(client, url: str) -> tuple[list[dict], bool]:
    """The answer's rows, and whether the request grouped rows in the database."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    counting = any("COUNT(" in query["sql"].upper() for query in queries.captured_queries)
    return response.json()["results"], counting


def totals(rows: list[dict]) -> dict:
    return {row["key"]: row["total"] for row in rows}


def test_stats_are_grouped_once_per_version_of_the_data(client, sample):
    first, counting = stats(client, "/api/v1/stats/?group_by=month")
    assert counting
    again, counting = stats(client, "/api/v1/stats/?group_by=month")
    assert (again, counting) == (first, False)
    _, counting = stats(client, "/api/v1/stats/?group_by=type")
    assert counting  # each grouping (and each filter) has its own answer


def test_a_write_changes_the_stats_at_once(client, sample):
    before, _ = stats(client, "/api/v1/stats/?group_by=month")
    meeting = Meeting.objects.get(pk=1)
    month = meeting.date.strftime("%Y-%m")
    meeting.delete()
    after, counting = stats(client, "/api/v1/stats/?group_by=month")
    assert counting
    assert totals(after)[month] == totals(before)[month] - 1
    # A new name is seen at once too (the actor grouping shows names).
    actors, _ = stats(client, "/api/v1/stats/?group_by=actor")
    actor = Actor.objects.get(slug="nikol-pashinyan")
    actor.name = "Nikol V. Pashinyan"
    actor.save()
    renamed, counting = stats(client, "/api/v1/stats/?group_by=actor")
    assert counting
    labels = {row["key"]: row["label"] for row in renamed}
    assert (
        labels["nikol-pashinyan"]
        == "Nikol V. Pashinyan"
        != {row["key"]: row["label"] for row in actors}["nikol-pashinyan"]
    )
