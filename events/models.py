"""Parley's data model: actors, places and topics; meetings, statements and incidents;
and the sources and citations every fact is traced to."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.db.models.functions import Lower

from events.choices import (
    ActorKind,
    DatePrecision,
    EventType,
    IncidentActorRole,
    IncidentKind,
    MeetingKind,
    MeetingStatus,
    ParticipantRole,
    PlaceKind,
    PloverType,
    RevisionAction,
    RevisionVia,
    StatementKind,
)
from events.write_context import WriteOutsideService, current_scope

country_code_validator = RegexValidator(
    r"^[A-Z]{3}$", "Use an ISO 3166-1 alpha-3 code in capitals, e.g. ARM."
)


class TimestampedModel(models.Model):
    """Every record knows when it was created and last changed (for sync clients)."""

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        abstract = True


def country_field(help_text: str) -> models.CharField:
    return models.CharField(
        max_length=3,
        blank=True,
        null=True,
        validators=[country_code_validator],
        db_index=True,
        help_text=help_text,
    )


class CuratedQuerySet(models.QuerySet):
    """Curated records and their nested rows: bulk writes, which send no signal, only
    through the write service (`events.services`), which keeps the timeline and the
    history in step. A plain `.save()` or `.delete()` goes through it by itself."""

    def _check_write(self, operation: str) -> None:
        if current_scope() is None:
            raise WriteOutsideService(
                f"{self.model.__name__}.objects...{operation}() outside events.services "
                "would leave the timeline stale and record no revision: save records one "
                "by one, or run this inside events.services.writing(via=...)."
            )

    def update(self, **kwargs: Any) -> int:
        self._check_write("update")
        return super().update(**kwargs)

    def bulk_create(self, objs: Iterable[models.Model], *args: Any, **kwargs: Any) -> list:
        self._check_write("bulk_create")
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(self, objs: Iterable[models.Model], *args: Any, **kwargs: Any) -> int:
        self._check_write("bulk_update")
        return super().bulk_update(objs, *args, **kwargs)


# --- Reference data -------------------------------------------------------------------


class SearchableQuerySet(CuratedQuerySet):
    """`search()` over a model's own text fields and, when it has them, its aliases.

    Every word must match one of the fields (case-insensitive substring).
    """

    search_fields: tuple[str, ...] = ()

    def search(self, text: str) -> SearchableQuerySet:
        queryset = self
        for word in text.split():
            condition = Q()
            for field in self.search_fields:
                condition |= Q(**{f"{field}__icontains": word})
            alias_model = getattr(self.model, "alias_model", None)
            if alias_model is not None:
                condition |= Exists(
                    alias_model.objects.filter(owner=OuterRef("pk"), name__icontains=word)
                )
            queryset = queryset.filter(condition)
        return queryset


class TopicQuerySet(SearchableQuerySet):
    search_fields = ("name", "slug", "description")


class Topic(TimestampedModel):
    """An entry of the small controlled vocabulary events are tagged with."""

    slug = models.SlugField(max_length=100, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class SourceQuerySet(SearchableQuerySet):
    search_fields = ("title", "publisher", "slug")


class Source(TimestampedModel):
    """A document facts are taken from; citations quote it verbatim."""

    slug = models.SlugField(max_length=150, unique=True)
    title = models.CharField(
        max_length=500, blank=True, help_text="Headline, if the document has one."
    )
    publisher = models.CharField(max_length=200, blank=True)
    published_on = models.DateField(null=True, blank=True)
    url = models.URLField(max_length=1000, null=True, blank=True)
    language = models.CharField(max_length=8, default="en", help_text="BCP 47 language tag.")
    document = models.CharField(
        max_length=255, help_text="File name of the source text the quotes can be checked against."
    )
    note = models.TextField(blank=True)

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.title or self.document


class PlaceQuerySet(SearchableQuerySet):
    search_fields = ("name", "slug")

    def for_api(self) -> PlaceQuerySet:
        return self.prefetch_related(
            "aliases", Prefetch("citations", queryset=Citation.objects.select_related("source"))
        )


class Place(TimestampedModel):
    """Where a meeting or incident happened."""

    slug = models.SlugField(max_length=100, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=PlaceKind.choices, db_index=True)
    country = country_field("ISO 3166-1 alpha-3 code of the country the place lies in.")
    latitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)

    objects = PlaceQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="place_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="place_longitude_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ActorQuerySet(SearchableQuerySet):
    search_fields = ("name", "slug")

    def for_api(self) -> ActorQuerySet:
        return self.prefetch_related(
            "aliases",
            "identifiers",
            Prefetch("roles", queryset=ActorRole.objects.select_related("organization")),
            Prefetch("citations", queryset=Citation.objects.select_related("source")),
        )


class Actor(TimestampedModel):
    """A person, state, organisation or group that takes part in events."""

    slug = models.SlugField(max_length=100, unique=True)
    name = models.CharField(max_length=200, help_text="Canonical English name.")
    kind = models.CharField(max_length=20, choices=ActorKind.choices, db_index=True)
    country = country_field("ISO 3166-1 alpha-3 code of the actor's country, if any.")
    description = models.TextField(blank=True)
    note = models.TextField(blank=True, help_text="Curator's note: judgement calls, disagreements.")

    objects = ActorQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class Alias(models.Model):
    """Another spelling of a name met in the sources (transliteration, short form...)."""

    name = models.CharField(
        max_length=200,
        db_index=True,
        help_text="The spelling as met in the sources. Unique, ignoring case, among the "
        "aliases of all actors (or of all places).",
    )

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ActorAlias(Alias):
    """Another spelling of an actor's name met in the sources, e.g. "Pashinian" for
    Pashinyan; searches match it as they match the name."""

    owner = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")

    objects = CuratedQuerySet.as_manager()

    class Meta(Alias.Meta):
        verbose_name_plural = "actor aliases"
        constraints = [
            models.UniqueConstraint(Lower("name"), name="actor_alias_unique_name"),
        ]


class PlaceAlias(Alias):
    """Another spelling of a place's name met in the sources, e.g. "Chisinau" for
    Chișinău; searches match it as they match the name."""

    owner = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="aliases")

    objects = CuratedQuerySet.as_manager()

    class Meta(Alias.Meta):
        verbose_name_plural = "place aliases"
        constraints = [
            models.UniqueConstraint(Lower("name"), name="place_alias_unique_name"),
        ]


Actor.alias_model = ActorAlias
Place.alias_model = PlaceAlias


class ActorIdentifier(models.Model):
    """An identifier of the actor in another dataset (scheme + value, e.g. wikidata Q7747)."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="identifiers")
    scheme = models.CharField(max_length=50)
    value = models.CharField(max_length=200)

    objects = CuratedQuerySet.as_manager()

    class Meta:
        ordering = ["scheme", "value"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "value"], name="actor_identifier_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.scheme}:{self.value}"


class ActorRole(models.Model):
    """An office an actor held, so their title at the time of an event is known."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="roles")
    title = models.CharField(
        max_length=300, help_text="Title of the office, e.g. Prime Minister of Armenia."
    )
    organization = models.ForeignKey(
        Actor,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="member_roles",
        help_text="The organisation (an actor) the office belongs to.",
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(
        null=True,
        blank=True,
        help_text="Last day in office; null while the office is held or when unknown.",
    )
    note = models.TextField(blank=True)

    objects = CuratedQuerySet.as_manager()

    class Meta:
        ordering = ["start_date", "title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="actor_role_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.actor}: {self.title}"


# --- Events ---------------------------------------------------------------------------


class DateRangeQuerySet(models.QuerySet):
    def overlapping(
        self, date_from: datetime.date | None = None, date_to: datetime.date | None = None
    ) -> DateRangeQuerySet:
        """Events whose [date, end_date] range overlaps [date_from, date_to] (inclusive)."""
        queryset = self
        if date_from is not None:
            queryset = queryset.filter(
                Q(end_date__gte=date_from) | Q(end_date__isnull=True, date__gte=date_from)
            )
        if date_to is not None:
            queryset = queryset.filter(date__lte=date_to)
        return queryset


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
            Prefetch("citations", queryset=Citation.objects.select_related("source")),
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
        Topic, blank=True, related_name="%(class)ss", help_text="Topics the event concerns."
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
    def date_constraints(cls, prefix: str) -> list[models.BaseConstraint]:
        return [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("date")),
                name=f"{prefix}_end_date_not_before_date",
            ),
        ]


class Meeting(Event):
    """A diplomatic encounter: talks, calls, summits, commission sessions."""

    kind = models.CharField(max_length=24, choices=MeetingKind.choices, db_index=True)
    status = models.CharField(
        max_length=12, choices=MeetingStatus.choices, default=MeetingStatus.HELD, db_index=True
    )
    place = models.ForeignKey(
        Place, on_delete=models.PROTECT, null=True, blank=True, related_name="meetings"
    )
    participants = models.ManyToManyField(
        Actor, through="Participation", related_name="meetings", blank=True
    )
    summary = models.TextField(blank=True)

    objects = EventQuerySet.as_manager()
    api_select_related = ("place",)

    class Meta(Event.Meta):
        constraints = Event.date_constraints("meeting")

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
        Actor,
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

    speaker = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="statements")
    kind = models.CharField(max_length=16, choices=StatementKind.choices, db_index=True)
    text = models.TextField(help_text="The words; verbatim when kind is direct_quote.")
    meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="statements"
    )
    mentions = models.ManyToManyField(Actor, blank=True, related_name="mentioned_in")

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

    kind = models.CharField(max_length=24, choices=IncidentKind.choices, db_index=True)
    place = models.ForeignKey(
        Place, on_delete=models.PROTECT, null=True, blank=True, related_name="incidents"
    )
    actors = models.ManyToManyField(
        Actor, through="IncidentActor", related_name="incidents", blank=True
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
        constraints = Event.date_constraints("incident")

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
        Actor,
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


# --- Provenance -----------------------------------------------------------------------


class Citation(models.Model):
    """A short verbatim quote from a source supporting one record."""

    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="citations", help_text="The document quoted."
    )
    quote = models.TextField(help_text="Exact substring of the source document.")
    note = models.TextField(blank=True)
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, null=True, blank=True, related_name="citations"
    )
    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, null=True, blank=True, related_name="citations"
    )
    incident = models.ForeignKey(
        Incident, on_delete=models.CASCADE, null=True, blank=True, related_name="citations"
    )
    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, null=True, blank=True, related_name="citations"
    )
    place = models.ForeignKey(
        Place, on_delete=models.CASCADE, null=True, blank=True, related_name="citations"
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
        quote = self.quote if len(self.quote) <= 60 else self.quote[:57] + "..."
        return f"{self.source.slug}: “{quote}”"


# --- The timeline: one row per event, for the unified feed, statistics and search -------


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
    date_precision = models.CharField(max_length=12, choices=DatePrecision.choices)
    title = models.CharField(max_length=300)
    place = models.ForeignKey(
        Place, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    country = models.CharField(max_length=3, null=True, blank=True)
    actors = models.ManyToManyField(Actor, blank=True, related_name="timeline_entries")
    topics = models.ManyToManyField(Topic, blank=True, related_name="timeline_entries")
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
