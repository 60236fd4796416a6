"""Anonymous users read; staff curators with the model permission write, by session or
token; write bodies are validated with the same rules as the models."""

import pytest
from rest_framework.test import APIClient

from events.models import Citation, Meeting, Participation
from tests.support import NEW_MEETING, CarefulClient, make_user

pytestmark = pytest.mark.django_db


def test_anonymous_cannot_write(client, sample):
    assert client.post("/api/v1/meetings/", NEW_MEETING, format="json").status_code == 401
    assert client.delete("/api/v1/meetings/1/").status_code == 401
    assert Meeting.objects.count() == 4


def test_non_staff_cannot_write(sample):
    api = APIClient()
    api.force_authenticate(make_user("reader", staff=False))
    assert api.post("/api/v1/meetings/", NEW_MEETING, format="json").status_code == 403


def test_staff_without_model_permission_cannot_write(sample):
    api = APIClient()
    api.force_authenticate(make_user("intern", staff=True))
    assert api.post("/api/v1/meetings/", NEW_MEETING, format="json").status_code == 403


def test_curator_creates_a_meeting_with_nested_records(curator_client, sample):
    response = curator_client.post("/api/v1/meetings/", NEW_MEETING, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["place"] == {"slug": "brussels", "name": "Brussels"}
    assert {"slug": "charles-michel", "name": "Charles Michel", "role": "mediator"} in body[
        "participants"
    ]
    assert body["id"] not in (1, 2, 3, 4)  # ids continue after the curated ones
    meeting = Meeting.objects.get(pk=body["id"])
    assert meeting.participations.count() == 3
    assert meeting.citations.get().quote == "met in Brussels"


@pytest.mark.parametrize("keyword", ["Token", "Bearer"])
def test_token_authentication(curator_token, sample, keyword):
    api = CarefulClient()
    api.credentials(HTTP_AUTHORIZATION=f"{keyword} {curator_token}")
    response = api.patch("/api/v1/meetings/1/", {"title": "Renamed"}, format="json")
    assert response.status_code == 200, response.json()
    assert Meeting.objects.get(pk=1).title == "Renamed"


def test_wrong_token_is_refused(sample):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    response = api.patch("/api/v1/meetings/1/", {"title": "Renamed"}, format="json")
    assert response.status_code == 401


def test_patch_replaces_nested_participants(curator_client, sample):
    body = {"participants": [{"actor": "armenia", "role": "participant"}]}
    response = curator_client.patch("/api/v1/meetings/1/", body, format="json")
    assert response.status_code == 200
    assert [p["slug"] for p in response.json()["participants"]] == ["armenia"]
    assert Participation.objects.filter(meeting_id=1).count() == 1
    # Untouched fields stay as they were.
    assert response.json()["citations"][0]["source"] == "sample-a"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"participants": [{"actor": "nobody", "role": "participant"}]}, "participants"),
        ({"participants": [{"actor": "armenia", "role": "boss"}]}, "participants"),
        ({"participants": []}, "participants"),
        (
            {
                "participants": [
                    {"actor": "armenia", "role": "participant"},
                    {"actor": "armenia", "role": "host"},
                ]
            },
            "participants",
        ),
        ({"place": "atlantis"}, "place"),
        ({"topics": ["nothing"]}, "topics"),
        ({"kind": "teleconference"}, "kind"),
        ({"date": "2023-02-30"}, "date"),
        ({"end_date": "2023-07-01"}, "end_date"),  # before the date
        ({"citations": []}, "citations"),
        ({"citations": [{"source": "nowhere", "quote": "x"}]}, "citations"),
        # `supports` names fields; anything else (a bool, a number, an unknown name) is a 400.
        ({"citations": [{"source": "sample-a", "quote": "x", "supports": True}]}, "citations"),
        ({"citations": [{"source": "sample-a", "quote": "x", "supports": [3]}]}, "citations"),
        ({"citations": [{"source": "sample-a", "quote": "x", "supports": ["mood"]}]}, "citations"),
        ({"citations": [{"source": "sample-a", "quote": "x", "supports": {"a": 1}}]}, "citations"),
        ({"citations": [{"source": "sample-a", "quote": "x", "disagrees": 0}]}, "citations"),
        ({"citations": [{"source": "sample-a", "quote": "x", "disagrees": "yes"}]}, "citations"),
    ],
)
def test_invalid_write_answers_400_and_changes_nothing(curator_client, sample, change, field):
    before = (Meeting.objects.count(), Participation.objects.count(), Citation.objects.count())
    response = curator_client.post("/api/v1/meetings/", {**NEW_MEETING, **change}, format="json")
    assert response.status_code == 400
    assert field in response.json()
    after = (Meeting.objects.count(), Participation.objects.count(), Citation.objects.count())
    assert after == before


def test_patch_end_date_is_checked_against_stored_date(curator_client, sample):
    response = curator_client.patch(
        "/api/v1/meetings/1/", {"end_date": "2023-05-01"}, format="json"
    )
    assert response.status_code == 400
    assert "end_date" in response.json()


def test_duplicate_slug_is_a_400(curator_client, sample):
    body = {**NEW_MEETING, "slug": "2023-05-14-brussels-talks"}
    response = curator_client.post("/api/v1/meetings/", body, format="json")
    assert response.status_code == 400
    assert "slug" in response.json()


def test_statement_write_with_mentions(curator_client, sample):
    body = {
        "slug": "2023-05-26-putin-note",
        "title": "Putin comments",
        "speaker": "vladimir-putin",
        "kind": "paraphrase",
        "text": "A comment.",
        "date": "2023-05-26",
        "date_precision": "day",
        "meeting": 2,
        "mentions": ["armenia", "azerbaijan"],
        "citations": [{"source": "sample-b", "quote": "Putin said"}],
    }
    response = curator_client.post("/api/v1/statements/", body, format="json")
    assert response.status_code == 201, response.json()
    assert {m["slug"] for m in response.json()["mentions"]} == {"armenia", "azerbaijan"}


def test_incident_rejects_negative_counts(curator_client, sample):
    body = {
        "slug": "2023-05-30-clash",
        "title": "Clash",
        "kind": "armed_clash",
        "date": "2023-05-30",
        "date_precision": "day",
        "fatalities": -1,
        "citations": [{"source": "sample-a", "quote": "clash"}],
    }
    response = curator_client.post("/api/v1/incidents/", body, format="json")
    assert response.status_code == 400
    assert "fatalities" in response.json()


def test_actor_write_with_aliases_and_alias_clash(curator_client, sample):
    body = {
        "slug": "ararat-mirzoyan",
        "name": "Ararat Mirzoyan",
        "kind": "person",
        "country": "ARM",
        "aliases": ["Mirzoian"],
    }
    response = curator_client.post("/api/v1/actors/", body, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["aliases"] == ["Mirzoian"]
    clash = {**body, "slug": "someone-else", "name": "Someone", "aliases": ["Pashinian"]}
    response = curator_client.post("/api/v1/actors/", clash, format="json")
    assert response.status_code == 400
    assert "aliases" in response.json()


def test_deleting_an_actor_still_in_use_is_a_conflict(curator_client, sample):
    response = curator_client.delete("/api/v1/actors/nikol-pashinyan/")
    assert response.status_code == 409
    assert "detail" in response.json()


def test_curator_deletes_a_meeting(curator_client, sample):
    assert curator_client.delete("/api/v1/meetings/3/").status_code == 204
    assert not Meeting.objects.filter(pk=3).exists()


def test_form_encoded_bodies_are_refused(curator_client, sample):
    response = curator_client.post("/api/v1/topics/", {"slug": "x", "name": "X"})
    assert response.status_code == 415
