"""Deletion bookkeeping, however a record is deleted (API, admin, shell): the timeline
rows that showed it are rebuilt and a tombstone tells syncing clients it is gone."""

from __future__ import annotations

from typing import Any

from django.db.models import Model
from django.db.models.signals import post_delete, pre_delete

from .models import Actor, Incident, Meeting, Place, Source, Statement, Tombstone, Topic
from .revisions import public_key
from .timeline import affected_events, refresh_events

PUBLIC_MODELS = (Actor, Place, Topic, Source, Meeting, Statement, Incident)


def remember_affected_events(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    # After the delete the links are gone, so look them up now.
    affected = affected_events(instance)
    if isinstance(instance, Meeting):
        # Its statements lose their `meeting` (SET_NULL): they change too.
        affected["statement"] = set(instance.statements.values_list("pk", flat=True))
    instance._timeline_affected = affected


def record_deletion(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    Tombstone.objects.create(record_type=sender._meta.model_name, key=public_key(instance))
    # The deleted event's own row goes (its id no longer exists); the others are touched.
    refresh_events(getattr(instance, "_timeline_affected", {}), touch=True)


def connect() -> None:
    for model in PUBLIC_MODELS:
        pre_delete.connect(remember_affected_events, sender=model, dispatch_uid=f"pre-{model}")
        post_delete.connect(record_deletion, sender=model, dispatch_uid=f"post-{model}")
