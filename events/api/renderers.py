"""CSV and GeoJSON renderings of API records.

CSV has one row per record and one column per field. Embedded records become text:
a `{slug, name}` object becomes its slug, an actor with a role `slug (role)`, a list of
them one cell joined with "; ", a citation `source [supported fields; disagrees]: quote`
(brackets only when set; several joined with " | ", since quotes may hold semicolons).
Lists of plain values (topics, aliases) are joined with "; ". Anything else is written
as JSON, so no information is lost silently.

GeoJSON is written by `ExportMixin` (events/api/exports.py), which knows each record's
place; the renderer only serialises the Feature or FeatureCollection it is given.

Errors (400, 404...) are answered in JSON whatever format was asked for: an error body
is neither a table nor a map.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import orjson
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import BaseRenderer, BrowsableAPIRenderer, JSONRenderer
from rest_framework.utils.encoders import JSONEncoder

LIST_SEPARATOR = "; "
CITATION_SEPARATOR = " | "
# Streamed output is handed to the server in pieces of about this many characters:
# small enough to keep memory flat, large enough not to write one row at a time.
CHUNK_CHARACTERS = 64 * 1024


def json_text(value: Any) -> str:
    """Compact JSON, non-ASCII kept as is (the output is UTF-8)."""
    return json.dumps(value, cls=JSONEncoder, ensure_ascii=False, separators=(",", ":"))


def office_text(item: Mapping[str, Any]) -> str:
    """An office held: `title (organisation, start/end)`, `..` for an open end."""
    start, end = item.get("start_date"), item.get("end_date")
    period = f"{start or '..'}/{end or '..'}" if start or end else None
    details = ", ".join(str(part) for part in (item.get("organization"), period) if part)
    return f"{item['title']} ({details})" if details else str(item["title"])


def citation_support(item: Mapping[str, Any]) -> str:
    """` [date, place; disagrees]`: what a citation supports, "" when it says nothing."""
    marks = ", ".join(item.get("supports") or ())
    if item.get("disagrees"):
        marks = f"{marks}; disagrees" if marks else "disagrees"
    return f" [{marks}]" if marks else ""


def item_text(item: Mapping[str, Any]) -> str:
    """One embedded object as text."""
    if "slug" in item:
        role = item.get("role")
        return f"{item['slug']} ({role})" if role else str(item["slug"])
    if "source" in item and "quote" in item:
        return f"{item['source']}{citation_support(item)}: {item['quote']}"
    if "scheme" in item and "value" in item:
        return f"{item['scheme']}:{item['value']}"
    if "title" in item and "start_date" in item:
        return office_text(item)
    return json_text(item)


def cell_text(value: Any) -> str:
    """One CSV cell for a serialised value ("" for null)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Mapping):
        return item_text(value)
    if isinstance(value, list | tuple):
        is_citations = any(isinstance(item, Mapping) and "quote" in item for item in value)
        separator = CITATION_SEPARATOR if is_citations else LIST_SEPARATOR
        return separator.join(cell_text(item) for item in value)
    return str(value)


# A cell starting with one of these is a formula to spreadsheet programs (CSV injection):
# such text cells go out with a leading apostrophe, which they show as plain text.
# Numbers (a negative longitude) are left as they are: a number is not a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def safe_cell(value: Any) -> str:
    text = cell_text(value)
    if text.startswith(FORMULA_STARTS) and not is_number(text):
        return "'" + text
    return text


# `?bom=1` on a CSV answer: a UTF-8 byte order mark first. Excel reads a CSV without one
# in the machine's legacy code page ("ChiÈ™inÄƒu"); with it, as UTF-8 ("Chișinău").
BOM_PARAMETER = "bom"
BOM = "\ufeff"
BOM_VALUES = {"1": True, "true": True, "0": False, "false": False}


def csv_bom(query_params: Mapping[str, Any]) -> bool:
    """Whether a CSV answer starts with a byte order mark; 400 for a value not allowed."""
    raw = query_params.get(BOM_PARAMETER)
    if raw is None:
        return False
    value = BOM_VALUES.get(str(raw).strip().lower())
    if value is None:
        raise ValidationError({BOM_PARAMETER: ["Use bom=1 (or true) for a byte order mark."]})
    return value


def check_bom_parameter(query_params: Mapping[str, Any], renderer: BaseRenderer) -> None:
    """`bom` only with a CSV answer, and only with a value allowed: 400 otherwise."""
    if BOM_PARAMETER not in query_params:
        return
    if not isinstance(renderer, CSVRenderer):
        raise ValidationError({BOM_PARAMETER: ["bom applies to CSV answers only."]})
    csv_bom(query_params)


def csv_chunks(
    header: list[str], rows: Iterable[Mapping[str, Any]], bom: bool = False
) -> Iterator[str]:
    """The CSV text of the rows, header first, in pieces of about CHUNK_CHARACTERS.

    Rows are consumed lazily, so a generator of rows is never held in memory whole.
    """
    buffer = io.StringIO()
    if bom:
        buffer.write(BOM)
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(row.get(name)) for name in header])
        if buffer.tell() >= CHUNK_CHARACTERS:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def feature_collection_chunks(features: Iterable[Mapping[str, Any]]) -> Iterator[str]:
    """A GeoJSON FeatureCollection, written feature by feature."""
    buffer = io.StringIO()
    buffer.write('{"type":"FeatureCollection","features":[')
    for index, feature in enumerate(features):
        buffer.write(",\n" if index else "\n")
        buffer.write(json_bytes(feature).decode())  # orjson: splices stored properties
        if buffer.tell() >= CHUNK_CHARACTERS:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    buffer.write("\n]}\n")
    yield buffer.getvalue()


def serializer_columns(serializer: Any) -> list[str]:
    """The columns a serializer answers: one per readable field."""
    serializer = getattr(serializer, "child", serializer)  # many=True
    fields = getattr(serializer, "fields", None)
    if fields is None:
        return []
    return [name for name, field in fields.items() if not field.write_only]


def declared_columns(view: Any) -> list[str]:
    """The columns of the records a view declares (its serializer's, or those of its
    `results`): the header of an answer with no rows and no serializer (an empty /stats/)."""
    get_serializer = getattr(view, "get_serializer", None)
    if get_serializer is None:
        return []
    serializer = get_serializer()
    results = getattr(serializer, "fields", {}).get("results")
    return serializer_columns(results if results is not None else serializer)


def table(data: Any) -> tuple[list[str], list[Mapping[str, Any]]]:
    """Header and rows of a response body: a page's `results`, a list, or one record.

    The header comes from the serializer that produced the data when it is known (so an
    empty list still has its header), else from the keys met in the rows.
    """
    if isinstance(data, Mapping) and isinstance(data.get("results"), list):
        data = data["results"]
    source = data
    if isinstance(data, Mapping):
        data = [data]
    elif not isinstance(data, list | tuple):
        return [], []
    rows = [row if isinstance(row, Mapping) else {"value": row} for row in data]
    header = serializer_columns(getattr(source, "serializer", None))
    header += [name for name in dict.fromkeys(k for row in rows for k in row) if name not in header]
    return header, rows


_ENCODER = JSONEncoder()
# Non-string keys: validation errors of nested lists are keyed by item index.
JSON_OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_NON_STR_KEYS


def json_bytes(data: Any) -> bytes:
    """DRF's compact JSON, written by orjson: what the API answers, and what the stored
    representations hold (events/api/representation.py). `orjson.Fragment`s (stored
    JSON) are copied in as they are."""
    return orjson.dumps(data, default=_ENCODER.default, option=JSON_OPTIONS)


def has_fragments(data: Any) -> bool:
    """Whether a page's results (or all of them, `/stats/`) are stored JSON spliced in
    (`orjson.Fragment`)."""
    results = data.get("results") if isinstance(data, dict) else data
    if isinstance(results, orjson.Fragment):
        return True
    return isinstance(results, list) and any(isinstance(r, orjson.Fragment) for r in results)


class FastJSONRenderer(JSONRenderer):
    """DRF's compact JSON, written by orjson (several times faster on a 100-row page).

    Whatever orjson does not know natively — Decimal, lazy translations, and datetimes,
    which DRF writes its own way — goes through DRF's encoder, so the output is the same.
    Indented output (the browsable API's) is left to DRF, after decoding any stored JSON
    spliced into the data.
    """

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        if data is None:
            return b""
        if self.get_indent(accepted_media_type or "", renderer_context or {}):
            if has_fragments(data):
                data = orjson.loads(json_bytes(data))
            return super().render(data, accepted_media_type, renderer_context)
        return json_bytes(data)


class ParleyBrowsableAPIRenderer(BrowsableAPIRenderer):
    """DRF's browsable API, with its "Filters" form also on the views that answer one
    filtered aggregate rather than a list (`/stats/`, `/network/`: `aggregate_filters`).
    DRF offers the form only where it recognises a list or a page."""

    def get_filter_form(self, data: Any, view: Any, request: Any) -> Any:
        if getattr(view, "aggregate_filters", False):
            data = []  # what DRF's list check wants to see; the form ignores the data
        return super().get_filter_form(data, view, request)


class ExportRenderer(BaseRenderer):
    """Base for the export formats: error bodies are rendered as JSON."""

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        context = renderer_context or {}
        response = context.get("response")
        if response is not None and response.status_code >= 400:
            response["Content-Type"] = JSONRenderer.media_type
            return FastJSONRenderer().render(data, JSONRenderer.media_type, context)
        if data is None:
            return b""
        return self.render_data(data, context)

    def render_data(self, data: Any, renderer_context: Mapping[str, Any]) -> bytes:
        raise NotImplementedError


class CSVRenderer(ExportRenderer):
    """A list or page as a table; a single record as a one-row table."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render_data(self, data: Any, renderer_context: Mapping[str, Any]) -> bytes:
        header, rows = table(data)
        if not header:
            # An empty body would also lose its Content-Type (DRF drops it): say the columns.
            header = declared_columns(renderer_context.get("view"))
        if not header:
            return b""
        request = renderer_context.get("request")
        try:  # checked before the view ran (events.api.filter_backend); never fail here
            bom = csv_bom(request.query_params) if request is not None else False
        except ValidationError:
            bom = False
        return "".join(csv_chunks(header, rows, bom)).encode(self.charset)


class GeoJSONRenderer(ExportRenderer):
    """GeoJSON (RFC 7946). Only offered by views that can place their records."""

    media_type = "application/geo+json"
    format = "geojson"
    charset = None  # JSON is always UTF-8; RFC 7946 defines no charset parameter

    def render_data(self, data: Any, renderer_context: Mapping[str, Any]) -> bytes:
        return json_text(data).encode("utf-8")
