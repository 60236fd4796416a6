"""Provenance: the citations that trace every fact to a source (a verbatim quote from a
held document, or an outside reference)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from events.models.base import CuratedQuerySet
from events.provenance import citation_problems


class Citation(models.Model):
    """Ties a record to a source: a short verbatim quote from a held document, or a note
    saying what an outside reference attests; `supports` names the fields it vouches for."""

    source = models.ForeignKey(
        "events.Source",
        on_delete=models.PROTECT,
        related_name="citations",
        help_text="The document quoted.",
    )
    quote = models.TextField(
        blank=True,
        help_text="Exact substring of the source document; empty when the source is a "
        "reference (its text is not held).",
    )
    note = models.TextField(
        blank=True,
        help_text="The curator's note; for a reference, what it attests, in our own words.",
    )
    supports = models.JSONField(
        default=list,
        blank=True,
        help_text='Names of the record\'s fields this citation supports, e.g. ["date", "place"].',
    )
    disagrees = models.BooleanField(
        default=False,
        help_text="True when the source states something other than the recorded value.",
    )
    meeting = models.ForeignKey(
        "events.Meeting", on_delete=models.CASCADE, null=True, blank=True, related_name="citations"
    )
    statement = models.ForeignKey(
        "events.Statement",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="citations",
    )
    incident = models.ForeignKey(
        "events.Incident", on_delete=models.CASCADE, null=True, blank=True, related_name="citations"
    )
    actor = models.ForeignKey(
        "events.Actor", on_delete=models.CASCADE, null=True, blank=True, related_name="citations"
    )
    place = models.ForeignKey(
        "events.Place", on_delete=models.CASCADE, null=True, blank=True, related_name="citations"
    )

    SUBJECT_FIELDS = ("meeting", "statement", "incident", "actor", "place")

    objects = CuratedQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(meeting__isnull=False, statement=None, incident=None, actor=None, place=None)
                    | Q(
                        meeting=None, statement__isnull=False, incident=None, actor=None, place=None
                    )
                    | Q(
                        meeting=None, statement=None, incident__isnull=False, actor=None, place=None
                    )
                    | Q(
                        meeting=None, statement=None, incident=None, actor__isnull=False, place=None
                    )
                    | Q(
                        meeting=None, statement=None, incident=None, actor=None, place__isnull=False
                    )
                ),
                name="citation_exactly_one_subject",
            ),
        ]

    def __str__(self) -> str:
        text = self.quote or self.note
        text = text if len(text) <= 60 else text[:57] + "..."
        return f"{self.source.slug}: “{text}”"

    def clean(self) -> None:
        if self.source_id is None:
            return
        problems = citation_problems(self.source.kind, quote=self.quote, note=self.note)
        if problems:
            raise ValidationError(dict(problems))
