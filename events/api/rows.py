"""List rows built from `.values()` queries: the hot path of the event lists.

A page of meetings through `MeetingSerializer` costs model instances, prefetch caches and
one DRF field call per value — most of a request's CPU at 100 rows a page. The shapes
here build the very same JSON from plain `.values()` rows: one query for the page's
columns, then one per embedded list (participants, mentions, topics, citations) for all
rows of the page at once. `tests/api/test_rows.py` checks that every curated record comes
out identical to its serializer's representation, so the documented schema still holds.

Writes, details and exports of single records keep the serializers.
"""

from __future__ import annotations

import datetime
import json
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connections, router
from django.db.models import Model, QuerySet
from django.urls import reverse
from django.utils.functional import cached_property
from rest_framework.request import Request

from events.models import Citation, Incident, IncidentActor, Meeting, Participation, Statement

Row = dict[str, Any]


def iso_date(value: datetime.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def iso_datetime(value: datetime.datetime | None) -> str | None:
    """A timestamp as DRF writes it (UTC, `Z`), without DRF's per-call settings lookups."""
    if value is None:
        return None
    if value.utcoffset():
        value = value.astimezone(datetime.UTC)
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


@dataclass(frozen=True)
class Column:
    """A value of the record's own row, converted for JSON when it is not one already."""

    key: str
    path: str = ""
    convert: Callable[[Any], Any] | None = None

    @property
    def paths(self) -> tuple[str, ...]:
        return (self.path or self.key,)


@dataclass(frozen=True)
class DetailLink:
    """`api_url`: the record's address in the API."""

    key: str = "api_url"
    paths: tuple[str, ...] = ()


@dataclass(frozen=True)
class Brief:
    """A to-one link embedded as `{slug, name}`, or null."""

    key: str

    @property
    def paths(self) -> tuple[str, ...]:
        return (f"{self.key}__slug", f"{self.key}__name")


@dataclass(frozen=True)
class Embedded:
    """A list embedded in each row, read for a whole page in one query.

    `fields` maps output keys to columns of `model`; with `flat` set, each item is the
    value of that one column instead of an object (topic slugs). `ordering` is the
    order the serializer's prefetch gives.
    """

    key: str
    model: type[Model]
    parent: str
    fields: dict[str, str]
    ordering: tuple[str, ...]
    flat: str | None = None
    # Raw cursors return JSON as text and booleans as 0/1 on SQLite: decode per key.
    decode: dict[str, Callable[[Any], Any]] = field(default_factory=dict, compare=False)

    paths: tuple[str, ...] = ()  # nothing from the record's own row
    # Compiled SQL by (database, number of parents): the ORM builds it once, not per page.
    _sql: dict[tuple[str, int], str] = field(default_factory=dict, compare=False, repr=False)

    def fetch(self, parent_ids: Sequence[int]) -> dict[int, list[Any]]:
        """The items of every parent (distinct ids), in one query."""
        if not parent_ids:
            return {}
        using = router.db_for_read(self.model)
        with connections[using].cursor() as cursor:
            cursor.execute(self.sql(using, len(parent_ids)), list(parent_ids))
            found = cursor.fetchall()
        items: dict[int, list[Any]] = defaultdict(list)
        if self.flat is not None:
            for parent, value in found:
                items[parent].append(value)
        else:
            keys = tuple(self.fields)
            for parent, *values in found:
                item = dict(zip(keys, values, strict=True))
                for key, decode in self.decode.items():
                    item[key] = decode(item[key])
                items[parent].append(item)
        return items

    def sql(self, using: str, count: int) -> str:
        sql = self._sql.get((using, count))
        if sql is None:
            columns = [self.parent, *(self.fields.values() if self.flat is None else [self.flat])]
            placeholders = list(range(1, count + 1))
            queryset = self.model._default_manager.filter(**{f"{self.parent}__in": placeholders})
            query = queryset.order_by(*self.ordering).values_list(*columns).query
            sql, params = query.get_compiler(using).as_sql()
            assert list(params) == placeholders, "the parents must be the query's only parameters"
            self._sql[(using, count)] = sql
        return sql


def through_model(model: type[Model], field: str) -> type[Model]:
    return model._meta.get_field(field).remote_field.through


def topics(model: type[Model]) -> Embedded:
    parent = f"{model._meta.model_name}_id"
    return Embedded(
        "topics", through_model(model, "topics"), parent, {}, ("topic__name", "topic__id"),
        flat="topic__slug",
    )  # fmt: skip


def citations(model: type[Model]) -> Embedded:
    parent = f"{model._meta.model_name}_id"
    fields = {
        "source": "source__slug",
        "quote": "quote",
        "note": "note",
        "supports": "supports",
        "disagrees": "disagrees",
    }
    decode = {"supports": json_list, "disagrees": bool}
    return Embedded("citations", Citation, parent, fields, ("id",), decode=decode)


def json_list(value: Any) -> list[Any]:
    return json.loads(value) if isinstance(value, str) else list(value)


def actors_with_roles(key: str, link: type[Model], parent: str) -> Embedded:
    fields = {"slug": "actor__slug", "name": "actor__name", "role": "role"}
    return Embedded(key, link, parent, fields, ("id",))


Part = Column | DetailLink | Brief | Embedded


@dataclass(frozen=True)
class RowShape:
    """How one record type's list rows are built, in the serializer's field order."""

    model: type[Model]
    parts: tuple[Part, ...]

    @property
    def columns(self) -> list[str]:
        return list(dict.fromkeys(["id", *(path for part in self.parts for path in part.paths)]))

    def rows(self, page: Sequence[Row], request: Request | None) -> list[Row]:
        """The page's records as the API shows them, from their `.values(*columns)`."""
        ids = [row["id"] for row in page]
        embedded = {part.key: part.fetch(ids) for part in self.parts if isinstance(part, Embedded)}
        detail = reverse(f"{self.model._meta.model_name}-detail", args=[0])[:-2]
        base = request.build_absolute_uri(detail) if request is not None else detail
        plan = self.plan
        rows = []
        for row in page:
            out: Row = {}
            for kind, key, path, convert in plan:
                if kind is Column:
                    value = row[path]
                    out[key] = value if convert is None or value is None else convert(value)
                elif kind is Embedded:
                    out[key] = embedded[key].get(row["id"], [])
                elif kind is Brief:
                    slug = row[path]
                    out[key] = None if slug is None else {"slug": slug, "name": row[convert]}
                else:
                    out[key] = f"{base}{row['id']}/"
            rows.append(out)
        return rows

    @cached_property
    def plan(self) -> list[tuple[type, str, str, Any]]:
        """Each part as (kind, output key, column, converter or second column): a flat
        loop over tuples is what keeps a 100-row page cheap."""
        plan: list[tuple[type, str, str, Any]] = []
        for part in self.parts:
            if isinstance(part, Column):
                plan.append((Column, part.key, part.path or part.key, part.convert))
            elif isinstance(part, Brief):
                plan.append((Brief, part.key, *part.paths))
            else:
                plan.append((type(part), part.key, "", None))
        return plan

    def values(self, queryset: QuerySet) -> QuerySet:
        """The queryset's rows as the dicts `rows()` takes, in the queryset's order."""
        return queryset.select_related(None).prefetch_related(None).values(*self.columns)

    def page_keys(self, queryset: QuerySet) -> QuerySet:
        """The ids alone, to paginate: skipping rows of an index is cheap, skipping joined
        rows is not (a deep page of the full rows would read every row before it)."""
        return queryset.select_related(None).prefetch_related(None).values_list("id", flat=True)

    def page(
        self, queryset: QuerySet, paginate: Callable[[QuerySet], Any], request: Request | None
    ) -> list[Row]:
        """One page: its ids by page number, then its rows."""
        return self.rows_of(paginate(self.page_keys(queryset)), request)

    def rows_of(self, ids: Sequence[int], request: Request | None) -> list[Row]:
        """`rows()` for records given by id, in that order."""
        found = self.model._default_manager.filter(pk__in=ids).order_by().values(*self.columns)
        by_id = {row["id"]: row for row in found}
        return self.rows([by_id[pk] for pk in ids], request)

    def stream(self, queryset: QuerySet, request: Request | None, chunk: int) -> Iterator[Row]:
        return stream_rows(self, queryset, request, chunk)


def stream_rows(
    shape: RowShape | TimelineShape, queryset: QuerySet, request: Request | None, chunk: int
) -> Iterator[Row]:
    """Every row of the queryset, built `chunk` rows at a time: exports in flat memory."""
    page: list[Row] = []
    for row in shape.values(queryset).iterator(chunk_size=chunk):
        page.append(row)
        if len(page) == chunk:
            yield from shape.rows(page, request)
            page = []
    if page:
        yield from shape.rows(page, request)


def event_parts(model: type[Model], *middle: Part) -> tuple[Part, ...]:
    """The fields every event shares, around its own (`EVENT_FIELDS` and friends in
    serializers.py)."""
    return (
        Column("id"),
        DetailLink(),
        Column("slug"),
        Column("title"),
        Column("date", convert=iso_date),
        Column("end_date", convert=iso_date),
        Column("date_precision"),
        Column("date_note"),
        *middle,
        topics(model),
        Column("plover_type"),
        Column("plover_mode"),
        Column("note"),
        citations(model),
        Column("created_at", convert=iso_datetime),
        Column("updated_at", convert=iso_datetime),
    )


MEETING_ROWS = RowShape(
    Meeting,
    event_parts(
        Meeting,
        Column("ongoing"),
        Column("kind"),
        Column("status"),
        Brief("place"),
        actors_with_roles("participants", Participation, "meeting_id"),
        Column("summary"),
    ),
)

STATEMENT_ROWS = RowShape(
    Statement,
    event_parts(
        Statement,
        Column("kind"),
        Brief("speaker"),
        Column("text"),
        Column("meeting", "meeting_id"),
        Embedded(
            "mentions",
            through_model(Statement, "mentions"),
            "statement_id",
            {"slug": "actor__slug", "name": "actor__name"},
            ("actor__name", "actor__id"),
        ),
    ),
)

INCIDENT_ROWS = RowShape(
    Incident,
    event_parts(
        Incident,
        Column("ongoing"),
        Column("kind"),
        Brief("place"),
        actors_with_roles("actors", IncidentActor, "incident_id"),
        Column("fatalities"),
        Column("injuries"),
        Column("summary"),
    ),
)


# --- The timeline ---------------------------------------------------------------------


class TimelineShape:
    """Feed items (`TimelineItemSerializer`'s shape) from the entries' stored payloads."""

    columns = (
        "id",
        "event_type",
        "event_id",
        "kind",
        "date",
        "end_date",
        "ongoing",
        "date_precision",
        "title",
        "payload",
        "updated_at",
    )

    def values(self, queryset: QuerySet) -> QuerySet:
        """Entries as the dicts `rows()` takes (with `rank` when searching: the cursor
        orders by it)."""
        extra = ["rank"] if "rank" in queryset.query.annotations else []
        return queryset.select_related(None).prefetch_related(None).values(*self.columns, *extra)

    def page(
        self, queryset: QuerySet, paginate: Callable[[QuerySet], Any], request: Request | None
    ) -> list[Row]:
        """One page: a cursor reads its position from the rows themselves."""
        return self.rows(paginate(self.values(queryset)), request)

    def rows(self, page: Sequence[Row], request: Request | None) -> list[Row]:
        bases: dict[str, str] = {}
        for event_type in {row["event_type"] for row in page}:
            detail = reverse(f"{event_type}-detail", args=[0])[:-2]
            bases[event_type] = request.build_absolute_uri(detail) if request else detail
        return [self._row(row, bases) for row in page]

    def _row(self, row: Row, bases: dict[str, str]) -> Row:
        payload = row["payload"]
        return {
            "type": row["event_type"],
            "id": row["event_id"],
            "api_url": f"{bases[row['event_type']]}{row['event_id']}/",
            "kind": row["kind"],
            "status": payload.get("status"),
            "date": iso_date(row["date"]),
            "end_date": iso_date(row["end_date"]),
            "ongoing": row["ongoing"],
            "date_precision": row["date_precision"],
            "title": row["title"],
            "summary": payload["summary"],
            "actors": payload["actors"],
            "place": payload["place"],
            "topics": payload["topics"],
            "citations": payload["citations"],
            "updated_at": iso_datetime(row["updated_at"]),
        }

    def stream(self, queryset: QuerySet, request: Request | None, chunk: int) -> Iterator[Row]:
        return stream_rows(self, queryset, request, chunk)


TIMELINE_ROWS = TimelineShape()
