"""The one door for writes (events.services): every entry point — the API, the admin, a
plain `.save()` / `.delete()` in a script — leaves the same trail: the timeline follows,
a revision says who, how and what, a deletion leaves a tombstone; bulk writes around
the door are refused."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse

from events import services
from events.models import Actor, Meeting, Revision, TimelineEntry, Tombstone, Topic
from events.write_context import WriteOutsideService


def timeline_item(client, event_type: str, event_id: int) -> dict:
    response = client.get(f"/api/v1/events/?type={event_type}&page_size=100")
    assert response.status_code == 200
    return next(i for i in response.json()["results"] if i["id"] == event_id)


def latest_revision(record_type: str, key: str) -> Revision:
    return Revision.objects.filter(record_type=record_type, key=key).order_by("-id").first()


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("root", password="pw-for-tests-only")


def rename_topic_through_api(curator_client, superuser, client) -> str:
    response = curator_client.patch(
        "/api/v1/topics/peace-treaty/", {"name": "Peace agreement"}, format="json"
    )
    assert response.status_code == 200, response.json()
    return "api"


def rename_topic_through_admin(curator_client, superuser, client) -> str:
    client.force_login(superuser)
    topic = Topic.objects.get(slug="peace-treaty")
    response = client.post(
        reverse("admin:events_topic_change", args=[topic.pk]),
        {"name": "Peace agreement", "slug": "peace-treaty", "description": topic.description},
    )
    assert response.status_code == 302, response.content[:500]
    return "admin"


def rename_topic_in_a_script(curator_client, superuser, client) -> str:
    topic = Topic.objects.get(slug="peace-treaty")
    topic.name = "Peace agreement"
    topic.save()
    return "script"


@pytest.mark.parametrize(
    "rename",
    [rename_topic_through_api, rename_topic_through_admin, rename_topic_in_a_script],
    ids=["api", "admin", "script"],
)
def test_every_entry_point_leaves_the_same_trail(sample, client, curator_client, superuser, rename):
    tagged = Meeting.objects.get(pk=1)
    before = tagged.updated_at
    via = rename(curator_client, superuser, client)
    revision = latest_revision("topic", "peace-treaty")
    assert (revision.action, revision.via) == ("updated", via)
    assert revision.changes == {"name": ["Peace treaty", "Peace agreement"]}
    # The events tagged with it show it again: moved forward, found by the new name.
    tagged.refresh_from_db()
    assert tagged.updated_at > before
    found = client.get("/api/v1/events/?search=agreement").json()["results"]
    assert ("meeting", 1) in {(item["type"], item["id"]) for item in found}


def test_a_plain_save_in_a_script_refreshes_the_timeline_and_records_a_revision(sample, client):
    meeting = Meeting.objects.get(pk=2)
    meeting.title = "Putin receives Pashinyan and Aliyev in Moscow"
    meeting.save()
    assert timeline_item(client, "meeting", 2)["title"] == meeting.title
    revision = latest_revision("meeting", "2")
    assert (revision.action, revision.via, revision.user) == ("updated", "script", None)
    assert revision.changes["title"][1] == meeting.title


def test_a_nested_change_in_a_script_counts_as_a_change_of_its_record(sample, client):
    meeting = Meeting.objects.get(pk=2)
    before = meeting.updated_at
    newcomer = Actor.objects.exclude(participations__meeting=meeting).first()
    meeting.participations.create(actor=newcomer, role="observer")
    meeting.topics.add(Topic.objects.get(slug="lachin-corridor"))
    item = timeline_item(client, "meeting", 2)
    assert {"slug": newcomer.slug, "name": newcomer.name, "role": "observer"} in item["actors"]
    assert "lachin-corridor" in item["topics"]
    meeting.refresh_from_db()
    assert meeting.updated_at > before
    # Two changes outside any block, so two revisions, each naming what it changed.
    topics, participants = Revision.objects.filter(record_type="meeting", key="2")[:2]
    assert (participants.via, topics.via) == ("script", "script")
    assert participants.changes.keys() == {"participants"}
    assert topics.changes.keys() == {"topics"}


def test_a_plain_delete_in_a_script_leaves_a_tombstone_and_a_restorable_revision(sample, client):
    Meeting.objects.get(pk=3).delete()
    assert not TimelineEntry.objects.filter(event_type="meeting", event_id=3).exists()
    assert Tombstone.objects.filter(record_type="meeting", key="3").exists()
    deletion = latest_revision("meeting", "3")
    assert (deletion.action, deletion.via) == ("deleted", "script")
    services.restore(deletion, via="script")
    assert timeline_item(client, "meeting", 3)["title"] == "Four days of talks in Washington"
    assert latest_revision("meeting", "3").action == "restored"


def test_bulk_writes_around_the_service_are_refused_and_change_nothing(sample):
    with pytest.raises(WriteOutsideService, match=r"events\.services"):
        Actor.objects.filter(slug="nikol-pashinyan").update(name="Someone else")
    with pytest.raises(WriteOutsideService):
        Meeting.objects.get(pk=1).participations.update(role="observer")
    assert Actor.objects.get(slug="nikol-pashinyan").name == "Nikol Pashinyan"


def test_a_failed_change_leaves_no_trail(sample):
    revisions = Revision.objects.count()
    with pytest.raises(RuntimeError), services.writing("script"):
        topic = Topic.objects.get(slug="peace-treaty")
        topic.name = "Never saved"
        topic.save()
        raise RuntimeError("the change fails half way")
    assert Topic.objects.get(slug="peace-treaty").name == "Peace treaty"
    assert Revision.objects.count() == revisions


def test_a_restore_in_the_admin_is_recorded_as_the_admin(sample, client, superuser):
    Topic.objects.get(slug="lachin-corridor").delete()
    deletion = latest_revision("topic", "lachin-corridor")
    client.force_login(superuser)
    client.post(
        reverse("admin:events_revision_changelist"),
        {"action": "restore_deleted", "_selected_action": [deletion.pk]},
    )
    restored = latest_revision("topic", "lachin-corridor")
    assert (restored.action, restored.via, restored.user) == ("restored", "admin", superuser)


def test_one_block_is_one_revision_per_record(sample):
    revisions = Revision.objects.count()
    with services.writing("script"), transaction.atomic():
        meeting = Meeting.objects.get(pk=1)
        meeting.summary = "Changed twice in one block."
        meeting.save()
        meeting.topics.clear()
        meeting.save()
    assert Revision.objects.count() == revisions + 1
    assert latest_revision("meeting", "1").changes.keys() == {"summary", "topics"}
