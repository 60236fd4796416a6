"""The admin a curator works in: every list, search and edit page renders."""

import pytest
from django.urls import reverse

from events.models import Actor, Incident, Meeting, Place, Source, Statement, Topic
from tests.support import make_user

pytestmark = pytest.mark.django_db

MODELS = [Actor, Place, Topic, Source, Meeting, Statement, Incident]


@pytest.fixture
def admin_client(client, sample):
    client.force_login(make_user("admin", staff=True, superuser=True))
    return client


@pytest.mark.parametrize("model", MODELS)
def test_changelist_search_and_change_pages_render(admin_client, model):
    opts = model._meta
    changelist = reverse(f"admin:events_{opts.model_name}_changelist")
    assert admin_client.get(changelist).status_code == 200
    assert admin_client.get(changelist, {"q": "a"}).status_code == 200
    obj = model.objects.first()
    change = reverse(f"admin:events_{opts.model_name}_change", args=[obj.pk])
    response = admin_client.get(change)
    assert response.status_code == 200


def test_meeting_page_has_participant_and_citation_inlines(admin_client):
    response = admin_client.get(reverse("admin:events_meeting_change", args=[1]))
    html = response.content.decode()
    assert "participations-TOTAL_FORMS" in html
    assert "citations-TOTAL_FORMS" in html


def test_actor_autocomplete_finds_by_name(admin_client):
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "pash",
            "app_label": "events",
            "model_name": "participation",
            "field_name": "actor",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Nikol Pashinyan"]
