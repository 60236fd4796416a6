"""The record types Parley curates: one list that the rest reads.

Order is load order: every type only refers to types before it (a statement to its
meeting, a role to its organisation). The API, the curated files, the history, the
deletions feed and the data dictionary all iterate this list instead of keeping their own.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models

from events.choices import EventType
from events.models import Actor, Incident, Meeting, Place, Source, Statement, Topic


@dataclass(frozen=True)
class RecordType:
    """One curated record type."""

    name: str  # singular; as in revisions, tombstones and JSON Lines' `type`
    plural: str  # the API's URL prefix and the curated file's name
    model: type[models.Model]
    key: str  # the public identifier clients store: "id" for events, else "slug"
    description: str  # one line, for the API root

    @property
    def is_event(self) -> bool:
        return self.key == "id"

    def public_key(self, record: models.Model) -> str:
        return str(getattr(record, self.key))


RECORD_TYPES: tuple[RecordType, ...] = (
    RecordType(
        "topic", "topics", Topic, "slug", "The controlled vocabulary events are tagged with."
    ),
    RecordType("source", "sources", Source, "slug", "The documents every fact is quoted from."),
    RecordType(
        "place",
        "places",
        Place,
        "slug",
        "Where meetings and incidents happened, with coordinates and aliases.",
    ),
    RecordType(
        "actor",
        "actors",
        Actor,
        "slug",
        "People, states, organisations and groups, with aliases, roles and identifiers.",
    ),
    RecordType(
        EventType.MEETING.value,
        "meetings",
        Meeting,
        "id",
        "Diplomatic encounters, held or planned, with participants and their roles.",
    ),
    RecordType(
        EventType.STATEMENT.value,
        "statements",
        Statement,
        "id",
        "What actors said: direct quotes, paraphrases, readouts, announcements.",
    ),
    RecordType(
        EventType.INCIDENT.value,
        "incidents",
        Incident,
        "id",
        "Events on the ground: clashes, casualties, checkpoints, blockades, wars.",
    ),
)
EVENT_TYPES: tuple[RecordType, ...] = tuple(t for t in RECORD_TYPES if t.is_event)

BY_NAME: dict[str, RecordType] = {t.name: t for t in RECORD_TYPES}
BY_PLURAL: dict[str, RecordType] = {t.plural: t for t in RECORD_TYPES}
BY_MODEL: dict[type[models.Model], RecordType] = {t.model: t for t in RECORD_TYPES}


def record_type_of(record: models.Model) -> RecordType:
    return BY_MODEL[type(record)]


def public_key(record: models.Model) -> str:
    """The identifier clients know a record by: the id of an event, else its slug."""
    return record_type_of(record).public_key(record)
