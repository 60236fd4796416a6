"""The API side of source kinds and open-ended events: `/sources/` shows and filters by
kind, writes follow the same provenance rules as the curated files (400 naming the
field), and an `ongoing` event reaches the present in every date filter and the timeline."""

import pytest

from events.models import Incident
from tests.support import NEW_MEETING

pytestmark = pytest.mark.django_db

REFERENCE = {
    "slug": "outside-report",
    "kind": "reference",
    "title": "A news report on the Brussels talks (our own words)",
    "publisher": "Example News",
    "published_on": "2023-05-15",
    "url": "https://example.org/brussels-talks",
    "language": "en",
    "document": None,
}


def slugs(client, url):
    """The slugs of reference data, the ids of events."""
    response = client.get(url)
    assert response.status_code == 200, response.json()
    results = response.json()["results"]
    return sorted(item["id"] if "id" in item else item["slug"] for item in results)


def test_sources_show_their_kind_and_url(client, sample):
    listed = client.get("/api/v1/sources/").json()["results"]
    assert {(s["slug"], s["kind"], s["url"]) for s in listed} == {
        ("sample-a", "document", None),
        ("sample-b", "document", None),
    }


def test_a_curator_adds_a_reference_and_sources_filter_by_kind(client, curator_client, sample):
    response = curator_client.post("/api/v1/sources/", REFERENCE, format="json")
    assert response.status_code == 201, response.json()
    assert slugs(client, "/api/v1/sources/?kind=reference") == ["outside-report"]
    assert slugs(client, "/api/v1/sources/?kind=document") == ["sample-a", "sample-b"]
    assert len(slugs(client, "/api/v1/sources/?kind=document&kind=reference")) == 3


def test_an_unknown_source_kind_is_a_400_naming_it(client, sample):
    response = client.get("/api/v1/sources/?kind=rumour")
    assert response.status_code == 400
    assert "kind" in response.json()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"url": None}, "url"),
        ({"publisher": ""}, "publisher"),
        ({"published_on": None}, "published_on"),
        ({"document": "report.txt"}, "document"),
    ],
)
def test_a_reference_without_its_publication_is_refused(curator_client, sample, changes, field):
    response = curator_client.post("/api/v1/sources/", {**REFERENCE, **changes}, format="json")
    assert response.status_code == 400
    assert field in response.json(), response.json()


def test_a_document_source_needs_its_file(curator_client, sample):
    body = {"slug": "new-document", "kind": "document", "language": "en"}
    response = curator_client.post("/api/v1/sources/", body, format="json")
    assert response.status_code == 400
    assert "document" in response.json()


@pytest.mark.parametrize(
    ("citation", "field"),
    [
        ({"source": "outside-report", "quote": "Copied words", "note": "Says so."}, "quote"),
        ({"source": "outside-report"}, "note"),
        ({"source": "sample-a", "note": "No quote."}, "quote"),
    ],
)
def test_citations_follow_their_source_kind(curator_client, sample, citation, field):
    assert curator_client.post("/api/v1/sources/", REFERENCE, format="json").status_code == 201
    body = {**NEW_MEETING, "citations": [citation]}
    response = curator_client.post("/api/v1/meetings/", body, format="json")
    assert response.status_code == 400
    assert field in response.json()["citations"]["0"], response.json()


def test_a_reference_is_cited_by_a_note(client, curator_client, sample):
    assert curator_client.post("/api/v1/sources/", REFERENCE, format="json").status_code == 201
    cited = {"source": "outside-report", "note": "Reports the date.", "supports": ["date"]}
    body = {**NEW_MEETING, "citations": [NEW_MEETING["citations"][0], cited]}
    response = curator_client.post("/api/v1/meetings/", body, format="json")
    assert response.status_code == 201, response.json()
    shown = client.get(f"/api/v1/meetings/{response.json()['id']}/").json()["citations"][1]
    assert shown == {**cited, "quote": "", "disagrees": False}


def test_an_ongoing_event_cannot_have_an_end_date(curator_client, sample):
    # Incident 3 (the blockade) has an end date.
    response = curator_client.patch("/api/v1/incidents/3/", {"ongoing": True}, format="json")
    assert response.status_code == 400
    assert "ongoing" in response.json()
    body = {**NEW_MEETING, "end_date": "2023-07-16", "ongoing": True}
    response = curator_client.post("/api/v1/meetings/", body, format="json")
    assert response.status_code == 400
    assert "ongoing" in response.json()


def test_an_ongoing_event_reaches_the_present(client, curator_client, sample):
    assert 3 not in slugs(client, "/api/v1/incidents/?date_from=2030-01-01")
    response = curator_client.patch(
        "/api/v1/incidents/3/", {"ongoing": True, "end_date": None}, format="json"
    )
    assert response.status_code == 200, response.json()
    assert response.json()["ongoing"] is True
    assert Incident.objects.get(pk=3).ongoing

    assert slugs(client, "/api/v1/incidents/?date_from=2030-01-01") == [3]
    assert slugs(client, "/api/v1/incidents/?date_from=2023-10-01&date_to=2023-10-31") == [3]
    # It still begins on its date.
    assert slugs(client, "/api/v1/incidents/?date_to=2022-12-11") == []
    listed = client.get("/api/v1/incidents/").json()["results"]
    assert {i["id"]: i["ongoing"] for i in listed} == {1: False, 2: False, 3: True}

    feed = client.get("/api/v1/events/", {"date_from": "2030-01-01"}).json()["results"]
    assert [(item["type"], item["id"], item["ongoing"], item["end_date"]) for item in feed] == [
        ("incident", 3, True, None)
    ]
    others = client.get("/api/v1/events/", {"type": "meeting"}).json()["results"]
    assert {item["ongoing"] for item in others} == {False}
