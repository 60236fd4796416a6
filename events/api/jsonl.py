"""The whole dataset as JSON Lines (`manage.py dump_jsonl`): reference data first, then
events, each record as the API shows it, with a `type` key."""

from __future__ import annotations

from typing import TextIO

from events.api.exports import serialized_records
from events.api.renderers import json_text
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
        for _, record in serialized_records(view.get_queryset(), view.get_serializer()):
            output.write(json_text({"type": record_type, **record}) + "\n")
            counts[record_type] += 1
    return counts
