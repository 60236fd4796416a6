"""Writing the database back into the curated file format (`export_curated`).

The inverse of `events.curated.loading`: loading `fixtures/` and exporting reproduces the files
byte for byte, so edits made in the admin or through the API can be committed as
fixture changes. The files are written in one canonical form: every key of the schema
in schema order, reference data sorted by slug, events by id, topic and mention lists
sorted, nested collections in the order they were entered.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from django.db import models

from events.curated.validation import EVENT_FILES, FILES, SCHEMAS
from events.registry import BY_PLURAL

HEADERS = {
    "topics": "Controlled vocabulary of topics. See docs/curation.md.",
    "sources": "One record per source: a `document` held in shared/seeds (quotes are checked "
    "against it) or an outside `reference` (url, publisher, date; cited without quotes).",
    "places": "Places referred to by meetings and incidents.",
    "actors": "People, states, organisations and groups. Aliases = other spellings met in the "
    "documents.",
    "meetings": "Meetings (held, planned, cancelled). `id` is fixed forever; never reuse an id.",
    "statements": "Statements attributed to actors. `id` is fixed forever; never reuse an id.",
    "incidents": "Events on the ground. `id` is fixed forever; never reuse an id.",
}
CHILD_ORDER = "id"


def plain(value: Any) -> Any:
    """A database value as it is written in the files."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value.normalize())
    if value == "":
        return None
    return value


def citations_of(record: models.Model) -> list[dict[str, Any]]:
    return [
        citation_row(c) for c in record.citations.select_related("source").order_by(CHILD_ORDER)
    ]


def citation_row(c: models.Model) -> dict[str, Any]:
    row = {"source": c.source.slug}
    if c.quote:  # a reference's citations carry no quote (events.provenance)
        row["quote"] = c.quote
    row["note"] = plain(c.note)
    # Written only when set, so files curated before field-level support stay byte-identical.
    if c.supports:
        row["supports"] = list(c.supports)
    if c.disagrees:
        row["disagrees"] = True
    return row


def with_role(rows: models.QuerySet) -> list[dict[str, str]]:
    return [
        {"actor": row.actor.slug, "role": row.role}
        for row in rows.select_related("actor").order_by(CHILD_ORDER)
    ]


def slugs(manager: Any) -> list[str]:
    return sorted(manager.values_list("slug", flat=True))


def nested_values(record: models.Model, record_type: str) -> dict[str, Any]:
    """The values of the record's relations, under their curated-file keys."""
    values: dict[str, Any] = {}
    if record_type in ("places", "actors"):
        values["aliases"] = list(
            record.aliases.order_by(CHILD_ORDER).values_list("name", flat=True)
        )
    if record_type == "actors":
        values["identifiers"] = [
            {"scheme": i.scheme, "value": i.value} for i in record.identifiers.order_by(CHILD_ORDER)
        ]
        values["roles"] = [
            {
                "title": role.title,
                "organization": role.organization.slug if role.organization else None,
                "start_date": plain(role.start_date),
                "end_date": plain(role.end_date),
                "note": plain(role.note),
            }
            for role in record.roles.select_related("organization").order_by(CHILD_ORDER)
        ]
    if record_type in ("meetings", "incidents"):
        values["place"] = record.place.slug if record.place else None
    if record_type == "meetings":
        values["participants"] = with_role(record.participations)
    if record_type == "incidents":
        values["actors"] = with_role(record.incident_actors)
    if record_type == "statements":
        values["speaker"] = record.speaker.slug
        values["meeting"] = record.meeting.slug if record.meeting else None
        values["mentions"] = slugs(record.mentions)
    if record_type in EVENT_FILES:
        values["topics"] = slugs(record.topics)
    if record_type not in ("topics", "sources"):
        values["citations"] = citations_of(record)
    return values


# Keys written only when true, so files curated before they existed stay byte-identical.
WRITTEN_WHEN_TRUE = frozenset({"ongoing"})


def record_as_curated(record: models.Model, record_type: str) -> dict[str, Any]:
    nested = nested_values(record, record_type)
    return {
        key: nested[key] if key in nested else plain(getattr(record, key))
        for key in SCHEMAS[record_type]
        if key not in WRITTEN_WHEN_TRUE or getattr(record, key)
    }


def ordered(record_type: str) -> models.QuerySet:
    kind = BY_PLURAL[record_type]
    return kind.model.objects.order_by(kind.key)


def dump_file(record_type: str, records: list[dict[str, Any]]) -> str:
    header = f"# Parley curated data: {record_type}.yaml — {HEADERS[record_type]}\n"
    body = yaml.safe_dump(
        records, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False
    )
    return header + body


def export_curated(directory: Path) -> dict[str, int]:
    """Write every record into `directory`, one file per record type; return counts."""
    directory.mkdir(parents=True, exist_ok=True)
    counts = {}
    for record_type in FILES:
        records = [record_as_curated(r, record_type) for r in ordered(record_type)]
        (directory / f"{record_type}.yaml").write_text(
            dump_file(record_type, records), encoding="utf-8"
        )
        counts[record_type] = len(records)
    return counts
