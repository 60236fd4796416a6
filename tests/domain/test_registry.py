"""The registry of record types is the one list the rest reads."""

from __future__ import annotations

from events.choices import EventType
from events.curated.validation import FILES, SCHEMAS
from events.registry import EVENT_TYPES, RECORD_TYPES


def test_every_record_type_has_a_curated_file_an_endpoint_and_a_deletion_type(client, db):
    root = client.get("/api/v1/").json()
    schema = client.get("/api/schema/?format=json").json()
    deletion_types = schema["paths"]["/api/v1/deletions/"]["get"]["parameters"]
    ref = next(p for p in deletion_types if p["name"] == "type")["schema"]["items"]["$ref"]
    type_enum = schema["components"]["schemas"][ref.rsplit("/", 1)[-1]]["enum"]  # RecordTypeEnum
    for kind in RECORD_TYPES:
        assert kind.plural in FILES and kind.plural in SCHEMAS
        assert root[kind.plural]["description"] == kind.description
        assert kind.name in type_enum


def test_the_timeline_types_are_the_event_record_types():
    assert [kind.name for kind in EVENT_TYPES] == [value for value, _ in EventType.choices]
