"""A list page costs the same number of queries whatever its size (no N+1)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Actor, Citation, Incident, Meeting, Source, Statement, Topic

pytestmark = pytest.mark.django_db

ROWS = 40


@pytest.fixture
def many_events(sample):
    """ROWS extra meetings, statements and incidents, each with relations to prefetch."""
    actors = list(Actor.objects.all()[:3])
    topic = Topic.objects.first()
    source = Source.objects.first()
    for n in range(ROWS):
        day = datetime.date(2020, 1, 1) + datetime.timedelta(days=n)
        meeting = Meeting.objects.create(
            slug=f"m-{n}", title=f"Meeting {n}", kind="in_person", date=day
        )
        for actor in actors:
            meeting.participations.create(actor=actor, role="participant")
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
            slug=f"i-{n}", title=f"Incident {n}", kind="other", date=day
        )
        incident.incident_actors.create(actor=actors[0], role="affected")
        for subject in (meeting, statement, incident):
            Citation.objects.create(source=source, quote="q", **{subject._meta.model_name: subject})


def count_queries(client, url):
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
