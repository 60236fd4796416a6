"""FilterSets for every list endpoint. Filter names are part of the public contract
(see DESIGN.md); an invalid value answers 400 naming the parameter. The filter classes
they are declared with are in `events.api.filter_fields`; the backend that applies them,
strict about unknown parameters, is `events.api.filter_backend`."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django_filters import rest_framework as filters
from rest_framework.exceptions import ValidationError

from events.api.filter_fields import (
    CachedFormClassMixin,
    CountryFilter,
    DocumentedOnlyFilter,
    IntegerFilter,
    SearchFilter,
    ShallowFiltersMixin,
    SlugChoiceFilter,
    SlugMultipleChoiceFilter,
    StableOrderingFilter,
    UTCDateTimeFilter,
    ValidatedOnlyChoiceFilter,
    require_all,
    updated_since_filter,
)
from events.choices import (
    ActorKind,
    DatePrecision,
    EventType,
    IncidentKind,
    MeetingKind,
    MeetingStatus,
    PlaceKind,
    SourceKind,
    StatementKind,
)
from events.models import (
    Actor,
    Incident,
    Meeting,
    ParticipantRole,
    Place,
    Revision,
    RevisionAction,
    Source,
    Statement,
    TimelineEntry,
    Tombstone,
    Topic,
)
from events.queries.stats import GROUPINGS
from events.registry import RECORD_TYPES


class BaseFilterSet(ShallowFiltersMixin, CachedFormClassMixin, filters.FilterSet):
    updated_since = updated_since_filter()


class DateRangeFilterSet(BaseFilterSet):
    """Date range (overlap), topic and full-text search: what every event list filters on."""

    date_from = filters.DateFilter(
        method="filter_date_from",
        label="From (date)",
        help_text="ISO date. Events whose date range ends on or after this day.",
    )
    date_to = filters.DateFilter(
        method="filter_date_to",
        label="To (date)",
        help_text="ISO date. Events whose date range starts on or before this day.",
    )
    date_precision = filters.MultipleChoiceFilter(
        choices=DatePrecision.choices,
        help_text="How precisely the date is known (day, month, year, approximate); repeat "
        "for any of.",
    )
    topic = SlugChoiceFilter(
        field_name="topics", queryset=Topic.objects.all(), help_text="Topic slug."
    )
    search = SearchFilter(
        help_text=(
            "Full-text search over titles, summaries, statement texts, quotes, actor names "
            "and aliases, places and topics. On PostgreSQL: stemmed English words, all "
            'required; "quoted phrase", `or` and `-word` work as in a web search engine. On '
            "SQLite: every word is required and matches a word or the beginning of one, "
            "ignoring case and diacritics (`Pashin` finds Pashinyan; not a substring: `war` "
            "does not find towards); no stemming, no operators."
        )
    )

    def filter_date_from(self, queryset: QuerySet, name: str, value: datetime.date) -> QuerySet:
        return queryset.overlapping(date_from=value)

    def filter_date_to(self, queryset: QuerySet, name: str, value: datetime.date) -> QuerySet:
        return queryset.overlapping(date_to=value)

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        date_from = self.form.cleaned_data.get("date_from")
        date_to = self.form.cleaned_data.get("date_to")
        if date_from and date_to and date_to < date_from:
            raise ValidationError({"date_to": ["date_to is before date_from."]})
        return super().filter_queryset(queryset)


class EventFilterSet(DateRangeFilterSet):
    """Filters shared by meetings, statements and incidents."""

    documented_only = DocumentedOnlyFilter()
    ordering = StableOrderingFilter(
        fields=(("date", "date"), ("id", "id"), ("updated_at", "updated_at")),
        help_text="Sort order: date, -date (default), id, -id, updated_at, -updated_at.",
    )


class MeetingFilterSet(EventFilterSet):
    participant = SlugMultipleChoiceFilter(
        queryset=Actor.objects.all(),
        method="filter_participant",
        label="Participant (repeat for all of)",
        help_text="Actor slug, any role. Repeat to require all the named actors.",
    )
    mediator = SlugChoiceFilter(
        queryset=Actor.objects.all(),
        method="filter_mediator",
        label="Mediator",
        help_text="Actor slug; meetings this actor mediated.",
    )
    kind = filters.MultipleChoiceFilter(choices=MeetingKind.choices, help_text="Repeat for any of.")
    status = filters.MultipleChoiceFilter(
        choices=MeetingStatus.choices, help_text="Repeat for any of."
    )
    place = SlugChoiceFilter(queryset=Place.objects.all(), help_text="Place slug.")
    country = CountryFilter(field_name="place__country")

    class Meta:
        model = Meeting
        fields = ["participant", "mediator", "kind", "status", "place", "country"]

    def filter_participant(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        return require_all(queryset, "participations__actor", value)

    def filter_mediator(self, queryset: QuerySet, name: str, value: Actor) -> QuerySet:
        return queryset.filter(
            participations__actor=value, participations__role=ParticipantRole.MEDIATOR
        ).distinct()


class StatementFilterSet(EventFilterSet):
    speaker = SlugChoiceFilter(queryset=Actor.objects.all(), help_text="Actor slug of the speaker.")
    kind = filters.MultipleChoiceFilter(
        choices=StatementKind.choices, help_text="Repeat for any of."
    )
    meeting = filters.ModelChoiceFilter(
        queryset=Meeting.objects.all(), help_text="Id of the meeting the statement was made at."
    )
    mentions = SlugMultipleChoiceFilter(
        queryset=Actor.objects.all(),
        method="filter_mentions",
        label="Mentions (repeat for all of)",
        help_text="Actor slug the statement is about. Repeat to require all.",
    )

    class Meta:
        model = Statement
        fields = ["speaker", "kind", "meeting", "mentions"]

    def filter_mentions(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        return require_all(queryset, "mentions", value)


class IncidentFilterSet(EventFilterSet):
    kind = filters.MultipleChoiceFilter(
        choices=IncidentKind.choices, help_text="Repeat for any of."
    )
    actor = SlugChoiceFilter(
        queryset=Actor.objects.all(),
        method="filter_actor",
        label="Actor",
        help_text="Actor slug, any role.",
    )
    place = SlugChoiceFilter(queryset=Place.objects.all(), help_text="Place slug.")
    country = CountryFilter(field_name="place__country")
    min_fatalities = IntegerFilter(
        field_name="fatalities",
        lookup_expr="gte",
        min_value=0,
        max_value=2**31 - 1,  # events.api.serializers.MAX_COUNT: larger would overflow SQLite
        help_text="Incidents with at least this many reported fatalities (unknown excluded).",
    )

    class Meta:
        model = Incident
        fields = ["kind", "actor", "place", "country", "min_fatalities"]

    def filter_actor(self, queryset: QuerySet, name: str, value: Actor) -> QuerySet:
        return queryset.involving(value.slug)


class NamedFilterSet(BaseFilterSet):
    search = SearchFilter(
        help_text="Words that must all appear in the name (title, publisher) or an alias."
    )


class ActorFilterSet(NamedFilterSet):
    kind = filters.MultipleChoiceFilter(choices=ActorKind.choices, help_text="Repeat for any of.")
    country = CountryFilter()

    class Meta:
        model = Actor
        fields = ["kind", "country"]


class PlaceFilterSet(NamedFilterSet):
    kind = filters.MultipleChoiceFilter(choices=PlaceKind.choices, help_text="Repeat for any of.")
    country = CountryFilter()

    class Meta:
        model = Place
        fields = ["kind", "country"]


class TopicFilterSet(NamedFilterSet):
    class Meta:
        model = Topic
        fields: list[str] = []


class SourceFilterSet(NamedFilterSet):
    kind = filters.MultipleChoiceFilter(
        choices=SourceKind.choices,
        help_text="document (held text, quoted verbatim) or reference (an outside publication, "
        "cited by URL); repeat for any of.",
    )
    publisher = filters.CharFilter(lookup_expr="iexact", help_text="Publisher name, exact.")
    language = filters.CharFilter(help_text="BCP 47 language tag of the document, e.g. en.")

    class Meta:
        model = Source
        fields = ["kind", "publisher", "language"]


class TimelineFilterSet(DateRangeFilterSet):
    """Filters of the unified timeline (`/events/`) and of `/stats/`."""

    type = filters.MultipleChoiceFilter(
        field_name="event_type", choices=EventType.choices, help_text="Repeat for any of."
    )
    actor = SlugMultipleChoiceFilter(
        queryset=Actor.objects.all(),
        method="filter_actor",
        label="Actor",
        help_text="Actor slug, any role. Repeat to require all the named actors.",
    )
    place = SlugChoiceFilter(queryset=Place.objects.all(), help_text="Place slug.")
    country = CountryFilter(help_text="ISO 3166-1 alpha-3 code of the event's place.")
    documented_only = DocumentedOnlyFilter()

    class Meta:
        model = TimelineEntry
        fields = ["type", "actor", "place", "country", "documented_only"]

    def filter_actor(self, queryset: QuerySet, name: str, value: list[Actor]) -> QuerySet:
        return require_all(queryset, "actors", value)


class TimelineOrderingFilterSet(TimelineFilterSet):
    """The timeline also takes `ordering`; the cursor paginator applies it."""

    ordering = ValidatedOnlyChoiceFilter(
        label="Ordering",
        choices=[("-date", "newest first"), ("date", "oldest first")],
        help_text="-date (default) or date. Without it, `search` on PostgreSQL sorts by relevance.",
    )


class StatsFilterSet(TimelineFilterSet):
    group_by = ValidatedOnlyChoiceFilter(
        label="Group by",
        choices=[(name, name) for name in GROUPINGS],
        help_text="Group counts by month (default), year, type, actor, topic or country.",
    )


class NetworkFilterSet(DateRangeFilterSet):
    """Which meetings the co-participation network is drawn from (`/network/` and
    `/actors/{slug}/network/`)."""

    # A network is one aggregate, not a list of records: no free-text search, no sync.
    search = None
    updated_since = None
    date_precision = None
    kind = filters.MultipleChoiceFilter(
        choices=MeetingKind.choices, help_text="Meeting kind. Repeat for any of."
    )
    status = filters.MultipleChoiceFilter(
        choices=MeetingStatus.choices,
        help_text="Meeting status (held, planned, cancelled); repeat for any of. Default: all.",
    )

    class Meta:
        model = Meeting
        fields = ["kind", "status"]


class DeletionFilterSet(filters.FilterSet):
    deleted_since = UTCDateTimeFilter(
        field_name="deleted_at",
        lookup_expr="gte",
        help_text="Only deletions at or after this ISO 8601 date-time.",
    )
    type = filters.MultipleChoiceFilter(
        field_name="record_type",
        choices=[(kind.name, kind.name) for kind in RECORD_TYPES],
        help_text="Record type; repeat for any of.",
    )

    class Meta:
        model = Tombstone
        fields = ["deleted_since", "type"]


class RevisionFilterSet(filters.FilterSet):
    type = filters.ChoiceFilter(
        field_name="record_type",
        choices=[(kind.name, kind.name) for kind in RECORD_TYPES],
        help_text="Record type.",
    )
    key = filters.CharFilter(help_text="The record's id (events) or slug.")
    action = filters.MultipleChoiceFilter(
        choices=RevisionAction.choices, help_text="Repeat for any of."
    )
    since = UTCDateTimeFilter(
        field_name="created_at", lookup_expr="gte", help_text="Changes at or after this time."
    )

    class Meta:
        model = Revision
        fields = ["type", "key", "action", "since"]
