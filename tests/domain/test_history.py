"""Every change is recorded with who, when, how and what; deleted records come back."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from events.models import Meeting, Revision, TimelineEntry
from tests.support import make_user

pytestmark = pytest.mark.django_db


def history(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.json()
    return response.json()["results"]


def test_loading_records_a_creation_for_every_record_and_nothing_when_unchanged(sample):
    records = sum(sample.count().values())
    assert Revision.objects.filter(via="load_curated", action="created").count() == records
    from events.curated.validation import check_curated
    from events.services import load_curated
    from tests.support import SAMPLE_CURATED

    load_curated(check_curated(SAMPLE_CURATED))
    assert Revision.objects.count() == records


def test_api_changes_are_recorded_with_who_and_what(client, curator_client, sample):
    curator_client.patch("/api/v1/meetings/1/", {"title": "Renamed"}, format="json")
    revisions = history(client, "/api/v1/meetings/1/history/")
    assert [r["action"] for r in revisions] == ["updated", "created"]
    latest = revisions[0]
    assert latest["user"] == "curator" and latest["via"] == "api"
    assert latest["changes"] == {
        "title": ["Pashinyan and Aliyev meet in Brussels, mediated by Michel", "Renamed"]
    }
    assert latest["snapshot"]["title"] == "Renamed"
    assert client.get("/api/v1/meetings/999/history/").status_code == 404


def test_a_deleted_meeting_is_restored_whole(client, curator_client, sample):
    before = client.get("/api/v1/meetings/1/").json()
    assert curator_client.delete("/api/v1/meetings/1/").status_code == 204
    deleted = history(client, "/api/v1/history/?type=meeting&key=1&action=deleted")
    assert len(deleted) == 1 and deleted[0]["snapshot"]["participants"]

    response = curator_client.post(f"/api/v1/history/{deleted[0]['id']}/restore/")
    assert response.status_code == 201, response.json()
    assert response.json()["action"] == "restored"
    after = client.get("/api/v1/meetings/1/").json()
    for field in ("title", "date", "place", "participants", "topics", "citations", "summary"):
        assert after[field] == before[field], field
    assert TimelineEntry.objects.filter(event_type="meeting", event_id=1).exists()


def test_restore_refuses_what_it_cannot_do(client, curator_client, sample):
    created = Revision.objects.filter(record_type="meeting", key="2").first()
    response = curator_client.post(f"/api/v1/history/{created.pk}/restore/")
    assert response.status_code == 400 and "action" in response.json()

    curator_client.delete("/api/v1/meetings/2/")
    deletion = Revision.objects.get(record_type="meeting", key="2", action="deleted")
    assert client.post(f"/api/v1/history/{deletion.pk}/restore/").status_code == 401
    intern = APIClient()
    intern.force_authenticate(make_user("intern", staff=True))
    assert intern.post(f"/api/v1/history/{deletion.pk}/restore/").status_code == 403

    assert curator_client.post(f"/api/v1/history/{deletion.pk}/restore/").status_code == 201
    again = curator_client.post(f"/api/v1/history/{deletion.pk}/restore/")
    assert again.status_code == 400 and "key" in again.json()


def test_restore_names_a_reference_that_is_gone(curator_client, sample):
    curator_client.delete("/api/v1/meetings/2/")
    curator_client.delete("/api/v1/topics/transport-links/")
    deletion = Revision.objects.get(record_type="meeting", key="2", action="deleted")
    response = curator_client.post(f"/api/v1/history/{deletion.pk}/restore/")
    assert response.status_code == 400
    assert "topics" in response.json()
    assert not Meeting.objects.filter(pk=2).exists()


def test_admin_changes_and_deletions_are_recorded_and_restorable(client, sample):
    admin_user = make_user("admin", staff=True, superuser=True)
    client.force_login(admin_user)
    client.post(
        reverse(
            "admin:events_topic_delete",
            args=[Revision.objects.model._meta.app_label and _topic_pk("lachin-corridor")],
        ),
        {"post": "yes"},
    )
    deletion = Revision.objects.get(record_type="topic", key="lachin-corridor", action="deleted")
    assert deletion.via == "admin" and deletion.user == admin_user
    client.post(
        reverse("admin:events_revision_changelist"),
        {"action": "restore_deleted", "_selected_action": [deletion.pk]},
    )
    assert Revision.objects.filter(
        record_type="topic", key="lachin-corridor", action="restored"
    ).exists()


def _topic_pk(slug):
    from events.models import Topic

    return Topic.objects.get(slug=slug).pk
