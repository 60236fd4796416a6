"""How checked curated records map onto the database.

Upserts by natural key (slug; fixed `id` for events), touching only records whose content
changed, so a reload is a no-op and `updated_at` stays meaningful for sync clients. The
loader only writes records: `events.services.load_curated()` runs it inside the write
service (one transaction; timeline and revisions follow), and so does restoring a
deleted record from its snapshot.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.core.management.color import no_style
from django.db import DatabaseError, connection, models, transaction

from events.curated.validation import FILES, CuratedData
from events.models import (
    ActorAlias,
    ActorIdentifier,
    ActorRole,
    Citation,
    IncidentActor,
    Participation,
    PlaceAlias,
)
from events.registry import BY_PLURAL


class LoadError(Exception):
    """A record the database refused; names the file and record."""


SCALAR_FIELDS = {
    "topics": ["name", "description"],
    "sources": [
        "kind",
        "title",
        "publisher",
        "published_on",
        "url",
        "language",
        "document",
        "note",
    ],
    "places": ["name", "kind", "country", "latitude", "longitude"],
    "actors": ["name", "kind", "country", "description", "note"],
    "meetings": ["slug", "title", "kind", "status", "ongoing", "summary"],
    "statements": ["slug", "title", "kind", "text"],
    "incidents": ["slug", "title", "kind", "ongoing", "fatalities", "injuries", "summary"],
}
EVENT_SCALARS = ["date", "end_date", "date_precision", "date_note", "plover_mode", "note"]


ROLE_COLUMNS = ("title", "organization_id", "start_date", "end_date", "note")


@dataclass
class Nested:
    """A nested collection as it should be: child model, FK to the parent, rows."""

    model: type[models.Model]
    parent: str
    columns: tuple[str, ...]
    rows: list[dict[str, Any]]


class Loader:
    def __init__(self, data: CuratedData) -> None:
        self.data = data
        self.pks: dict[str, dict[str, int]] = {record_type: {} for record_type in FILES}
        self.counts: dict[str, Counter] = {record_type: Counter() for record_type in FILES}

    def pk(self, record_type: str, slug: str | None) -> int | None:
        """The database id of a referenced record: loaded in this run, or already there."""
        if slug is None:
            return None
        if slug not in self.pks[record_type]:
            found = (
                BY_PLURAL[record_type].model.objects.filter(slug=slug).values_list("pk", flat=True)
            )
            self.pks[record_type][slug] = found.get()
        return self.pks[record_type][slug]

    # -- what each record looks like in the database

    def scalars(self, record_type: str, record: dict[str, Any]) -> dict[str, Any]:
        values = {name: record[name] for name in SCALAR_FIELDS[record_type]}
        if record_type == "sources":
            values["url"] = values["url"] or None
            values["document"] = values["document"] or None
        if record_type in ("places", "actors"):
            values["country"] = values["country"] or None
        if record_type in ("meetings", "incidents"):
            values["place_id"] = self.pk("places", record["place"])
        if record_type == "statements":
            values["speaker_id"] = self.pk("actors", record["speaker"])
            values["meeting_id"] = self.pk("meetings", record["meeting"])
        if record_type in ("meetings", "statements", "incidents"):
            values.update({name: record[name] for name in EVENT_SCALARS})
            values["plover_type"] = record["plover_type"]
        return values

    def children(self, record_type: str, record: dict[str, Any]) -> list[Nested]:
        """Every nested collection of the record, rows in curated order."""
        nested = []
        if record_type in ("places", "actors"):
            alias_model = PlaceAlias if record_type == "places" else ActorAlias
            nested.append(
                Nested(alias_model, "owner", ("name",), [{"name": a} for a in record["aliases"]])
            )
        if record_type == "actors":
            nested.append(
                Nested(ActorIdentifier, "actor", ("scheme", "value"), record["identifiers"])
            )
            roles = [
                {
                    "title": role["title"],
                    "organization_id": self.pk("actors", role["organization"]),
                    "start_date": role["start_date"],
                    "end_date": role["end_date"],
                    "note": role["note"],
                }
                for role in record["roles"]
            ]
            nested.append(Nested(ActorRole, "actor", ROLE_COLUMNS, roles))
        if record_type in ("meetings", "incidents"):
            child_model, parent, key = (
                (Participation, "meeting", "participants")
                if record_type == "meetings"
                else (IncidentActor, "incident", "actors")
            )
            rows = [
                {"actor_id": self.pk("actors", item["actor"]), "role": item["role"]}
                for item in record[key]
            ]
            nested.append(Nested(child_model, parent, ("actor_id", "role"), rows))
        if "citations" in record:
            rows = [
                {
                    "source_id": self.pk("sources", c["source"]),
                    "quote": c["quote"],
                    "note": c["note"],
                    "supports": c.get("supports") or [],
                    "disagrees": bool(c.get("disagrees")),
                }
                for c in record["citations"]
            ]
            columns = ("source_id", "quote", "note", "supports", "disagrees")
            nested.append(Nested(Citation, BY_PLURAL[record_type].name, columns, rows))
        return nested

    def many_to_many(self, record_type: str, record: dict[str, Any]) -> dict[str, set[int]]:
        if record_type not in ("meetings", "statements", "incidents"):
            return {}
        related = {"topics": {self.pk("topics", slug) for slug in record["topics"]}}
        if record_type == "statements":
            related["mentions"] = {self.pk("actors", slug) for slug in record["mentions"]}
        return related

    # -- writing

    def upsert(self, record_type: str, record: dict[str, Any]) -> tuple[models.Model, str]:
        """Create or update the record's own fields; nested collections come later."""
        model = BY_PLURAL[record_type].model
        key = {"id": record["id"]} if "id" in record else {"slug": record["slug"]}
        values = self.scalars(record_type, record)
        instance = model.objects.filter(**key).first()
        if instance is None:
            return model.objects.create(**key, **values), "created"
        changed = {name: v for name, v in values.items() if getattr(instance, name) != v}
        for name, value in changed.items():
            setattr(instance, name, value)
        return instance, "updated" if changed else "unchanged"

    def replace_children(self, instance: models.Model, record_type: str, record: dict) -> bool:
        changed = False
        for nested in self.children(record_type, record):
            current = nested.model.objects.filter(**{nested.parent: instance}).order_by("id")
            if list(current.values(*nested.columns)) != nested.rows:
                current.delete()
                nested.model.objects.bulk_create(
                    nested.model(**{nested.parent: instance}, **row) for row in nested.rows
                )
                changed = True
        for field, wanted in self.many_to_many(record_type, record).items():
            manager = getattr(instance, field)
            if set(manager.values_list("pk", flat=True)) != wanted:
                manager.set(wanted)
                changed = True
        return changed

    def load(self) -> dict[str, Counter]:
        for record_type in FILES:
            records = self.data.records[record_type]
            # Own fields first for the whole file, so records may refer to ones further down
            # the same file (a role's organisation, say); then the nested collections.
            saved = [
                self.guarded(record_type, index, record, self.upsert, record_type, record)
                for index, record in enumerate(records)
            ]
            for (instance, _), record in zip(saved, records, strict=True):
                self.pks[record_type][record["slug"]] = instance.pk
            for index, ((instance, status), record) in enumerate(zip(saved, records, strict=True)):
                status = self.guarded(
                    record_type, index, record, self.finish, instance, status, record_type, record
                )
                self.counts[record_type][status] += 1
        return self.counts

    def finish(
        self, instance: models.Model, status: str, record_type: str, record: dict[str, Any]
    ) -> str:
        if self.replace_children(instance, record_type, record) and status == "unchanged":
            status = "updated"
        if status == "updated":
            instance.save()  # also moves updated_at, so sync clients see the change
        return status

    def guarded(self, record_type: str, index: int, record: dict, step: Any, *args: Any) -> Any:
        """Run one step for one record; a database refusal names the file and record."""
        try:
            with transaction.atomic():
                return step(*args)
        except DatabaseError as exc:
            label = record.get("slug") or record.get("id")
            raise LoadError(
                f"{self.data.file_name(record_type)}, record {index + 1} ({label}): {exc}"
            ) from exc


def reset_sequences(model_list: list[type[models.Model]]) -> None:
    """Events are inserted with fixed ids; move PostgreSQL's sequences past them."""
    statements = connection.ops.sequence_reset_sql(no_style(), model_list)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
