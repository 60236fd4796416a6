"""Event counts grouped by period, type, actor, topic or country, for plotting.

Everything is counted by the database, in one query over the timeline table, with native
SQL only (no per-row Python function): at a million events a Python callback per row, or a
`COUNT(DISTINCT ...)` over joined rows, costs seconds.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from django.db import connections
from django.db.models import CharField, Count, Func, QuerySet
from django.db.models.functions import Substr, TruncMonth, TruncYear
from django.db.models.sql.datastructures import BaseTable

from events.choices import EventType
from events.models import Actor, TimelineEntry, Topic

GROUPINGS = ("month", "year", "type", "actor", "topic", "country")

# group_by -> the timeline column (or relation) the rows are grouped on, besides the type.
COLUMNS: dict[str, str] = {
    "month": "period",
    "year": "period",
    "type": "event_type",
    "actor": "actors",
    "topic": "topics",
    "country": "country",
}
# Groupings over a many-to-many relation: grouped on the related id, then named.
RELATED: dict[str, type[Actor | Topic]] = {"actor": Actor, "topic": Topic}


def key_and_label(group_by: str, values: tuple[Any, ...]) -> tuple[str | None, str]:
    first = values[0]
    if first is None:
        return None, "(none)"
    if group_by == "month":
        return first.strftime("%Y-%m"), first.strftime("%B %Y")
    if group_by == "year":
        return first.strftime("%Y"), first.strftime("%Y")
    if group_by == "type":
        return first, EventType(first).label
    if group_by in ("actor", "topic"):
        return first, values[1]
    return first, first


def zero_counts() -> dict[str, int]:
    return {event_type: 0 for event_type in EventType.values}


def periods_between(
    first: datetime.date, last: datetime.date, group_by: str
) -> Iterator[datetime.date]:
    """First days of every month (or year) from `first` to `last`, inclusive."""

    def key(day: datetime.date) -> tuple[int, ...]:
        return (day.year,) if group_by == "year" else (day.year, day.month)

    period = first
    while key(period) <= key(last):
        yield period
        if key(period) == key(last):
            return
        if group_by == "year":
            period = period.replace(year=period.year + 1)
        else:
            period = period.replace(
                year=period.year + period.month // 12, month=period.month % 12 + 1
            )


def period_expression(group_by: str, vendor: str) -> Func:
    """The month (or year) of an event's `date`, computed natively by the database.

    SQLite stores dates as ISO text ('2023-05-17'), so the month is the first seven
    characters ('2023-05'): `TruncMonth` there calls a Python function for every row,
    which was most of the cost of `/stats/` at 100,000 events. PostgreSQL has `date_trunc`.
    """
    if vendor == "sqlite":
        return Substr("date", 1, 7 if group_by == "month" else 4, output_field=CharField())
    return TruncMonth("date") if group_by == "month" else TruncYear("date")


def period_start(value: datetime.date | str) -> datetime.date:
    """The first day of a period, from `period_expression`'s value ('2023-05', '2023' or
    a date)."""
    if isinstance(value, str):
        return datetime.date(int(value[:4]), int(value[5:7] or 1), 1)
    return value


def joins_rows(entries: QuerySet[TimelineEntry]) -> bool:
    """Whether the filters join other tables (actor, topic): grouping must then start
    again from the bare timeline rows. (Without a join, the `distinct()` some filters add
    changes nothing: every timeline row is distinct.)"""
    query = entries.query
    return bool(
        query.combinator
        or query.is_sliced
        or any(
            not isinstance(join, BaseTable) and query.alias_refcount[alias]
            for alias, join in query.alias_map.items()
        )
    )


def grouped_rows(entries: QuerySet[TimelineEntry], group_by: str) -> Iterable[tuple]:
    """(event type, group value[, label]) and the number of entries, per group."""
    if joins_rows(entries):
        # Regroup from a plain id subquery, so that the joins made by the filters (actor,
        # topic) neither narrow the grouping to the filtered values nor repeat rows.
        queryset = TimelineEntry.objects.filter(pk__in=entries.values("pk"))
    else:
        queryset = entries  # own-column filters only: every row counts once, as it is
    queryset = queryset.order_by()
    connection = connections[queryset.db]
    column = COLUMNS[group_by]
    if group_by in ("month", "year"):
        queryset = queryset.annotate(period=period_expression(group_by, connection.vendor))
    # One row per (type, group): the rows are unique timeline rows, or (for actors and
    # topics) unique (row, actor) links, so COUNT(*) needs no DISTINCT. The type comes
    # first: SQLite then reads the (event_type, date) index instead of the table.
    columns = ("event_type",) if group_by == "type" else ("event_type", column)
    grouped = queryset.values_list(*columns).annotate(count=Count("*"))
    if group_by not in RELATED:
        return grouped
    # Name the actors (topics) after counting: grouping on their slug and name instead
    # of the id would sort every (row, actor) pair by two strings.
    sql, params = grouped.query.sql_with_params()
    quote = connection.ops.quote_name
    table = quote(RELATED[group_by]._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT grouped.{quote('event_type')}, named.{quote('slug')}, "
            f"named.{quote('name')}, grouped.{quote('count')} FROM ({sql}) grouped "
            f"LEFT OUTER JOIN {table} named ON named.{quote('id')} = grouped.{quote(column)}",
            params,
        )
        return cursor.fetchall()


def event_counts(entries: QuerySet[TimelineEntry], group_by: str) -> list[dict[str, Any]]:
    """One row per group with a count per event type; periods in date order, other
    groupings largest first."""
    periods = group_by in ("month", "year")
    groups: dict[tuple, dict[str, int]] = defaultdict(zero_counts)
    for event_type, *values, count in grouped_rows(entries, group_by):
        if periods:
            values = [period_start(values[0])]
        groups[tuple(values) if values else (event_type,)][event_type] += count

    if periods and groups:
        # Empty periods between the first and the last are rows of zeros, for plotting.
        for period in periods_between(
            min(k[0] for k in groups), max(k[0] for k in groups), group_by
        ):
            groups.setdefault((period,), zero_counts())

    results = []
    for values, counts in groups.items():
        key, label = key_and_label(group_by, values)
        results.append({"key": key, "label": label, **counts, "total": sum(counts.values())})
    if periods:
        return sorted(results, key=lambda row: (row["key"] is None, row["key"] or ""))
    return sorted(results, key=lambda row: (-row["total"], row["key"] is None, row["key"] or ""))
