"""The events: meetings (with their participants), statements and incidents (with the
actors involved)."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Prefetch, Q

from events.choices import (
    DatePrecision,
    IncidentActorRole,
    IncidentKind,
    MeetingKind,
    MeetingStatus,
    ParticipantRole,
    PloverType,
    StatementKind,
)
from events.models.base import (
    CuratedQuerySet,
    DateRangeQuerySet,
    TimestampedModel,
    citations_with_sources,
)


class EventQuerySet(CuratedQuerySet, DateRangeQuerySet):
    """Query shaping shared by meetings, statements and incidents. (Full-text search
    goes through the timeline: `events.queries.search`.)"""

    def involving(self, actor_slug: str) -> EventQuerySet:
        """Events in which the actor takes part in any role."""
        return self.filter(self.model.actor_condition(actor_slug)).distinct()

    def for_api(self) -> EventQuerySet:
        """Everything one page of the API needs, in a fixed number of queries."""
        return self.prefetch_related(
            "topics",
            citations_with_sources(self.model),
            *self.model.api_prefetches(),
        ).select_related(*self.model.api_select_related)


class Event(TimestampedModel):
    """Fields every meeting, statement and incident has."""

    slug = models.SlugField(
        max_length=150, unique=True, help_text="Human-readable key used in the curated files."
    )
    title = models.CharField(max_length=300)
    date = models.DateField(db_index=True, help_text="First (or only) day of the event.")
    end_date = models.DateField(
        null=True,
        blank=True,
        db_index=True,
        help_text="Last day, for events spanning several days.",
    )
    date_precision = models.CharField(
        max_length=12, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    date_note = models.TextField(
        blank=True, help_text="How the date was resolved from the sources."
    )
    topics = models.ManyToManyField(
        "events.Topic",
        blank=True,
        related_name="%(class)ss",
        help_text="Topics the event concerns.",
    )
    plover_type = models.CharField(
        max_length=12, choices=PloverType.choices, null=True, blank=True, db_index=True
    )
    plover_mode = models.CharField(max_length=40, blank=True, help_text="PLOVER mode, e.g. phone.")
    note = models.TextField(blank=True, help_text="Curator's note: judgement calls.")

    api_select_related: tuple[str, ...] = ()

    class Meta:
        abstract = True
        ordering = ["-date", "-id"]
        # The list order: a page's ids from the index alone (deep pages, exports' first
        # byte on PostgreSQL, which has no row id in its `date` index).
        indexes = [models.Index(fields=["date", "id"], name="%(class)s_date_id")]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.title}"

    @classmethod
    def api_prefetches(cls) -> list[Prefetch | str]:
        return []

    @classmethod
    def actor_condition(cls, actor_slug: str) -> Q:
        raise NotImplementedError

    @classmethod
    def date_constraints(
        cls, prefix: str, *, open_ended: bool = False
    ) -> list[models.BaseConstraint]:
        constraints: list[models.BaseConstraint] = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("date")),
                name=f"{prefix}_end_date_not_before_date",
            ),
        ]
        if open_ended:
            constraints.append(
                models.CheckConstraint(
                    condition=Q(ongoing=False) | Q(end_date__isnull=True),
                    name=f"{prefix}_ongoing_has_no_end_date",
                )
            )
        return constraints


def ongoing_field() -> models.BooleanField:
    """Meetings and incidents can be open-ended; a statement is said on a day."""
    return models.BooleanField(
        default=False,
        help_text="Still going on when its last source was written: no end_date, and date "
        "filters treat it as reaching the present.",
    )


class Meeting(Event):
    """A diplomatic encounter: talks, calls, summits, commission sessions."""

    ongoing = ongoing_field()
    kind = models.CharField(max_length=24, choices=MeetingKind.choices, db_index=True)
    status = models.CharField(
        max_length=12, choices=MeetingStatus.choices, default=MeetingStatus.HELD, db_index=True
    )
    place = models.ForeignKey(
        "events.Place", on_delete=models.PROTECT, null=True, blank=True, related_name="meetings"
    )
    participants = models.ManyToManyField(
        "events.Actor", through="Participation", related_name="meetings", blank=True
    )
    summary = models.TextField(blank=True)

    objects = EventQuerySet.as_manager()
    api_select_related = ("place",)

    class Meta(Event.Meta):
        constraints = Event.date_constraints("meeting", open_ended=True)

    @classmethod
    def api_prefetches(cls) -> list[Prefetch | str]:
        return [Prefetch("participations", queryset=Participation.objects.select_related("actor"))]

    @classmethod
    def actor_condition(cls, actor_slug: str) -> Q:
        return Q(participations__actor__slug=actor_slug)


class Participation(models.Model):
    """An actor's part in a meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participations")
    actor = models.ForeignKey(
        "events.Actor",
        on_delete=models.PROTECT,
        related_name="participations",
        help_text="The actor taking part; at most once per meeting.",
    )
    role = models.CharField(
        max_length=12, choices=ParticipantRole.choices, default=ParticipantRole.PARTICIPANT
    )

    objects = CuratedQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "actor"], name="participation_unique_actor"),
        ]
        indexes = [models.Index(fields=["actor", "role"])]

    def __str__(self) -> str:
        return f"{self.actor} ({self.get_role_display()})"


class Statement(Event):
    """Something an actor said, quoted or reported."""

    speaker = models.ForeignKey("events.Actor", on_delete=models.PROTECT, related_name="statements")
    kind = models.CharField(max_length=16, choices=StatementKind.choices, db_index=True)
    text = models.TextField(help_text="The words; verbatim when kind is direct_quote.")
    meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="statements"
    )
    mentions = models.ManyToManyField("events.Actor", blank=True, related_name="mentioned_in")

    objects = EventQuerySet.as_manager()
    api_select_related = ("speaker",)

    class Meta(Event.Meta):
        constraints = Event.date_constraints("statement")

    @classmethod
    def api_prefetches(cls) -> list[Prefetch | str]:
        return ["mentions"]

    @classmethod
    def actor_condition(cls, actor_slug: str) -> Q:
        return Q(speaker__slug=actor_slug) | Q(mentions__slug=actor_slug)


class Incident(Event):
    """An event on the ground: clash, casualties, checkpoint, blockade, war, ceasefire."""

    ongoing = ongoing_field()
    kind = models.CharField(max_length=24, choices=IncidentKind.choices, db_index=True)
    place = models.ForeignKey(
        "events.Place", on_delete=models.PROTECT, null=True, blank=True, related_name="incidents"
    )
    actors = models.ManyToManyField(
        "events.Actor", through="IncidentActor", related_name="incidents", blank=True
    )
    fatalities = models.PositiveIntegerField(
        null=True,
        blank=True,
        db_index=True,
        help_text="People killed as reported; null if unknown.",
    )
    injuries = models.PositiveIntegerField(
        null=True, blank=True, help_text="People wounded as reported; null if unknown."
    )
    summary = models.TextField(blank=True)

    objects = EventQuerySet.as_manager()
    api_select_related = ("place",)

    class Meta(Event.Meta):
        constraints = Event.date_constraints("incident", open_ended=True)

    @classmethod
    def api_prefetches(cls) -> list[Prefetch | str]:
        return [Prefetch("incident_actors", queryset=IncidentActor.objects.select_related("actor"))]

    @classmethod
    def actor_condition(cls, actor_slug: str) -> Q:
        return Q(incident_actors__actor__slug=actor_slug)


class IncidentActor(models.Model):
    """An actor's part in an incident."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="incident_actors")
    actor = models.ForeignKey(
        "events.Actor",
        on_delete=models.PROTECT,
        related_name="incident_roles",
        help_text="The actor involved; twice only with two different roles.",
    )
    role = models.CharField(max_length=12, choices=IncidentActorRole.choices)

    objects = CuratedQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["incident", "actor", "role"], name="incident_actor_unique_role"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.actor} ({self.get_role_display()})"
