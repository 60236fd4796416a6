"""Incremental sync: Last-Modified / ETag with 304, updated_since, the deletions feed."""

import time

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    ["/api/v1/meetings/", "/api/v1/meetings/1/", "/api/v1/actors/armenia/", "/api/v1/events/"],
)
def test_conditional_get_answers_304(client, sample, url):
    first = client.get(url)
    assert first.status_code == 200
    assert first["ETag"] and first["Last-Modified"]
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304


def test_a_change_invalidates_the_etag(client, curator_client, sample):
    first = client.get("/api/v1/meetings/1/")
    curator_client.patch("/api/v1/meetings/1/", {"title": "Changed"}, format="json")
    again = client.get("/api/v1/meetings/1/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert again.json()["title"] == "Changed"


def test_updated_since_finds_only_the_changed_record(client, curator_client, sample):
    before = timezone.now().isoformat()
    curator_client.patch("/api/v1/meetings/2/", {"title": "Changed"}, format="json")
    changed = client.get("/api/v1/meetings/", {"updated_since": before}).json()["results"]
    assert [m["id"] for m in changed] == [2]
    events = client.get("/api/v1/events/", {"updated_since": before}).json()["results"]
    assert [(e["type"], e["id"]) for e in events] == [("meeting", 2)]


def test_deletions_feed(client, curator_client, sample):
    start = timezone.now().isoformat()
    curator_client.delete("/api/v1/meetings/4/")
    curator_client.delete("/api/v1/topics/transport-links/")
    feed = client.get("/api/v1/deletions/", {"deleted_since": start}).json()["results"]
    assert [(d["type"], d["key"]) for d in feed] == [("meeting", "4"), ("topic", "transport-links")]
    only_meetings = client.get("/api/v1/deletions/", {"type": "meeting"}).json()["results"]
    assert [d["key"] for d in only_meetings] == ["4"]
    assert client.get("/api/v1/deletions/", {"deleted_since": "soon"}).status_code == 400


def test_renaming_an_actor_marks_the_events_showing_it_as_changed(client, curator_client, sample):
    since = timezone.now().isoformat()
    curator_client.patch("/api/v1/actors/vladimir-putin/", {"name": "V. Putin"}, format="json")
    changed = client.get("/api/v1/meetings/", {"updated_since": since}).json()["results"]
    assert [m["id"] for m in changed] == [2]
    assert changed[0]["participants"][0]["name"] == "V. Putin"


def test_deleting_a_meeting_marks_its_statements_as_changed(client, curator_client, sample):
    since = timezone.now().isoformat()
    curator_client.delete("/api/v1/meetings/2/")
    changed = client.get("/api/v1/statements/", {"updated_since": since}).json()["results"]
    assert [(s["id"], s["meeting"]) for s in changed] == [(2, None)]


def test_list_last_modified_moves_when_a_record_leaves_the_filter(client, curator_client, sample):
    url = "/api/v1/meetings/?status=planned"
    first = client.get(url)
    time.sleep(1.1)  # HTTP dates count whole seconds
    curator_client.patch("/api/v1/meetings/4/", {"status": "held"}, format="json")
    again = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 200
    assert again.json()["count"] == 0


def test_anonymous_reads_may_be_cached_briefly_and_a_curators_are_private(
    client, curator_client, sample
):
    public = client.get("/api/v1/meetings/")
    assert set(public["Cache-Control"].split(", ")) == {"public", "max-age=60"}
    assert {"Accept", "Authorization", "Cookie"} <= set(public["Vary"].split(", "))
    private = curator_client.get("/api/v1/meetings/")
    assert set(private["Cache-Control"].split(", ")) == {"private", "no-cache"}
