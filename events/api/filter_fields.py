"""The filter classes the FilterSets (`events.api.filtersets`) are declared with: slugs,
country codes, whole numbers, stable ordering, search, UTC date-times, and a FilterSet
mixin that builds its form class once."""

from __future__ import annotations

import copy
import datetime
import re
from typing import Any, ClassVar

from django import forms
from django.db.models import QuerySet
from django.http import QueryDict
from django_filters import rest_framework as filters
from django_filters.fields import IsoDateTimeField
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import ValidationError

from events.models import Actor, country_code_validator
from events.queries.search import search


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


# Bounded work per request: each word of a search is one more condition to test.
MAX_SEARCH_WORDS = 20
MAX_SEARCH_CHARACTERS = 300


class SearchFilter(filters.CharFilter):
    """Free-text search; every word must match (see each endpoint for the fields)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label", "Search")
        super().__init__(*args, **kwargs)

    def filter(self, qs: QuerySet, value: str) -> QuerySet:
        if not value or not value.strip():
            return qs
        if len(value) > MAX_SEARCH_CHARACTERS or len(value.split()) > MAX_SEARCH_WORDS:
            raise ValidationError(
                {
                    self.field_name: [
                        f"Search for at most {MAX_SEARCH_WORDS} words and "
                        f"{MAX_SEARCH_CHARACTERS} characters."
                    ]
                }
            )
        return search(qs, value)


def require_all(queryset: QuerySet, relation: str, records: list[Actor]) -> QuerySet:
    """Rows related to every one of the records (one join each: AND, not OR)."""
    for record in records:
        queryset = queryset.filter(**{relation: record})
    return queryset.distinct() if records else queryset


# A date-time whose UTC offset lost its `+`: in a query string `+` means a space, so
# `2024-01-01T00:00:00+00:00` typed unencoded arrives as `2024-01-01T00:00:00 00:00`.
SPACE_FOR_PLUS = re.compile(r"\d{2}:\d{2}(:\d{2}(\.\d+)?)? \d{2}(:?\d{2})?$")


class UTCIsoDateTimeField(IsoDateTimeField):
    """An ISO 8601 date-time, converted to UTC. The database would otherwise get the
    client's offset: PostgreSQL refuses one beyond ±15:59 (a 409 on a read), and SQLite's
    own conversion overflows near year 1 or 9999 (a 500)."""

    def to_python(self, value: Any) -> datetime.datetime | None:
        if isinstance(value, str) and SPACE_FOR_PLUS.search(value.strip()):
            # The message's own `%` must go through params: django-filter formats it.
            raise forms.ValidationError(
                "Enter a valid date/time. %(value)s looks like an offset whose '+' became "
                "a space: in a URL '+' means a space, so encode it as %(plus)s (e.g. "
                "2024-01-01T00:00:00%(plus)s00:00), or use Z for UTC (2024-01-01T00:00:00Z).",
                code="invalid",
                params={"value": repr(value.strip()), "plus": "%2B"},
            )
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


class ShallowFiltersMixin:
    """Gives each FilterSet its own copy of every filter, as django-filter does, but a
    shallow one: its `copy.deepcopy` of the declared filters (their querysets, choices
    and options) was a fifth of a filtered request's CPU. What a copy changes is its own:
    `model` and `parent` are set on it, and a method filter is bound to it again (its
    `FilterMethod` would otherwise still point at the declared filter). The rest is
    django-filter's `BaseFilterSet.__init__` (django-filter 26), which is not called."""

    base_filters: ClassVar[dict[str, filters.Filter]]
    _meta: Any

    def __init__(
        self,
        data: Any = None,
        queryset: QuerySet | None = None,
        *,
        request: Any = None,
        prefix: str | None = None,
    ) -> None:
        if queryset is None:
            queryset = self._meta.model._default_manager.all()
        self.is_bound = data is not None
        self.data = data or QueryDict()
        self.queryset = queryset
        self.request = request
        self.form_prefix = prefix
        self.filters: dict[str, filters.Filter] = {}
        for name, declared in self.base_filters.items():
            own = copy.copy(declared)
            own.model = queryset.model
            own.parent = self
            if own.method is not None:
                own.method = own.method  # a FilterMethod bound to this copy
            self.filters[name] = own


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


class ValidatedOnlyChoiceFilter(filters.ChoiceFilter):
    """A validated parameter that the view, not the queryset filter, acts on."""

    def filter(self, qs: QuerySet, value: str) -> QuerySet:
        return qs


class DocumentedOnlyFilter(filters.ChoiceFilter):
    """`documented_only=true`: only events whose every filtered-on value rests on a held
    document (`events.provenance`); `false` (the default) keeps them all. Anything else
    is a 400, never a silent no-op (a plain BooleanFilter ignores values it cannot read)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("choices", [("true", "true"), ("false", "false")])
        kwargs.setdefault("label", "Documented only")
        kwargs.setdefault(
            "help_text",
            "true: only events whose every filtered-on value (date, end date, place, "
            "participants, speaker or actors, kind, status, casualty figures) is supported "
            "by a held document, not only by an outside reference or by nothing. "
            "Default false.",
        )
        super().__init__(*args, **kwargs)

    def filter(self, qs: QuerySet, value: str) -> QuerySet:
        return qs.documented() if value == "true" else qs
