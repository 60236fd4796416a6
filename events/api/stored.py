"""List pages, timeline pages and exports from the stored representations.

A page of 100 meetings is its ids (from the list's index), then one indexed query for
their stored JSON (`TimelineEntry.record_json`, by the unique `(event_type, event_id)`),
each text copied into the response as it is (`orjson.Fragment`): no model instances, no
serializer fields, no decoding. The timeline reads `item_json` with its rows. The texts
are built by the serializers (events/api/representation.py); the only change made here
is making the stored `api_url` path absolute for the request. A row whose JSON is not
stored yet (NULL: rows written in bulk, before a rebuild) is rendered by the same
serializers on the fly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import Any, NamedTuple

import orjson
from django.db import connections
from django.db.models import QuerySet
from django.urls import get_script_prefix
from rest_framework.request import Request

from events.api.representation import item_json, record_json
from events.models import TimelineEntry
from events.registry import BY_NAME

# The stored link, from the root: `"api_url":"/api/v1/...`. JSON escapes every quote
# inside a string, so this can only be the key itself; it is the first such key of a
# record, ahead of any text.
STORED_LINK = '"api_url":"/'


def absolutizer(request: Request | None) -> Callable[[str], str]:
    """What turns stored JSON's root-relative `api_url` into the request's own link
    (`build_absolute_uri`, under the site's script prefix), as the serializers would."""
    root = get_script_prefix()
    base = request.build_absolute_uri(root) if request is not None else root
    if base == "/":
        return lambda text: text
    replacement = '"api_url":"' + base
    return lambda text: text.replace(STORED_LINK, replacement, 1)


def batched(values: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(values)
    while batch := list(islice(iterator, size)):
        yield batch


# The columns a GeoJSON geometry is made of, read with the record's id.
PLACE_COORDINATES = ("place__longitude", "place__latitude")


class Located(NamedTuple):
    """A record's public key, its place's coordinates (None when unknown) and its
    stored JSON: one GeoJSON Feature."""

    key: Any
    longitude: Any
    latitude: Any
    properties: orjson.Fragment


def timeline_key(event_type: str, event_id: int) -> str:
    """A timeline row's public key, e.g. `meeting-5`: its GeoJSON Feature id."""
    return f"{event_type}-{event_id}"


def bare(queryset: QuerySet) -> QuerySet:
    """The queryset without its prefetches and joins: only columns are read."""
    return queryset.select_related(None).prefetch_related(None)


def stored_record_texts(event_type: str, ids: Sequence[int], using: str) -> dict[int, str | None]:
    """`record_json` of these events by id, in one query by the unique `(event_type,
    event_id)` index. Written as SQL: the ORM spends more building `IN (...)` for 100
    ids (0.3 ms) than the database spends answering it."""
    if not ids:
        return {}
    connection = connections[using]
    table = connection.ops.quote_name(TimelineEntry._meta.db_table)
    if connection.vendor == "postgresql":  # one array parameter, whatever the page size
        condition, params = "event_id = ANY(%s::bigint[])", [list(ids)]
    else:
        condition, params = f"event_id IN ({', '.join(['%s'] * len(ids))})", list(ids)
    sql = f"SELECT event_id, record_json FROM {table} WHERE event_type = %s AND {condition}"
    with connection.cursor() as cursor:
        cursor.execute(sql, [event_type, *params])
        return dict(cursor.fetchall())


class StoredRecords:
    """An event type's list pages and CSV rows from `record_json`."""

    def __init__(self, event_type: str) -> None:
        self.event_type = event_type

    def texts(self, ids: Sequence[int], request: Request | None, using: str) -> list[str]:
        """The stored JSON of these events, in this order, with absolute links, read
        from the database `using` (where the request's reads are routed)."""
        by_id = self.texts_by_id(ids, request, using)
        return [by_id[pk] for pk in ids if pk in by_id]

    def texts_by_id(
        self, ids: Sequence[int], request: Request | None, using: str
    ) -> dict[int, str]:
        ids = list(ids)
        stored = stored_record_texts(self.event_type, ids, using)
        missing = [pk for pk in ids if stored.get(pk) is None]
        if missing:
            model = BY_NAME[self.event_type].model
            events = list(model.objects.using(using).for_api().filter(pk__in=missing))
            texts = record_json(self.event_type, events)
            stored.update(zip([e.pk for e in events], texts, strict=True))
        absolute = absolutizer(request)
        return {pk: absolute(text) for pk, text in stored.items() if text is not None}

    def page(
        self, queryset: QuerySet, paginate: Callable[[QuerySet], Any], request: Request | None
    ) -> list[orjson.Fragment]:
        """One page: its ids by page number (from the list's index alone: skipping index
        entries is cheap, skipping rows is not), then their stored JSON."""
        ids = paginate(bare(queryset).values_list("id", flat=True))
        return [orjson.Fragment(text) for text in self.texts(ids, request, queryset.db)]

    def stream(
        self, queryset: QuerySet, request: Request | None, chunk: int
    ) -> Iterator[dict[str, Any]]:
        """Every record of the queryset, decoded for CSV, `chunk` at a time: exports in
        flat memory."""
        for text in self.stream_texts(queryset, request, chunk):
            yield orjson.loads(text)

    def stream_texts(
        self, queryset: QuerySet, request: Request | None, chunk: int
    ) -> Iterator[str]:
        """Every record of the queryset as its stored text, `chunk` at a time."""
        ids = bare(queryset).values_list("id", flat=True).iterator(chunk_size=chunk)
        for batch in batched(ids, chunk):
            yield from self.texts(batch, request, queryset.db)

    def located(self, queryset: QuerySet, request: Request | None, chunk: int) -> Iterator[Located]:
        """Every record of the queryset with its place's coordinates (GeoJSON), the
        stored text spliced in undecoded."""
        rows = bare(queryset).values_list("id", *PLACE_COORDINATES).iterator(chunk_size=chunk)
        for batch in batched(rows, chunk):
            texts = self.texts_by_id([pk for pk, _, _ in batch], request, queryset.db)
            for pk, longitude, latitude in batch:
                if pk in texts:
                    yield Located(pk, longitude, latitude, orjson.Fragment(texts[pk]))


class StoredTimeline:
    """Timeline pages and CSV rows from `item_json`."""

    def texts(self, rows: Sequence[dict[str, Any]], request: Request | None) -> list[str]:
        missing = [row["id"] for row in rows if row["item_json"] is None]
        entries = list(TimelineEntry.objects.filter(pk__in=missing)) if missing else []
        fresh = dict(zip([entry.pk for entry in entries], item_json(entries), strict=True))
        absolute = absolutizer(request)
        return [absolute(row["item_json"] or fresh[row["id"]]) for row in rows]

    def values(self, queryset: QuerySet, *more: str) -> QuerySet:
        """The rows' stored items, with what the cursor orders by (`rank` when ranked)."""
        extra = ["rank"] if "rank" in queryset.query.annotations else []
        return bare(queryset).values("id", "date", "item_json", *extra, *more)

    def page(
        self, queryset: QuerySet, paginate: Callable[[QuerySet], Any], request: Request | None
    ) -> list[orjson.Fragment]:
        """One page: a cursor reads its position from the rows themselves."""
        rows = paginate(self.values(queryset))
        return [orjson.Fragment(text) for text in self.texts(rows, request)]

    def stream(
        self, queryset: QuerySet, request: Request | None, chunk: int
    ) -> Iterator[dict[str, Any]]:
        rows = self.values(queryset).iterator(chunk_size=chunk)
        for batch in batched(rows, chunk):
            for text in self.texts(batch, request):
                yield orjson.loads(text)

    def located(self, queryset: QuerySet, request: Request | None, chunk: int) -> Iterator[Located]:
        rows = self.values(queryset, "event_type", "event_id", *PLACE_COORDINATES)
        for batch in batched(rows.iterator(chunk_size=chunk), chunk):
            for row, text in zip(batch, self.texts(batch, request), strict=True):
                key = timeline_key(row["event_type"], row["event_id"])
                longitude, latitude = (row[name] for name in PLACE_COORDINATES)
                yield Located(key, longitude, latitude, orjson.Fragment(text))


MEETINGS = StoredRecords("meeting")
STATEMENTS = StoredRecords("statement")
INCIDENTS = StoredRecords("incident")
TIMELINE = StoredTimeline()
