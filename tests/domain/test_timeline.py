"""The unified timeline, actor timelines, statistics, full-text search, and the index
staying in step with the records it copies."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Source, TimelineEntry, Tombstone, Topic
from events.timeline import timeline_is_complete
from tests.support import add_records, keys, walk

pytestmark = pytest.mark.django_db

ALL_EVENTS = {("meeting", n) for n in (1, 2, 3, 4)} | {
    (kind, n) for kind in ("statement", "incident") for n in (1, 2, 3)
}


def test_timeline_holds_every_event_once_newest_first(client, sample):
    items = walk(client, "/api/v1/events/?page_size=3")
    assert len(items) == len(ALL_EVENTS)
    assert keys(items) == ALL_EVENTS
    dates = [item["date"] for item in items]
    assert dates == sorted(dates, reverse=True)


def test_oldest_first(client, sample):
    items = walk(client, "/api/v1/events/?ordering=date&page_size=4")
    dates = [item["date"] for item in items]
    assert dates == sorted(dates)
    assert items[0]["title"] == "Blockade of the Lachin corridor"


def test_item_shape_and_link_to_the_full_record(client, sample):
    items = walk(client, "/api/v1/events/?type=meeting&place=brussels")
    assert len(items) == 1
    item = items[0]
    assert item["type"] == "meeting" and item["id"] == 1
    assert item["kind"] == "in_person"
    assert item["place"] == {"slug": "brussels", "name": "Brussels"}
    assert {"slug": "charles-michel", "name": "Charles Michel", "role": "mediator"} in item[
        "actors"
    ]
    assert item["topics"] == ["peace-treaty"]
    assert item["citations"][0]["source"] == "sample-a"
    full = client.get(item["api_url"]).json()
    assert full["id"] == 1 and full["title"] == item["title"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=meeting&type=incident", {k for k in ALL_EVENTS if k[0] != "statement"}),
        ("actor=vladimir-putin", {("meeting", 2), ("statement", 2)}),
        (
            "actor=nikol-pashinyan&actor=charles-michel",
            {("meeting", 1), ("meeting", 4)},
        ),
        ("actor=armenia&type=incident", {("incident", 1), ("incident", 3)}),
        ("date_from=2023-07-01&date_to=2023-07-31", {("incident", 3)}),  # blockade spans it
        ("place=lachin-corridor", {("incident", 2), ("incident", 3)}),
        ("country=RUS", {("meeting", 2)}),
        ("topic=transport-links", {("meeting", 2), ("statement", 2)}),
        ("search=Latchine", {("incident", 2), ("incident", 3)}),  # place alias and quote
        ("search=Pashinian&type=statement", {("statement", 1), ("statement", 2)}),  # alias
        ("search=shortages", {("incident", 3)}),  # words of a quote
    ],
)
def test_timeline_filters(client, sample, query, expected):
    assert keys(walk(client, f"/api/v1/events/?{query}")) == expected


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("type=speech", "type"),
        ("actor=nobody", "actor"),
        ("cursor=not-a-cursor", "cursor"),
        ("page_size=1000", "page_size"),
        ("ordering=title", "ordering"),
        ("date_from=2023-02-30", "date_from"),
        ("page=2", "page"),  # cursor pagination: no page numbers
    ],
)
def test_timeline_bad_input(client, sample, query, parameter):
    response = client.get(f"/api/v1/events/?{query}")
    assert response.status_code == 400
    assert parameter in response.json()


def test_actor_timeline(client, sample):
    items = walk(client, "/api/v1/actors/ilham-aliyev/events/?type=statement")
    # speaker of one statement, mentioned in two
    assert keys(items) == {("statement", 1), ("statement", 2), ("statement", 3)}
    assert client.get("/api/v1/actors/nobody/events/").status_code == 404


def test_search_on_event_lists_reaches_quotes_and_actors(client, sample):
    body = client.get("/api/v1/meetings/?search=Putin").json()
    assert [m["id"] for m in body["results"]] == [2]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="ranking needs PostgreSQL")
def test_postgresql_search_is_stemmed_and_ranked(client, sample):
    # "talk" matches "talks" by stemming; the Washington talks mention it twice.
    items = walk(client, "/api/v1/events/?search=talk")
    assert ("meeting", 3) in keys(items)
    phrase = walk(client, '/api/v1/events/?search="four days"')
    assert keys(phrase) == {("meeting", 3)}


def test_stats_by_month_add_up(client, sample):
    body = client.get("/api/v1/stats/?group_by=month").json()
    assert body["group_by"] == "month"
    assert sum(row["total"] for row in body["results"]) == len(ALL_EVENTS)
    may = next(row for row in body["results"] if row["key"] == "2023-05")
    assert (may["meeting"], may["statement"], may["incident"]) == (3, 3, 1)
    assert may["label"] == "May 2023"
    assert [row["key"] for row in body["results"]] == sorted(r["key"] for r in body["results"])


@pytest.mark.parametrize(
    ("query", "key", "expected"),
    [
        ("group_by=year", "2022", {"incident": 1, "total": 1}),
        ("group_by=type", "meeting", {"meeting": 4, "total": 4}),
        ("group_by=actor&type=meeting", "nikol-pashinyan", {"meeting": 3, "total": 3}),
        ("group_by=topic", "lachin-corridor", {"incident": 2, "total": 2}),
        ("group_by=country&type=meeting", "BEL", {"meeting": 1, "total": 1}),
        ("group_by=actor&actor=vladimir-putin", "nikol-pashinyan", {"total": 2}),
    ],
)
def test_stats_groupings(client, sample, query, key, expected):
    body = client.get(f"/api/v1/stats/?{query}").json()
    row = next(row for row in body["results"] if row["key"] == key)
    assert {name: row[name] for name in expected} == expected


def test_stats_bad_group_by(client, sample):
    response = client.get("/api/v1/stats/?group_by=week")
    assert response.status_code == 400
    assert "group_by" in response.json()


def test_loading_builds_the_timeline(sample):
    assert timeline_is_complete()
    assert TimelineEntry.objects.count() == len(ALL_EVENTS)


def test_api_edits_reach_the_timeline(curator_client, client, sample):
    curator_client.patch("/api/v1/actors/charles-michel/", {"name": "Charles M."}, format="json")
    curator_client.patch("/api/v1/meetings/1/", {"title": "Renamed talks"}, format="json")
    item = walk(client, "/api/v1/events/?type=meeting&place=brussels")[0]
    assert item["title"] == "Renamed talks"
    assert {"slug": "charles-michel", "name": "Charles M.", "role": "mediator"} in item["actors"]


def test_deletion_leaves_a_tombstone_and_leaves_the_timeline(curator_client, client, sample):
    assert curator_client.delete("/api/v1/meetings/3/").status_code == 204
    assert ("meeting", 3) not in keys(walk(client, "/api/v1/events/"))
    assert Tombstone.objects.filter(record_type="meeting", key="3").exists()
    # Deleting a topic rewrites the rows that showed it.
    Topic.objects.get(slug="transport-links").delete()
    item = walk(client, "/api/v1/events/?type=meeting&place=moscow")[0]
    assert item["topics"] == []


def test_renaming_a_source_slug_reaches_citations(sample, client):
    source = Source.objects.get(slug="sample-b")
    source.slug = "renamed-source"
    source.save()  # a plain save, as in a shell: it goes through the write service
    item = walk(client, "/api/v1/events/?type=meeting&place=moscow")[0]
    assert item["citations"][0]["source"] == "renamed-source"


@pytest.fixture
def many_meetings(sample):
    add_records(60)


@pytest.mark.parametrize(
    "url",
    ["/api/v1/events/", "/api/v1/actors/armenia/events/", "/api/v1/stats/", "/api/v1/deletions/"],
)
def test_research_endpoints_query_count_is_constant(client, many_meetings, url):
    counts = []
    for size in (2, 50):
        cache.clear()  # cached page counts (tests/api/test_counting.py): measure the cold path
        with CaptureQueriesContext(connection) as queries:
            assert (
                client.get(f"{url}?page_size={size}" if "stats" not in url else url).status_code
                == 200
            )
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert counts[1] <= 4


def test_timeline_has_no_detail_route(client, sample):
    # Items link to their full record instead (api_url).
    assert client.get("/api/v1/events/1/").status_code == 404


def test_timeline_items_carry_meeting_status(client, sample):
    items = {(i["type"], i["id"]): i for i in walk(client, "/api/v1/events/")}
    assert items[("meeting", 4)]["status"] == "planned"
    assert items[("meeting", 1)]["status"] == "held"
    assert items[("statement", 1)]["status"] is None


def test_explicit_ordering_wins_over_relevance(client, sample):
    items = walk(client, "/api/v1/events/?search=talks&ordering=date")
    dates = [item["date"] for item in items]
    assert len(dates) > 1 and dates == sorted(dates)


def test_api_root_lists_the_research_views(client, db):
    body = client.get("/api/v1/").json()
    assert {"events", "stats", "network", "deletions"} <= set(body)


def test_stats_fill_empty_periods_with_zeros(client, sample):
    rows = client.get("/api/v1/stats/?group_by=month&type=meeting").json()["results"]
    assert [row["key"] for row in rows] == ["2023-05", "2023-06"]
    rows = client.get("/api/v1/stats/?group_by=month&type=incident").json()["results"]
    keys = [row["key"] for row in rows]
    assert keys[0] == "2022-12" and keys[-1] == "2023-05" and len(keys) == 6
    assert rows[1] == {
        "key": "2023-01",
        "label": "January 2023",
        "meeting": 0,
        "statement": 0,
        "incident": 0,
        "total": 0,
    }
