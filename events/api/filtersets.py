"""FilterSets for every list endpoint. Filter names are part of the public contract
(see DESIGN.md); an invalid value answers 400 naming the parameter."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from django import forms
from django.db.models import QuerySet
from django_filters import rest_framework as filters
from django_filters.fields import IsoDateTimeField
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request

if TYPE_CHECKING:
    from rest_framework.views import APIView

from events.choices import (
    ActorKind,
    DatePrecision,
    EventType,
    IncidentKind,
    MeetingKind,
    MeetingStatus,
    PlaceKind,
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
    country_code_validator,
)
from events.queries.search import search
from events.queries.stats import GROUPINGS
from events.registry import RECORD_TYPES

# Query parameters every list understands besides its filters.
GLOBAL_PARAMETERS = frozenset({"format"})


class StrictDjangoFilterBackend(filters.DjangoFilterBackend):
    """Rejects query parameters the endpoint does not know.

    A misspelt filter (``?partcipant=...``) would otherwise be ignored and the client
    would silently receive every row.
    """

    def filter_queryset(self, request: Request, queryset: QuerySet, view: APIView) -> QuerySet:
        known = set(GLOBAL_PARAMETERS)
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None:
            known.update(filterset_class.base_filters)
        paginator = getattr(view, "paginator", None)
        if paginator is not None:
            known.update(getattr(paginator, "query_parameters", ()))
        unknown = sorted(set(request.query_params) - known)
        if unknown:
            raise ValidationError(
                {
                    name: [
                        f"Unknown query parameter. Known parameters: {', '.join(sorted(known))}."
                    ]
                    for name in unknown
                }
            )
        if filterset_class is None:
            return queryset
        reject_repeated_single_values(request, filterset_class)
        params = request.query_params
        if not any(any(params.getlist(name)) for name in filterset_class.base_filters):
            # Nothing to filter on: the FilterSet would build and validate a form (most of a
            # small request's CPU) to leave the queryset as it is.
            return queryset
        return super().filter_queryset(request, queryset, view)

    def get_filterset_kwargs(self, request: Request, queryset: QuerySet, view: APIView) -> dict:
        """An empty value means "no filter", for every filter alike: that is what the
        browsable API's filter form sends for the fields left blank."""
        kwargs = super().get_filterset_kwargs(request, queryset, view)
        data = kwargs["data"].copy()
        for name in list(data):
            values = [value for value in data.getlist(name) if value != ""]
            if values:
                data.setlist(name, values)
            else:
                del data[name]
        kwargs["data"] = data
        return kwargs


def reject_repeated_single_values(request: Request, filterset_class: type) -> None:
    """`?topic=a&topic=b` on a one-value filter would silently use only `b`: refuse it.
    (Comma-separated filters such as `ordering` take their values in one parameter.)"""
    repeated = {
        name: ["Give this parameter once; it takes a single value."]
        for name, field in filterset_class.base_filters.items()
        if len(request.query_params.getlist(name)) > 1
        and not isinstance(field, filters.MultipleChoiceFilter)
    }
    if repeated:
        raise ValidationError(repeated)


class SlugChoiceFilter(filters.ModelChoiceFilter):
    """Filter on a related record given by slug; an unknown slug is a 400, not an empty page."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(*args, **kwargs)


class SlugMultipleChoiceFilter(filters.ModelMultipleChoiceFilter):
    """Repeatable slug filter. With a `method`, the method receives the chosen records."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(*args, **kwargs)


@extend_schema_field(
    {
        "type": "string",
        "pattern": country_code_validator.regex.pattern,
        "description": "ISO 3166-1 alpha-3 country code, e.g. ARM.",
    }
)
class CountryFilter(filters.CharFilter):
    """ISO 3166-1 alpha-3 code, upper case."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("validators", [country_code_validator])
        kwargs.setdefault("help_text", "ISO 3166-1 alpha-3 country code, e.g. ARM.")
        super().__init__(*args, **kwargs)


class IntegerFilter(filters.NumberFilter):
    """A whole number: NumberFilter takes any decimal, so `?min_fatalities=0.5` passed."""

    field_class = forms.IntegerField


class StableOrderingFilter(filters.OrderingFilter):
    """Ordering with `id` as tie-break in the same direction, so pages never shuffle."""

    def filter(self, qs: QuerySet, value: list[str] | None) -> QuerySet:
        if not value:
            return qs
        if "" in value:  # `?ordering=date,` passes the form's checks, then names no field
            raise ValidationError({self.field_name: ["Name a field between every two commas."]})
        ordering = [self.get_ordering_value(param) for param in value]
        tie_break = "-id" if ordering[0].startswith("-") else "id"
        return qs.order_by(*ordering, tie_break)


class SearchFilter(filters.CharFilter):
    """Free-text search; every word must match (see each endpoint for the fields)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label", "Search")
        super().__init__(*args, **kwargs)

    def filter(self, qs: QuerySet, value: str) -> QuerySet:
        if not value or not value.strip():
            return qs
        return search(qs, value)


def require_all(queryset: QuerySet, relation: str, records: list[Actor]) -> QuerySet:
    """Rows related to every one of the records (one join each: AND, not OR)."""
    for record in records:
        queryset = queryset.filter(**{relation: record})
    return queryset.distinct() if records else queryset


class UTCIsoDateTimeField(IsoDateTimeField):
    """An ISO 8601 date-time, converted to UTC. The database would otherwise get the
    client's offset: PostgreSQL refuses one beyond ±15:59 (a 409 on a read), and SQLite's
    own conversion overflows near year 1 or 9999 (a 500)."""

    def to_python(self, value: Any) -> datetime.datetime | None:
        moment = super().to_python(value)
        if moment is None:
            return None
        try:
            return moment.astimezone(datetime.UTC)
        except OverflowError:
            raise forms.ValidationError(
                "This date-time is out of range once converted to UTC.", code="invalid"
            ) from None


class UTCDateTimeFilter(filters.IsoDateTimeFilter):
    field_class = UTCIsoDateTimeField


def updated_since_filter() -> filters.IsoDateTimeFilter:
    return UTCDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        help_text="Only records created or changed at or after this ISO 8601 date-time.",
    )


class CachedFormClassMixin:
    """Builds the filter form's class once per FilterSet class, not once per request: it
    depends only on the declared filters."""

    _form_classes: ClassVar[dict[type, type[forms.Form]]] = {}

    def get_form_class(self) -> type[forms.Form]:
        form_class = CachedFormClassMixin._form_classes.get(type(self))
        if form_class is None:
            form_class = super().get_form_class()  # type: ignore[misc]
            CachedFormClassMixin._form_classes[type(self)] = form_class
        return form_class


class BaseFilterSet(CachedFormClassMixin, filters.FilterSet):
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
    publisher = filters.CharFilter(lookup_expr="iexact", help_text="Publisher name, exact.")
    language = filters.CharFilter(help_text="BCP 47 language tag of the document, e.g. en.")

    class Meta:
        model = Source
        fields = ["publisher", "language"]


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

    class Meta:
        model = TimelineEntry
        fields = ["type", "actor", "place", "country"]

    def filter_actor(self, queryset: QuerySet, name: str, value: list[Actor]) -> QuerySet:
        return require_all(queryset, "actors", value)


class ValidatedOnlyChoiceFilter(filters.ChoiceFilter):
    """A validated parameter that the view, not the queryset filter, acts on."""

    def filter(self, qs: QuerySet, value: str) -> QuerySet:
        return qs


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
