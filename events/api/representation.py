"""One stored representation per event: its public JSON, built once, by its serializer.

Whenever an event changes, or a record it shows does (an actor's name, a place, a topic,
a source), the write service rebuilds its timeline row (`events.timeline`), and with it
two texts: `record_json`, the event as `/meetings/{id}/` (or statements, incidents) shows
it, and `item_json`, the row as the timeline shows it. Both are written here and only
here, by the read serializers, which therefore stay the one definition of the public
JSON: a new serializer field reaches every list, detail, timeline page and export as
soon as the rows are rebuilt (`rebuild_timeline()`, in a migration for existing data).
`events/api/stored.py` splices the texts into responses without decoding them.

`api_url` is stored as a path from the site's root ("/api/v1/meetings/5/"), built as if
the site were served at "/", and made absolute for each request when spliced.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from django.db.models import Model
from django.urls import get_script_prefix, set_script_prefix
from rest_framework.serializers import BaseSerializer

from events.api.renderers import json_bytes
from events.api.serializers import (
    IncidentSerializer,
    MeetingSerializer,
    StatementSerializer,
    TimelineItemSerializer,
)
from events.models import TimelineEntry

# The read serializer of each event type: what its endpoints answer.
RECORD_SERIALIZERS: dict[str, type[BaseSerializer]] = {
    "meeting": MeetingSerializer,
    "statement": StatementSerializer,
    "incident": IncidentSerializer,
}


@contextmanager
def site_root() -> Iterator[None]:
    """Build links as if the site were served at "/" (a write may run in a request
    under another script prefix): stored paths are made absolute per request."""
    previous = get_script_prefix()
    set_script_prefix("/")
    try:
        yield
    finally:
        set_script_prefix(previous)


def render(serializer_class: type[BaseSerializer], instances: Sequence[Any]) -> list[str]:
    """The instances' JSON through their serializer, one text each, with links relative
    to the root. One serializer for the batch: building its fields costs more than
    rendering a record, so they are built once."""
    with site_root():
        data = serializer_class(instances, many=True, context={"request": None}).data
    return [json_bytes(item).decode() for item in data]


def record_json(event_type: str, events: Sequence[Model]) -> list[str]:
    """Events (read with `for_api()`) as their own endpoints show them."""
    return render(RECORD_SERIALIZERS[event_type], events)


def item_json(entries: Sequence[TimelineEntry]) -> list[str]:
    """Timeline rows (saved or not) as the timeline shows them."""
    return render(TimelineItemSerializer, entries)
