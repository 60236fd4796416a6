"""Restoring a deleted record from the snapshot its deletion left in the history."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser
from django.db import DatabaseError, models, transaction

from .curation import RECORD_TYPES, Context, CuratedData, check_record
from .loading import MODELS, Loader
from .models import Revision, RevisionAction, RevisionVia
from .revisions import record_revision
from .timeline import refresh_timeline_for


class RestoreError(Exception):
    """The snapshot cannot be loaded back; `problems` maps fields to messages."""

    def __init__(self, problems: dict[str, list[str]]) -> None:
        super().__init__(problems)
        self.problems = problems


def existing_slugs() -> dict[str, set[str]]:
    return {
        record_type: set(MODELS[record_type].objects.values_list("slug", flat=True))
        for record_type in RECORD_TYPES
    }


@transaction.atomic
def restore(revision: Revision, user: AbstractBaseUser | None = None) -> models.Model:
    """Bring a deleted record back as it was just before its deletion."""
    if revision.action != RevisionAction.DELETED:
        raise RestoreError({"action": ["Only a deletion can be restored."]})
    record_type = f"{revision.record_type}s"
    snapshot = revision.snapshot
    key = {"id": snapshot["id"]} if "id" in snapshot else {"slug": snapshot["slug"]}
    if MODELS[record_type].objects.filter(**key).exists():
        raise RestoreError({"key": ["The record exists again: there is nothing to restore."]})
    cleaned, problems = check_record(record_type, snapshot, Context(slugs=existing_slugs()))
    if cleaned is None or problems:
        raise RestoreError({field: [message] for field, message in problems})
    loader = Loader(CuratedData(Path("."), {t: [] for t in RECORD_TYPES}, []))
    loader.via = RevisionVia.API
    try:
        with transaction.atomic():
            instance, _ = loader.upsert(record_type, cleaned)
            loader.replace_children(instance, record_type, cleaned)
    except DatabaseError as exc:
        raise RestoreError({"snapshot": [f"The database refused it: {exc}"]}) from exc
    refresh_timeline_for(instance)
    record_revision(instance, RevisionAction.RESTORED, RevisionVia.API, user)
    return instance
