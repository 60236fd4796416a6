"""Provenance rules: what a source of each kind must say about itself, and what a citation
of it must carry. One home for them: the curated-file validator, the API's write
serializers and the admin (through the models' `clean()`) all ask these functions.

Field-level provenance, below, says which of an event's filtered-on values rest on held
documents, which only on references, and which on nothing yet.

A `document` is a text held beside the project: its citations quote it verbatim, and the
quote is machine-checked. A `reference` is an outside publication a curator read in a
stored copy: its text is not held, so it must say where it was published (`url`,
`publisher`, `published_on`) and its citations carry no quote; their `note` says, in the
curator's own words, what it attests.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from events.choices import SourceKind

Problems = list[tuple[str, str]]  # (field, message)


def source_problems(
    kind: str,
    *,
    url: str | None,
    publisher: str | None,
    published_on: datetime.date | None,
    document: str | None,
) -> Problems:
    """What is missing (or superfluous) in a source of this kind, by field."""
    problems: Problems = []
    if kind == SourceKind.REFERENCE:
        required = {"url": url, "publisher": publisher, "published_on": published_on}
        problems += [
            (name, "a reference source needs it (where and when it was published)")
            for name, value in required.items()
            if value is None or (isinstance(value, str) and not value.strip())
        ]
        if document:
            problems.append(("document", "a reference source holds no document: leave it null"))
    elif not document or not document.strip():
        problems.append(("document", "a document source names its file"))
    return problems


def citation_problems(source_kind: str, *, quote: str | None, note: str | None) -> Problems:
    """What a citation of a source of this kind gets wrong, by field."""
    quote, note = quote or "", note or ""
    if source_kind == SourceKind.REFERENCE:
        problems: Problems = []
        if quote:
            problems.append(
                ("quote", "a citation of a reference carries no quote (its text is not held)")
            )
        if not note.strip():
            problems.append(("note", "a citation of a reference source says what it attests"))
        return problems
    if not quote.strip():
        return [("quote", "a citation of a document quotes it verbatim")]
    return []


def open_ended_problems(*, ongoing: bool, end_date: datetime.date | None) -> Problems:
    """An ongoing event has not ended: it has no end date."""
    if ongoing and end_date is not None:
        return [("ongoing", "an ongoing event has no end_date: set one or the other")]
    return []


# --- Field-level provenance of events ---------------------------------------------------

# The values researchers filter on, by event type (curated-file keys). Each one a record
# has must be supported by a citation that does not disagree (`validate_curated`), and
# an event is `documented` when a held document supports each.
FILTERED_FIELDS: dict[str, tuple[str, ...]] = {
    "meetings": ("date", "end_date", "place", "participants", "kind", "status"),
    "statements": ("date", "end_date", "speaker", "kind"),
    "incidents": ("date", "end_date", "place", "actors", "kind", "fatalities", "injuries"),
}
# Always present; the others only when they hold a value (a place, an end, a count...).
ALWAYS_PRESENT = frozenset({"date", "kind", "status", "speaker"})


@dataclass(frozen=True)
class Cited:
    """What field-level provenance needs of one citation."""

    source_kind: str
    supports: Sequence[str]
    disagrees: bool = False


def fields_to_support(record_type: str, values: Mapping[str, Any]) -> list[str]:
    """The filtered-on fields this event has a value for, in `FILTERED_FIELDS` order.

    `values` maps curated-file keys to the event's values (a checked curated record will
    do); null, empty lists and absent keys are no value."""
    return [
        name
        for name in FILTERED_FIELDS[record_type]
        if name in ALWAYS_PRESENT or values.get(name) not in (None, [], "")
    ]


def field_support(fields: Iterable[str], citations: Iterable[Cited]) -> dict[str, str | None]:
    """For each field, what its value rests on: "document" when a held document supports
    it, else "reference" when only outside references do, else None. Citations that
    disagree support nothing: they record a conflict."""
    kinds: dict[str, set[str]] = {}
    for cited in citations:
        if not cited.disagrees:
            for name in cited.supports:
                kinds.setdefault(name, set()).add(cited.source_kind)
    support: dict[str, str | None] = {}
    for name in fields:
        found = kinds.get(name, set())
        support[name] = (
            SourceKind.DOCUMENT
            if SourceKind.DOCUMENT in found
            else SourceKind.REFERENCE
            if found
            else None
        )
    return support


def is_documented(fields: Iterable[str], citations: Iterable[Cited]) -> bool:
    """True when every one of the fields rests on a held document."""
    return all(kind == SourceKind.DOCUMENT for kind in field_support(fields, citations).values())
