"""The one door for writes: every change to a curated record goes through here.

Whatever makes the change — the API, the admin, `load_curated`, restoring a deletion, or
a plain `.save()` / `.delete()` in a shell or script — the same three things happen, in
the same transaction as the change:

1. the derived data is refreshed: the timeline rows (`events.timeline`) of the changed
   events and of every event that shows a changed actor, place, topic or source;
2. a deletion leaves a tombstone for syncing clients;
3. one revision per changed record says who changed it, when, through what (`via`)
   and which fields changed (`events.revisions`).

How changes are seen: Django's model signals report every save and delete of a curated
record, of its nested rows (aliases, roles, participants, citations...) and of its
many-to-many links. Inside `writing()` they are collected into the open `ChangeSet` and
handled once, when the block ends. A save or delete made outside `writing()` (a shell,
a script) opens a one-change `ChangeSet` of its own with `via="script"`: it works
through the door, in a transaction of its own after the save. Bulk writes that send no
signal (`QuerySet.update()`, `bulk_create()`, `bulk_update()`) are refused outside the
door with `WriteOutsideService` (see `events.models.CuratedQuerySet`); inside it they
are the service's own tools and are not tracked. Data migrations use historical models,
which send no signal we listen to: a migration that changes curated data must end with
`rebuild_timeline()`.
"""

from __future__ import annotations

import functools
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import DatabaseError, OperationalError, models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.utils import timezone

from events.curated.dumping import record_as_curated
from events.curated.loading import Loader, LoadError, reset_sequences
from events.curated.validation import FILES, Context, CuratedData, check_record
from events.models import (
    ActorAlias,
    ActorIdentifier,
    ActorRole,
    Citation,
    IncidentActor,
    Participation,
    PlaceAlias,
    Revision,
    RevisionAction,
    RevisionVia,
    Source,
    Statement,
    Tombstone,
)
from events.registry import BY_MODEL, BY_NAME, EVENT_TYPES, RECORD_TYPES, public_key
from events.revisions import record_revision, snapshot_of, upgrade_snapshot
from events.timeline import affected_events, rebuild_timeline, refresh_events, timeline_is_complete
from events.write_context import UNTRACKED, current_scope, entered

User = AbstractBaseUser | AnonymousUser | None
RecordKey = tuple[type[models.Model], int]

# Nested rows and the foreign key to the record they belong to. A citation names its
# record in one of several fields (`Citation.SUBJECT_FIELDS`).
NESTED_PARENTS: dict[type[models.Model], tuple[str, ...]] = {
    ActorAlias: ("owner",),
    PlaceAlias: ("owner",),
    ActorIdentifier: ("actor",),
    ActorRole: ("actor",),
    Participation: ("meeting",),
    IncidentActor: ("incident",),
    Citation: Citation.SUBJECT_FIELDS,
}


class InvalidRecord(Exception):
    """A record the curated files would refuse; `problems` maps fields to messages."""

    def __init__(self, problems: dict[str, list[str]]) -> None:
        super().__init__(problems)
        self.problems = problems

    def __str__(self) -> str:
        return "; ".join(f"{name}: {' '.join(msgs)}" for name, msgs in self.problems.items())


class RestoreError(InvalidRecord):
    """The snapshot cannot be loaded back."""


class _AnyKey:
    """Every record a saved record refers to exists (the database's foreign keys say so)."""

    def __contains__(self, key: object) -> bool:
        return key is not None


# The validation of the curated files, for records changed through the API or the admin:
# one set of rules for every way in, so that `export_curated` of any database they made
# loads back (a record they took and the files refused could not be restored either).
CHECKED_VIA = frozenset({RevisionVia.API, RevisionVia.ADMIN})


def check_as_curated(record: models.Model) -> None:
    """Raise InvalidRecord if the curated files would refuse `record` as it is now."""
    plural = BY_MODEL[type(record)].plural
    context = Context(
        slugs=defaultdict(_AnyKey),  # type: ignore[arg-type]
        source_kinds=dict(Source.objects.values_list("slug", "kind")),
    )
    _, problems = check_record(plural, record_as_curated(record, plural), context)
    if problems:
        found: dict[str, list[str]] = defaultdict(list)
        for name, message in problems:
            found[name].append(message)
        raise InvalidRecord(dict(found))


@dataclass
class Deletion:
    """What a deleted record leaves behind, read before the delete takes its id and
    links with it: its type and key, its snapshot, and the events that showed it."""

    model: type[models.Model]
    pk: int
    key: str
    snapshot: dict[str, Any]
    shown_in: dict[str, set[int]]


def prepare_deletion(record: models.Model) -> Deletion:
    shown_in = affected_events(record)
    if isinstance(record, BY_NAME["meeting"].model):
        # Its statements lose their `meeting` (SET_NULL): they change too.
        shown_in["statement"] = set(
            Statement.objects.filter(meeting=record).values_list("pk", flat=True)
        )
    return Deletion(type(record), record.pk, public_key(record), snapshot_of(record), shown_in)


@dataclass
class ChangeSet:
    """The records changed inside one `writing()` block, handled when it ends."""

    via: str
    user: User = None
    saved: dict[RecordKey, str] = field(default_factory=dict)  # -> revision action
    deletions: list[Deletion] = field(default_factory=list)
    started: Any = field(default_factory=timezone.now)

    def record_saved(self, record: models.Model, action: str) -> None:
        key = (type(record), record.pk)
        if self.saved.get(key) in (RevisionAction.CREATED, RevisionAction.RESTORED):
            return  # created (or restored) in this block: later saves are part of it
        self.saved[key] = action

    def forget(self, record: models.Model) -> None:
        """A change undone before the block ends."""
        self.saved.pop((type(record), record.pk), None)

    def nested_changed(self, model: type[models.Model], pk: int) -> None:
        self.saved.setdefault((model, pk), RevisionAction.UPDATED)

    def record_deleted(self, deletion: Deletion) -> None:
        self.saved.pop((deletion.model, deletion.pk), None)
        self.deletions.append(deletion)

    def finish(self) -> None:
        """Refresh derived data, leave tombstones and record revisions."""
        now = timezone.now()
        own: dict[str, set[int]] = defaultdict(set)  # events changed themselves
        shown_in: dict[str, set[int]] = defaultdict(set)  # events showing a changed record
        records = []
        for (model, pk), action in self.saved.items():
            record = model.objects.filter(pk=pk).first()
            if record is None:
                continue  # deleted again later in the same block
            if action == RevisionAction.UPDATED and record.updated_at < self.started:
                # Only nested rows changed: the record itself changed all the same.
                model.objects.filter(pk=pk).update(updated_at=now)
            if self.via in CHECKED_VIA:
                check_as_curated(record)
            records.append((record, action))
            target = own if BY_MODEL[model].is_event else shown_in
            for event_type, ids in affected_events(record).items():
                target[event_type] |= ids
        for deletion in self.deletions:
            name = BY_MODEL[deletion.model].name
            Tombstone.objects.create(record_type=name, key=deletion.key)
            record_revision(
                name, deletion.key, RevisionAction.DELETED, self.via, self.user, deletion.snapshot
            )
            for event_type, ids in deletion.shown_in.items():
                shown_in[event_type] |= ids
        # A deleted event's own row goes (its id no longer exists); the others are moved
        # forward, so clients syncing with `updated_since` fetch what they show again.
        refresh_events({t: ids - own.get(t, set()) for t, ids in shown_in.items()}, touch=True)
        refresh_events(own, touch=False)
        for record, action in records:
            kind = BY_MODEL[type(record)]
            if action in (RevisionAction.CREATED, RevisionAction.RESTORED):
                # The record lives again under this key: a tombstone left for it would tell
                # syncing clients to delete a live record (docs/api.md, syncing).
                Tombstone.objects.filter(
                    record_type=kind.name, key=kind.public_key(record)
                ).delete()
            snapshot = snapshot_of(record)
            record_revision(
                kind.name, kind.public_key(record), action, self.via, self.user, snapshot
            )


@contextmanager
def writing(via: str, user: User = None) -> Iterator[ChangeSet]:
    """Open the door: changes made inside are refreshed and recorded when the block
    ends, in one transaction with them. A block inside another joins it."""
    scope = current_scope()
    if isinstance(scope, ChangeSet):
        yield scope
        return
    changes = ChangeSet(via, user)
    with transaction.atomic(), entered(changes):
        yield changes
        changes.finish()


@contextmanager
def untracked_writes() -> Iterator[None]:
    """Bulk writes that maintain the derived data themselves and record no history:
    the synthetic-data generator, and tests that set a state up directly."""
    with entered(UNTRACKED):
        yield


# --- Retrying what a concurrent writer made fail -----------------------------------------

# PostgreSQL's serialization_failure and deadlock_detected: the transaction was rolled
# back whole and may simply be run again. SQLite's "database is locked" likewise.
RETRYABLE_SQLSTATES = frozenset({"40001", "40P01"})
WRITE_ATTEMPTS = 3
P = ParamSpec("P")
R = TypeVar("R")


def is_retryable(exc: BaseException) -> bool:
    if not isinstance(exc, OperationalError):
        return False
    cause = exc.__cause__
    if getattr(cause, "sqlstate", None) in RETRYABLE_SQLSTATES:
        return True
    return "database is locked" in str(exc)


def retrying(write: Callable[P, R]) -> Callable[P, R]:
    """Run a whole write again, a bounded number of times, when the database rolled it
    back because of a concurrent writer (deadlock, serialization failure). What still
    fails after the last attempt propagates: the API answers it 503 with Retry-After.
    Only for writes that are their own transaction (never inside an outer atomic block,
    whose work would be lost)."""

    @functools.wraps(write)
    def attempt(*args: P.args, **kwargs: P.kwargs) -> R:
        for number in range(1, WRITE_ATTEMPTS + 1):
            try:
                return write(*args, **kwargs)
            except OperationalError as exc:
                if number == WRITE_ATTEMPTS or not is_retryable(exc):
                    raise
                time.sleep(0.05 * number)  # let the other transaction finish first
        raise AssertionError("unreachable")

    return attempt


# --- The operations the entry points call ----------------------------------------------


def save(
    apply: Callable[[], models.Model],
    *,
    via: str,
    user: User = None,
    record: models.Model | None = None,
) -> models.Model:
    """Run `apply` (a serializer's or a form's save) through the door. For an update,
    pass the `record` as it is before: a change that changes nothing is undone, so it
    records no revision and leaves `updated_at` (and the ETag) where they were."""
    with writing(via, user) as changes:
        if record is None:
            return apply()
        before = snapshot_of(record)
        savepoint = transaction.savepoint()
        saved = apply()
        if snapshot_of(saved) == before:
            transaction.savepoint_rollback(savepoint)
            changes.forget(saved)
            return record
        transaction.savepoint_commit(savepoint)
        return saved


def delete(record: models.Model, *, via: str, user: User = None) -> None:
    with writing(via, user):
        record.delete()


def existing_slugs() -> dict[str, set[str]]:
    return {
        kind.plural: set(kind.model.objects.values_list("slug", flat=True)) for kind in RECORD_TYPES
    }


def restore(revision: Revision, *, via: str, user: User = None) -> models.Model:
    """Bring a deleted record back as it was just before its deletion."""
    if revision.action != RevisionAction.DELETED:
        raise RestoreError({"action": ["Only a deletion can be restored."]})
    kind = BY_NAME[revision.record_type]
    snapshot = upgrade_snapshot(revision)
    with writing(via, user) as changes:
        # Two restores of one deletion at once: the second waits here, then finds the
        # record back and is refused.
        list(Revision.objects.select_for_update().filter(pk=revision.pk).values_list("pk"))
        if kind.model.objects.filter(**{kind.key: snapshot[kind.key]}).exists():
            raise RestoreError({"key": ["The record exists again: there is nothing to restore."]})
        context = Context(
            slugs=existing_slugs(),
            source_kinds=dict(Source.objects.values_list("slug", "kind")),
        )
        cleaned, problems = check_record(kind.plural, snapshot, context)
        if cleaned is None or problems:
            raise RestoreError({field: [message] for field, message in problems})
        loader = Loader(CuratedData(Path("."), {name: [] for name in FILES}, []))
        try:
            with transaction.atomic():
                record, _ = loader.upsert(kind.plural, cleaned)
                loader.replace_children(record, kind.plural, cleaned)
        except DatabaseError as exc:
            raise RestoreError({"snapshot": [f"The database refused it: {exc}"]}) from exc
        changes.saved[(type(record), record.pk)] = RevisionAction.RESTORED
    return record


def load_curated(data: CuratedData, *, via: str = RevisionVia.LOAD) -> dict[str, Any]:
    """Load checked curated data; all or nothing. Raises LoadError naming the record."""
    if data.problems:
        raise LoadError("\n".join(str(problem) for problem in data.problems))
    with writing(via):
        counts = Loader(data).load()
        reset_sequences([kind.model for kind in EVENT_TYPES])
        if not timeline_is_complete():
            rebuild_timeline()
    return counts


# --- Seeing every change: the model signals ---------------------------------------------


def on_record_saved(sender: type[models.Model], instance: Any, created: bool, **_: Any) -> None:
    if current_scope() is UNTRACKED:
        return
    action = RevisionAction.CREATED if created else RevisionAction.UPDATED
    with writing(RevisionVia.SCRIPT) as changes:
        changes.record_saved(instance, action)


def on_record_deleting(sender: type[models.Model], instance: Any, **_: Any) -> None:
    if current_scope() is not UNTRACKED:
        instance._parley_deletion = prepare_deletion(instance)


def on_record_deleted(sender: type[models.Model], instance: Any, **_: Any) -> None:
    deletion = getattr(instance, "_parley_deletion", None)
    if deletion is None:
        return
    with writing(RevisionVia.SCRIPT) as changes:
        changes.record_deleted(deletion)


def parents_of(row: Any) -> Iterator[tuple[type[models.Model], int]]:
    for name in NESTED_PARENTS[type(row)]:
        parent_id = getattr(row, f"{name}_id")
        if parent_id is not None:
            yield row._meta.get_field(name).related_model, parent_id


def on_nested_changed(sender: type[models.Model], instance: Any, **kwargs: Any) -> None:
    origin = kwargs.get("origin")
    origin_model = getattr(origin, "model", type(origin))
    if current_scope() is UNTRACKED or origin_model in BY_MODEL:
        return  # a cascade of a record's own deletion: the deletion covers it
    with writing(RevisionVia.SCRIPT) as changes:
        for model, pk in parents_of(instance):
            changes.nested_changed(model, pk)


def linked_ids(through: type[models.Model], record: Any, other: type[models.Model]) -> set[int]:
    """The ids of `other` records linked to `record` in a many-to-many table."""
    fields = {f.related_model: f for f in through._meta.fields if f.is_relation}
    rows = through.objects.filter(**{fields[type(record)].name: record})
    return set(rows.values_list(fields[other].attname, flat=True))


def on_links_changed(
    sender: type[models.Model],
    instance: Any,
    action: str,
    reverse: bool,
    model: type[models.Model],
    pk_set: set[int] | None,
    **_: Any,
) -> None:
    if current_scope() is UNTRACKED:
        return
    if action == "pre_clear":
        # Which records lose their links can only be read before the clear; the change
        # is handled after it (a one-change block handled now would store the links
        # about to go in the timeline and the stored JSON).
        clearing = instance.__dict__.setdefault("_parley_clearing", {})
        clearing[sender] = linked_ids(sender, instance, model) if reverse else set()
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:  # e.g. `topic.meetings.add(...)`: the events on the other side changed
        if action == "post_clear":
            ids = instance.__dict__.get("_parley_clearing", {}).pop(sender, set())
        else:
            ids = pk_set or set()
        changed = [(model, pk) for pk in ids]
    else:
        changed = [(type(instance), instance.pk)]
    with writing(RevisionVia.SCRIPT) as changes:
        for changed_model, pk in changed:
            changes.nested_changed(changed_model, pk)


def connect() -> None:
    """Listen to every curated model (called once, from the app's `ready()`)."""
    for kind in RECORD_TYPES:
        uid = f"parley-{kind.name}"
        post_save.connect(on_record_saved, sender=kind.model, dispatch_uid=f"{uid}-saved")
        pre_delete.connect(on_record_deleting, sender=kind.model, dispatch_uid=f"{uid}-deleting")
        post_delete.connect(on_record_deleted, sender=kind.model, dispatch_uid=f"{uid}-deleted")
    for model in NESTED_PARENTS:
        uid = f"parley-{model._meta.model_name}"
        post_save.connect(on_nested_changed, sender=model, dispatch_uid=f"{uid}-saved")
        post_delete.connect(on_nested_changed, sender=model, dispatch_uid=f"{uid}-deleted")
    for kind in EVENT_TYPES:
        for link in kind.model._meta.many_to_many:
            through = getattr(kind.model, link.name).through
            m2m_changed.connect(on_links_changed, sender=through, dispatch_uid=f"parley-{through}")
