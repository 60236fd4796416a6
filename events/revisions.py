"""Revisions: who changed which curated record, when, how, and what changed.

Only the write service (`events.services`) records them. A revision's snapshot is the
record in the curated-file form (`events.curated.dumping`), because a deleted record is
restored by loading its snapshot through the same checks and loader as the curated
files: one format, one validator. The price is that the curated format may change
under snapshots already stored, so each snapshot carries the format version it was
written in (`Revision.snapshot_format`) and `upgrade_snapshot()` brings an older one up
to date before it is restored. Bump `SNAPSHOT_FORMAT` and add an upgrade step whenever
`events.curated.validation.SCHEMAS` changes shape.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models

from events.curated.dumping import record_as_curated
from events.models import Revision, RevisionAction
from events.registry import record_type_of

SNAPSHOT_FORMAT = 2


def sources_got_kinds(snapshot: dict[str, Any]) -> dict[str, Any]:
    """Format 1 -> 2: sources have a `kind` (every source before was a held document).

    Format 2 also added keys that format-1 snapshots lack and that default sensibly:
    citations' `supports`/`disagrees` (none, false), an event's `ongoing` (false), a
    reference's quote-less citations (none existed)."""
    if "document" in snapshot and "kind" not in snapshot:  # a source's snapshot
        snapshot = {"slug": snapshot.get("slug"), "kind": "document", **snapshot}
    return snapshot


# format N -> function turning a snapshot of format N into format N + 1.
SNAPSHOT_UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: sources_got_kinds,
}


def snapshot_of(record: models.Model) -> dict[str, Any]:
    return record_as_curated(record, record_type_of(record).plural)


def upgrade_snapshot(revision: Revision) -> dict[str, Any]:
    """The revision's snapshot in the current curated format."""
    snapshot, version = revision.snapshot, revision.snapshot_format
    while version < SNAPSHOT_FORMAT:
        snapshot, version = SNAPSHOT_UPGRADES[version](snapshot), version + 1
    return snapshot


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    return {
        name: [before.get(name), after.get(name)]
        for name in sorted(after.keys() | before.keys())
        if before.get(name) != after.get(name)
    }


def record_revision(
    record_type: str,
    key: str,
    action: str,
    via: str,
    user: AbstractBaseUser | AnonymousUser | None,
    snapshot: dict[str, Any],
) -> Revision:
    """Record one change: `snapshot` is the record after it, or before a deletion."""
    previous = (
        Revision.objects.filter(record_type=record_type, key=key)
        .order_by("-created_at", "-id")
        .values_list("snapshot", flat=True)
        .first()
    )
    changes = {} if action == RevisionAction.DELETED else changed_fields(previous or {}, snapshot)
    return Revision.objects.create(
        record_type=record_type,
        key=key,
        action=action,
        via=via,
        user=user if user is not None and user.is_authenticated else None,
        snapshot=snapshot,
        snapshot_format=SNAPSHOT_FORMAT,
        changes=changes,
    )
