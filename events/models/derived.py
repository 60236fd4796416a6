"""Derived data: the timeline, one denormalised row per event for the unified feed,
statistics and search."""

from __future__ import annotations

from django.db import models

from events.choices import DatePrecision, EventType
from events.models.base import DateRangeQuerySet


class TimelineQuerySet(DateRangeQuerySet):
    """The timeline's rows; full-text search over them is `events.queries.search`."""


class TimelineEntry(models.Model):
    """A denormalised copy of a meeting, statement or incident.

    The feed (`/events/`), `/stats/` and full-text search read only this table, so a page
    costs one query whatever the event type. `payload` holds what a feed item shows
    (actors, place, topics, citations); the relations below exist for filtering. Rows are
    rebuilt by `events.timeline` whenever the event or a record it shows changes.
    """

    event_type = models.CharField(max_length=10, choices=EventType.choices)
    event_id = models.BigIntegerField()
    kind = models.CharField(max_length=24, help_text="The event's own kind within its type.")
    date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    ongoing = models.BooleanField(
        default=False, help_text="The event is still going on (meetings and incidents)."
    )
    date_precision = models.CharField(max_length=12, choices=DatePrecision.choices)
    title = models.CharField(max_length=300)
    place = models.ForeignKey(
        "events.Place", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    country = models.CharField(max_length=3, null=True, blank=True)
    actors = models.ManyToManyField("events.Actor", blank=True, related_name="timeline_entries")
    topics = models.ManyToManyField("events.Topic", blank=True, related_name="timeline_entries")
    search_text = models.TextField(blank=True)
    payload = models.JSONField(default=dict)
    updated_at = models.DateTimeField(help_text="The event's own updated_at.")

    objects = TimelineQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name_plural = "timeline entries"
        constraints = [
            models.UniqueConstraint(
                fields=["event_type", "event_id"], name="timeline_unique_event"
            ),
        ]
        indexes = [
            models.Index(fields=["date", "id"], name="timeline_date_id"),
            models.Index(fields=["end_date"], name="timeline_end_date"),
            # Type, then the date range and the id: `/events/?type=` in page order, and
            # `/stats/` (by type and month, date filters included) from the index alone.
            models.Index(
                fields=["event_type", "date", "id", "end_date"], name="timeline_type_span"
            ),
            models.Index(fields=["country", "date"], name="timeline_country_date"),
            # `/stats/?group_by=country` from the index alone (no table read, no sort).
            models.Index(fields=["country", "event_type"], name="timeline_country_type"),
            models.Index(fields=["updated_at"], name="timeline_updated_at"),
        ]

    def __str__(self) -> str:
        return f"{self.event_type} {self.event_id}: {self.title}"
