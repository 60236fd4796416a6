"""`/stats/` counts in SQL: checked against a brute-force count in Python, for every
grouping and the filters that change how the query is built, on the curated sample and
on a synthetic dataset; and its queries pinned (how many, and their shape: no per-row
Python date function, no COUNT(DISTINCT), no self-subquery when nothing joins)."""

import calendar
import datetime
import io
from collections import defaultdict

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from events.api.filtersets import StatsFilterSet
from events.choices import EventType
from events.models import TimelineEntry
from events.queries.stats import GROUPINGS

pytestmark = pytest.mark.django_db

TYPES = [str(value) for value in EventType.values]

# Filters on the timeline's own columns, filters that join (actor, topic) and both.
SAMPLE_FILTERS = [
    "",
    "type=meeting",
    "type=meeting&type=incident",
    "date_from=2023-05-01&date_to=2023-06-30",
    "date_to=2023-01-31",
    "country=AZE",
    "place=brussels",
    "date_precision=day",
    "search=Lachin",
    "search=talks",
    "actor=nikol-pashinyan",
    "actor=nikol-pashinyan&actor=ilham-aliyev",
    "topic=lachin-corridor",
    "topic=peace-treaty&type=statement&date_from=2023-01-01",
    "actor=charles-michel&country=BEL",
    "country=ATA",  # nothing matches: no rows
]


def expected_counts(query: str, group_by: str) -> list[dict]:
    """What `/stats/` must answer, counted one entry at a time in Python."""
    filterset = StatsFilterSet(QueryDict(query), queryset=TimelineEntry.objects.all())
    assert filterset.is_valid(), filterset.errors
    entries = filterset.qs.distinct().order_by().prefetch_related("actors", "topics")

    groups: dict = defaultdict(lambda: dict.fromkeys(TYPES, 0))
    for entry in entries:
        if group_by == "month":
            found = [datetime.date(entry.date.year, entry.date.month, 1)]
        elif group_by == "year":
            found = [datetime.date(entry.date.year, 1, 1)]
        elif group_by == "type":
            found = [entry.event_type]
        elif group_by == "country":
            found = [entry.country]
        else:
            related = entry.actors.all() if group_by == "actor" else entry.topics.all()
            found = [(record.slug, record.name) for record in related] or [None]
        for group in found:
            groups[group][entry.event_type] += 1

    if group_by in ("month", "year") and groups:
        first, last = min(groups), max(groups)
        period = first
        while period <= last:
            groups[period]  # a row of zeros where nothing happened
            if group_by == "year":
                period = datetime.date(period.year + 1, 1, 1)
            else:
                period = (period + datetime.timedelta(days=31)).replace(day=1)

    rows = []
    for group, counts in groups.items():
        if group is None:
            key, label = None, "(none)"
        elif group_by == "month":
            key = f"{group.year:04d}-{group.month:02d}"
            label = f"{calendar.month_name[group.month]} {group.year}"
        elif group_by == "year":
            key = label = f"{group.year:04d}"
        elif group_by == "type":
            key, label = group, EventType(group).label
        elif group_by in ("actor", "topic"):
            key, label = group
        else:
            key = label = group
        rows.append({"key": key, "label": label, **counts, "total": sum(counts.values())})
    if group_by in ("month", "year"):
        return sorted(rows, key=lambda row: row["key"])
    return sorted(rows, key=lambda row: (-row["total"], row["key"] is None, row["key"] or ""))


def stats(client, query: str, group_by: str) -> list[dict]:
    separator = "&" if query else ""
    response = client.get(f"/api/v1/stats/?{query}{separator}group_by={group_by}")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["group_by"] == group_by
    return body["results"]


@pytest.mark.parametrize("group_by", GROUPINGS)
@pytest.mark.parametrize("query", SAMPLE_FILTERS)
def test_sql_counts_equal_a_brute_force_count_on_the_sample(client, sample, query, group_by):
    assert stats(client, query, group_by) == expected_counts(query, group_by)


@pytest.fixture
def synthetic(empty_db):
    call_command("generate_synthetic", events=400, seed=3, stdout=io.StringIO())


def test_sql_counts_equal_a_brute_force_count_on_synthetic_data(client, synthetic):
    entry = TimelineEntry.objects.filter(country__isnull=False).order_by("id").first()
    actor = entry.actors.order_by("id").first()
    topic = TimelineEntry.topics.through.objects.order_by("id").first().topic
    queries = [
        "",
        "type=statement",
        "date_from=2000-01-01&date_to=2010-12-31",
        f"country={entry.country}",
        f"actor={actor.slug}",
        f"topic={topic.slug}",
        f"actor={actor.slug}&type=meeting&date_from=2005-01-01",
    ]
    checked = 0
    for query in queries:
        for group_by in GROUPINGS:
            expected = expected_counts(query, group_by)
            assert stats(client, query, group_by) == expected, (query, group_by)
            checked += len(expected)
    assert checked > 500  # the dataset is not trivially small


def test_empty_database_answers_no_rows(client, empty_db):
    for group_by in GROUPINGS:
        assert stats(client, "", group_by) == []


def aggregate_queries(client, url: str) -> tuple[int, list[str]]:
    """The request's queries besides the read of the dataset's version (the answer is
    cached under it: tests/api/test_counting.py), and those that count."""
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    sql = [query["sql"] for query in captured.captured_queries]
    versions = [text for text in sql if "MAX(" in text.upper() and "COUNT(" not in text.upper()]
    assert len(versions) == 1
    return len(sql) - 1, [text for text in sql if "COUNT(" in text.upper()]


@pytest.mark.parametrize("group_by", GROUPINGS)
def test_one_query_of_plain_sql_per_request(client, sample, group_by):
    total, counting = aggregate_queries(client, f"/api/v1/stats/?group_by={group_by}")
    assert total == 1 and len(counting) == 1
    (sql,) = counting
    assert "DISTINCT" not in sql.upper()  # rows are unique: COUNT(*) is enough
    assert "IN (SELECT" not in sql.upper()  # no filter, no subquery
    assert "django_" not in sql  # no per-row Python function on SQLite (django_date_trunc)


@pytest.mark.parametrize("group_by", GROUPINGS)
@pytest.mark.parametrize(
    ("query", "lookups", "subquery"),
    [
        ("type=meeting&date_from=2023-01-01&country=BEL&search=talks", 0, False),
        ("place=brussels", 1, False),  # the place's slug is looked up
        ("topic=lachin-corridor", 1, True),  # joins: counted from an id subquery
        ("actor=nikol-pashinyan&actor=ilham-aliyev", 1, True),  # both slugs in one query
    ],
)
def test_filters_add_only_their_lookups(client, sample, group_by, query, lookups, subquery):
    total, counting = aggregate_queries(client, f"/api/v1/stats/?{query}&group_by={group_by}")
    assert total == 1 + lookups and len(counting) == 1
    (sql,) = counting
    assert "COUNT(DISTINCT" not in sql.upper()
    # On SQLite `search` is itself an id subquery, into the FTS5 index: not a regrouping.
    sql = sql.replace("IN (SELECT rowid FROM events_timelineentry_fts", "")
    assert ("IN (SELECT" in sql.upper()) == subquery
