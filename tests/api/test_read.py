"""Every endpoint answers, in the shape DESIGN.md promises."""

import pytest

pytestmark = pytest.mark.django_db

LISTS = ["actors", "places", "topics", "sources", "meetings", "statements", "incidents"]


@pytest.mark.parametrize("name", LISTS)
def test_list_endpoints_are_paginated_json(client, sample, name):
    response = client.get(f"/api/v1/{name}/")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == len(sample.records[name])


def test_api_root_lists_every_endpoint_with_a_description(client, db):
    body = client.get("/api/v1/").json()
    assert set(LISTS) <= set(body)
    for name, entry in body.items():
        assert entry["url"].endswith(f"/api/v1/{name}/")
        assert entry["description"], name


def test_meeting_detail_has_nested_brief_forms_and_citations(client, sample):
    body = client.get("/api/v1/meetings/1/").json()
    assert body["id"] == 1
    assert body["date"] == "2023-05-14"
    assert body["end_date"] is None
    assert body["date_precision"] == "day"
    assert body["place"] == {"slug": "brussels", "name": "Brussels"}
    assert {"slug": "charles-michel", "name": "Charles Michel", "role": "mediator"} in body[
        "participants"
    ]
    assert body["topics"] == ["peace-treaty"]
    assert body["citations"][0]["source"] == "sample-a"
    assert "met in Brussels" in body["citations"][0]["quote"]
    assert body["api_url"].endswith("/api/v1/meetings/1/")


def test_statement_detail(client, sample):
    body = client.get("/api/v1/statements/2/").json()
    assert body["speaker"] == {"slug": "vladimir-putin", "name": "Vladimir Putin"}
    assert body["meeting"] == 2
    assert {m["slug"] for m in body["mentions"]} == {"nikol-pashinyan", "ilham-aliyev"}
    assert body["kind"] == "readout"


def test_incident_detail_keeps_unknown_counts_null(client, sample):
    checkpoint = client.get("/api/v1/incidents/2/").json()
    assert checkpoint["fatalities"] is None
    assert checkpoint["injuries"] is None
    clash = client.get("/api/v1/incidents/1/").json()
    assert (clash["fatalities"], clash["injuries"]) == (1, 4)
    assert {"slug": "armenia", "name": "Armenia", "role": "party"} in clash["actors"]


def test_actor_detail_by_slug_has_aliases_roles_identifiers(client, sample):
    body = client.get("/api/v1/actors/nikol-pashinyan/").json()
    assert body["aliases"] == ["Pashinian"]
    assert body["roles"][0]["title"] == "Prime Minister of Armenia"
    assert body["roles"][0]["organization"] == "armenia"
    putin = client.get("/api/v1/actors/vladimir-putin/").json()
    assert putin["identifiers"] == [{"scheme": "wikidata", "value": "Q7747"}]


def test_place_detail_has_coordinates_as_numbers(client, sample):
    body = client.get("/api/v1/places/brussels/").json()
    assert body["latitude"] == pytest.approx(50.8467)
    assert body["country"] == "BEL"


def test_default_order_is_newest_first(client, sample):
    dates = [m["date"] for m in client.get("/api/v1/meetings/").json()["results"]]
    assert dates == sorted(dates, reverse=True)


def test_healthz_checks_the_database(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_landing_page_links_the_api_docs_schema_and_citation(client, sample):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    for link in ("/api/v1/", "/api/docs/", "/api/redoc/", "/api/schema/", "/citation.cff"):
        assert f'href="{link}' in html
    assert "4 meetings" in html


def test_browsable_api_shows_the_filter_form(client, sample):
    response = client.get("/api/v1/meetings/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert b"Filters" in response.content
    assert b'name="participant"' in response.content
    assert b"Parley API" in response.content  # branded, not "Django REST framework"
    assert b"[invalid name]" not in response.content  # every filter has a label


@pytest.mark.parametrize(
    ("url", "fields"),
    [
        ("/api/v1/stats/", ("group_by", "date_from", "topic")),
        ("/api/v1/network/", ("date_from", "date_to", "topic", "kind")),
    ],
)
def test_aggregates_show_the_filter_form_too(client, sample, url, fields):
    # /stats/ and /network/ answer one object, not a list: DRF alone offers no form.
    html = client.get(url, HTTP_ACCEPT="text/html").content.decode()
    assert 'data-target="#filtersModal"' in html  # the "Filters" button
    for field in fields:
        assert f'name="{field}"' in html
    # Its fields submit as a query the view accepts (blank fields mean "no filter").
    response = client.get(url, {"date_from": "2023-01-01", "topic": ""}, HTTP_ACCEPT="text/html")
    assert response.status_code == 200


def test_places_and_actors_show_their_citations(client, sample):
    body = client.get("/api/v1/places/lachin-corridor/").json()
    assert body["citations"] == [
        {
            "source": "sample-a",
            "quote": "Latchine corridor",
            "note": "",
            "supports": [],
            "disagrees": False,
        }
    ]
    assert client.get("/api/v1/actors/armenia/").json()["citations"] == []


@pytest.mark.parametrize(
    "url",
    [f"/api/v1/{name}/" for name in LISTS]
    + [
        "/api/v1/events/",
        "/api/v1/stats/",
        "/api/v1/network/",
        "/api/v1/deletions/",
        "/api/v1/history/",
    ],
)
def test_every_browsable_filter_form_is_labelled(client, sample, url):
    response = client.get(url, HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert b"[invalid name]" not in response.content
