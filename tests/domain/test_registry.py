"""The registry of record types is the one list the rest reads."""

from __future__ import annotations

from events.choices import EventType
from events.curated.validation import FILES, SCHEMAS
from events.registry import EVENT_TYPES, RECORD_TYPES


def test_every_record_type_has_a_curated_file_an_endpoint_and_a_deletion_type(client, db):
    root = client.get("/api/v1/").json()
    deletion_types = client.get("/api/schema/?format=json").json()["paths"]["/api/v1/deletions/"][
        "get"
    ]["parameters"]
    type_enum = next(p for p in deletion_types if p["name"] == "type")["schema"]["items"]["enum"]
    for kind in RECORD_TYPES:
        assert kind.plural in FILES and kind.plural in SCHEMAS
        assert root[kind.plural]["description"] == kind.description
        assert kind.name in type_enum


def test_the_timeline_types_are_the_event_record_types():
    assert [kind.name for kind in EVENT_TYPES] == [value for value, _ in EventType.choices]
