"""Recording revisions: who changed which curated record, when, how, and what changed.

Every write path records one: the API, the admin and `load_curated`. A revision keeps the
record in the curated-file form (`events.exporting`), so a deleted record can be restored
from it (`events.history`).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models

from .curation import EVENT_TYPES
from .exporting import record_as_curated
from .models import CURATED_MODELS, Revision, RevisionAction

RECORD_TYPE_OF = {model: record_type for record_type, model in CURATED_MODELS.items()}


def public_key(record: models.Model) -> str:
    """The identifier clients know a record by: the id of an event, else its slug."""
    return str(record.pk) if RECORD_TYPE_OF[type(record)] in EVENT_TYPES else record.slug


def snapshot_of(record: models.Model) -> dict[str, Any]:
    return record_as_curated(record, RECORD_TYPE_OF[type(record)])


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    return {
        name: [before.get(name), after.get(name)]
        for name in sorted(after.keys() | before.keys())
        if before.get(name) != after.get(name)
    }


def record_revision(
    record: models.Model,
    action: str,
    via: str,
    user: AbstractBaseUser | AnonymousUser | None = None,
    snapshot: dict[str, Any] | None = None,
) -> Revision:
    """Record a change to `record`: call it after the change, or, for a deletion, with
    the snapshot taken before it."""
    record_type = RECORD_TYPE_OF[type(record)][:-1]
    key = public_key(record)
    snapshot = snapshot if snapshot is not None else snapshot_of(record)
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
        changes=changes,
    )
