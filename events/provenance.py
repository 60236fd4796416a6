"""Provenance rules: what a source of each kind must say about itself, and what a citation
of it must carry. One home for them: the curated-file validator, the API's write
serializers and the admin (through the models' `clean()`) all ask these functions.

A `document` is a text held beside the project: its citations quote it verbatim, and the
quote is machine-checked. A `reference` is an outside publication a curator read in a
stored copy: its text is not held, so it must say where it was published (`url`,
`publisher`, `published_on`) and its citations carry no quote; their `note` says, in the
curator's own words, what it attests.
"""

from __future__ import annotations

import datetime

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
