"""The whole dataset as JSON Lines (`manage.py dump_jsonl`): reference data first, then
events, each record as the API shows it, with a `type` key."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TextIO

from events.api.exports import EXPORT_CHUNK_SIZE, serialized_records
from events.api.renderers import json_text
from events.api.stored import StoredRecords
from events.api.urls import RECORD_VIEWSETS


def dump_jsonl(output: TextIO) -> dict[str, int]:
    """Write every record as one JSON object per line, with a `type` key and the fields
    of the API's read serializers; returns the number of records of each type.

    There is no request, so `api_url` is the path of the record (`/api/v1/...`).
    """
    counts: dict[str, int] = {}
    for record_type, viewset in RECORD_VIEWSETS.items():
        view = viewset(action="list", request=None, format_kwarg=None, args=(), kwargs={})
        counts[record_type] = 0
        for line in record_lines(record_type, view):
            output.write(line)
            counts[record_type] += 1
    return counts


def record_lines(record_type: str, view: Any) -> Iterator[str]:
    """A record type's lines: events from their stored JSON, spliced after the `type`
    key undecoded; reference records through their serializers."""
    stored = getattr(view, "stored", None)
    if isinstance(stored, StoredRecords):
        prefix = "{" + json_text("type") + ":" + json_text(record_type) + ","
        for text in stored.stream_texts(view.get_queryset(), None, EXPORT_CHUNK_SIZE):
            yield prefix + text[1:] + "\n"
        return
    for _, record in serialized_records(view.get_queryset(), view.get_serializer()):
        yield json_text({"type": record_type, **record}) + "\n"
