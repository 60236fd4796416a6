"""`documented_only=true` on the event lists and the timeline: only events whose every
filtered-on value rests on a held document. The flag is derived data, refreshed by the
write service whenever a citation, or the kind of a cited source, changes."""

import pytest

pytestmark = pytest.mark.django_db

MEETING_1 = "The leaders of Armenia and Azerbaijan met in Brussels on Sunday for talks mediated"
ALL_MEETING_1 = ["date", "place", "participants", "kind", "status"]


def ids(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.json()
    return sorted((item.get("type", ""), item["id"]) for item in response.json()["results"])


def cite_meeting_1(curator_client, *citations):
    body = {"citations": list(citations)}
    response = curator_client.patch("/api/v1/meetings/1/", body, format="json")
    assert response.status_code == 200, response.json()


def test_no_event_is_documented_until_its_values_are_supported(client, sample):
    # The sample's citations name no supported fields.
    assert ids(client, "/api/v1/events/?documented_only=true") == []
    assert ids(client, "/api/v1/meetings/?documented_only=true") == []
    assert len(ids(client, "/api/v1/meetings/?documented_only=false")) == 4


def test_an_event_whose_every_value_a_document_supports_is_documented(
    client, curator_client, sample
):
    cite_meeting_1(
        curator_client,
        {"source": "sample-a", "quote": MEETING_1, "supports": ALL_MEETING_1},
    )
    assert ids(client, "/api/v1/meetings/?documented_only=true") == [("", 1)]
    assert ids(client, "/api/v1/events/?documented_only=true") == [("meeting", 1)]
    assert ids(client, "/api/v1/statements/?documented_only=true") == []
    assert ids(client, "/api/v1/incidents/?documented_only=true") == []
    # Combined with the other filters.
    assert ids(client, "/api/v1/events/?documented_only=true&type=statement") == []
    item = client.get("/api/v1/events/?documented_only=true").json()["results"][0]
    assert item["documented"] is True
    assert item["citations"][0]["supports"] == ALL_MEETING_1
    assert item["citations"][0]["disagrees"] is False
    stats = client.get("/api/v1/stats/?documented_only=true&group_by=type").json()
    assert {row["key"]: row["total"] for row in stats["results"]}["meeting"] == 1


def test_a_value_resting_on_a_reference_or_a_disagreement_is_not_documented(
    client, curator_client, sample
):
    reference = {
        "slug": "outside-report",
        "kind": "reference",
        "title": "A report (our words)",
        "publisher": "Example News",
        "published_on": "2023-05-15",
        "url": "https://example.org/report",
        "language": "en",
    }
    assert curator_client.post("/api/v1/sources/", reference, format="json").status_code == 201
    document = {"source": "sample-a", "quote": MEETING_1, "supports": ALL_MEETING_1[1:]}
    by_reference = {"source": "outside-report", "note": "Gives the date.", "supports": ["date"]}
    cite_meeting_1(curator_client, document, by_reference)
    assert ids(client, "/api/v1/meetings/?documented_only=true") == []

    disagreeing = {**document, "supports": ALL_MEETING_1, "disagrees": True}
    cite_meeting_1(curator_client, disagreeing)
    assert ids(client, "/api/v1/meetings/?documented_only=true") == []

    cite_meeting_1(curator_client, {**document, "supports": ALL_MEETING_1})
    assert ids(client, "/api/v1/meetings/?documented_only=true") == [("", 1)]
    # A quoted document cannot become a reference: its citations would break the rules.
    body = {"kind": "reference", "url": "https://example.org/a", "published_on": "2023-05-15"}
    response = curator_client.patch(
        "/api/v1/sources/sample-a/", {**body, "document": None}, format="json"
    )
    assert response.status_code == 400
    assert "quote" in response.json()["kind"][0]
    assert ids(client, "/api/v1/meetings/?documented_only=true") == [("", 1)]


@pytest.mark.parametrize("url", ["/api/v1/events/", "/api/v1/meetings/", "/api/v1/incidents/"])
def test_documented_only_takes_true_or_false(client, sample, url):
    response = client.get(url, {"documented_only": "yes"})
    assert response.status_code == 400
    assert "documented_only" in response.json()
