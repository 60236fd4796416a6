"""Event counts grouped by period, type, actor, topic or country, for plotting."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncMonth, TruncYear

from .choices import EventType
from .models import TimelineEntry

GROUPINGS = ("month", "year", "type", "actor", "topic", "country")

# group_by -> (value columns, function turning them into (key, label))
COLUMNS: dict[str, tuple[str, ...]] = {
    "month": ("period",),
    "year": ("period",),
    "type": ("event_type",),
    "actor": ("actors__slug", "actors__name"),
    "topic": ("topics__slug", "topics__name"),
    "country": ("country",),
}


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


def event_counts(entries: QuerySet[TimelineEntry], group_by: str) -> list[dict[str, Any]]:
    """One row per group with a count per event type; periods in date order, other
    groupings largest first."""
    # Regroup from a plain id subquery so joins made by the filters (actor, topic) do not
    # narrow the grouping to the filtered values.
    queryset = TimelineEntry.objects.filter(pk__in=entries.values("pk")).order_by()
    if group_by == "month":
        queryset = queryset.annotate(period=TruncMonth("date"))
    elif group_by == "year":
        queryset = queryset.annotate(period=TruncYear("date"))
    columns = COLUMNS[group_by]
    rows = queryset.values(*columns, "event_type").annotate(count=Count("id", distinct=True))

    groups: dict[tuple, dict[str, Any]] = defaultdict(zero_counts)
    for row in rows:
        groups[tuple(row[column] for column in columns)][row["event_type"]] += row["count"]

    if group_by in ("month", "year") and groups:
        # Empty periods between the first and the last are rows of zeros, for plotting.
        for period in periods_between(
            min(k[0] for k in groups), max(k[0] for k in groups), group_by
        ):
            groups.setdefault((period,), zero_counts())

    results = []
    for values, counts in groups.items():
        key, label = key_and_label(group_by, values)
        results.append({"key": key, "label": label, **counts, "total": sum(counts.values())})
    if group_by in ("month", "year"):
        return sorted(results, key=lambda row: (row["key"] is None, row["key"] or ""))
    return sorted(results, key=lambda row: (-row["total"], row["key"] is None, row["key"] or ""))
