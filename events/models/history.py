"""History: tombstones of deleted records and the revisions of every change."""

from __future__ import annotations

from django.db import models

from events.choices import RevisionAction, RevisionVia


class Tombstone(models.Model):
    """A deleted record, so clients that mirror the data can delete it too."""

    record_type = models.CharField(max_length=12)
    key = models.CharField(max_length=150, help_text="The record's id (events) or slug.")
    deleted_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["deleted_at", "id"]

    def __str__(self) -> str:
        return f"{self.record_type} {self.key} deleted {self.deleted_at:%Y-%m-%d %H:%M}"


class Revision(models.Model):
    """One change to a curated record: who made it, when, how, and what changed.

    `snapshot` is the record in the curated-file form (see `events.curated.dumping`) after the
    change, or before it for a deletion, so a deleted record can be restored from it.
    """

    record_type = models.CharField(max_length=12, help_text="actor, meeting, topic, ...")
    key = models.CharField(max_length=150, help_text="The record's id (events) or slug.")
    action = models.CharField(max_length=10, choices=RevisionAction.choices)
    via = models.CharField(max_length=12, choices=RevisionVia.choices)
    user = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    snapshot = models.JSONField(help_text="The record in curated-file form.")
    snapshot_format = models.PositiveSmallIntegerField(
        default=1, help_text="Version of the curated-file form the snapshot is written in."
    )
    changes = models.JSONField(default=dict, help_text="Changed fields: {field: [before, after]}.")

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["record_type", "key", "created_at"])]

    def __str__(self) -> str:
        return f"{self.record_type} {self.key} {self.action} {self.created_at:%Y-%m-%d %H:%M}"
