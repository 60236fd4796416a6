"""List pages and CSV exports (the stored JSON, events/api/stored.py) are exactly what
the serializers would answer.

Lists splice each event's stored representation rather than serializing per request;
the serializers still define the documented schema and build what is stored. These
tests load the real curated dataset and compare, record by record and key by key (order
included), every list page and CSV export with the serializer's representation of the
same records (tests/api/test_stored.py checks the stored texts themselves).
"""

from __future__ import annotations

import csv
import io

import pytest
from rest_framework.test import APIRequestFactory

from events.api import serializers
from events.api.renderers import csv_chunks, serializer_columns
from events.curated.validation import check_curated
from events.models import Incident, Meeting, Statement, TimelineEntry
from events.services import load_curated
from tests.support import REPO_FIXTURES

pytestmark = pytest.mark.django_db

LISTS = [
    ("meetings", Meeting, serializers.MeetingSerializer),
    ("statements", Statement, serializers.StatementSerializer),
    ("incidents", Incident, serializers.IncidentSerializer),
]


@pytest.fixture
def curated(empty_db):
    data = check_curated(REPO_FIXTURES)
    assert not data.problems, data.problems
    load_curated(data)


def expected(model, serializer_class, path):
    request = APIRequestFactory().get(path, HTTP_HOST="testserver")
    records = model.objects.for_api()
    return [serializer_class(record, context={"request": request}).data for record in records]


@pytest.mark.parametrize(("endpoint", "model", "serializer_class"), LISTS)
def test_list_rows_equal_the_serializer(client, curated, endpoint, model, serializer_class):
    path = f"/api/v1/{endpoint}/"
    answer = client.get(path, {"page_size": 500})
    assert answer.status_code == 200
    rows = answer.json()["results"]
    want = [dict(item) for item in expected(model, serializer_class, path)]
    assert len(rows) == model.objects.count() > 0
    for got, record in zip(rows, want, strict=True):
        assert list(got) == list(record)  # same keys, same order
        assert got == record


@pytest.mark.parametrize(("endpoint", "model", "serializer_class"), LISTS)
def test_csv_export_rows_equal_the_serializer(client, curated, endpoint, model, serializer_class):
    path = f"/api/v1/{endpoint}/"
    answer = client.get(path, {"format": "csv"})
    assert answer.status_code == 200
    table = list(csv.DictReader(io.StringIO(b"".join(answer.streaming_content).decode())))
    assert [row["slug"] for row in table] == [r.slug for r in model.objects.all()]
    # Same cells as the CSV renderer makes of the serializer's records.
    columns = serializer_columns(serializer_class())
    want_text = "".join(csv_chunks(columns, expected(model, serializer_class, path)))
    assert list(csv.DictReader(io.StringIO(want_text))) == table


def test_timeline_rows_equal_the_serializer(client, curated):
    request = APIRequestFactory().get("/api/v1/events/", HTTP_HOST="testserver")
    want = [
        serializers.TimelineItemSerializer(entry, context={"request": request}).data
        for entry in TimelineEntry.objects.all()
    ]
    got = client.get("/api/v1/events/", {"page_size": 500}).json()["results"]
    assert len(got) == TimelineEntry.objects.count() > 0
    for item, record in zip(got, want, strict=True):
        assert list(item) == list(record)
        assert item == dict(record)


def test_rows_hold_nulls_and_empty_lists(client, curated):
    """Records without a place, end date or casualty figures answer null, not a guess."""
    meeting = Meeting.objects.filter(place__isnull=True).first() or Meeting.objects.first()
    meeting.place = None
    meeting.save()
    meeting.participations.all().delete()
    meeting.citations.all().delete()
    meeting.topics.clear()
    rows = client.get("/api/v1/meetings/", {"page_size": 500}).json()["results"]
    row = next(r for r in rows if r["id"] == meeting.id)
    assert row["place"] is None
    assert row["participants"] == [] and row["citations"] == [] and row["topics"] == []
    incidents = client.get("/api/v1/incidents/", {"page_size": 500}).json()["results"]
    unknown = Incident.objects.filter(fatalities__isnull=True)
    assert {r["id"] for r in incidents if r["fatalities"] is None} == {i.id for i in unknown}
