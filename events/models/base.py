"""What every model shares: timestamps, the guarded querysets (writes only through the
write service), text search, date-range overlap and the country-code field."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q

from events.write_context import WriteOutsideService, current_scope

country_code_validator = RegexValidator(
    r"^[A-Z]{3}$", "Use an ISO 3166-1 alpha-3 code in capitals, e.g. ARM."
)


def citations_with_sources(model: type[models.Model]) -> Prefetch:
    """The prefetch of a record's citations with their sources (one page of the API).

    The citation model is reached through the relation, so the modules of the cited
    records need not import `events.models.provenance`, which points back at them.
    """
    citation = model._meta.get_field("citations").related_model
    return Prefetch("citations", queryset=citation.objects.select_related("source"))


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


class DateRangeQuerySet(models.QuerySet):
    def overlapping(
        self, date_from: datetime.date | None = None, date_to: datetime.date | None = None
    ) -> DateRangeQuerySet:
        """Events whose [date, end_date] range overlaps [date_from, date_to] (inclusive).

        An `ongoing` event (where the model has the field) reaches the present: it
        overlaps every range that ends on or after its date."""
        queryset = self
        if date_from is not None:
            reaches = Q(end_date__gte=date_from) | Q(end_date__isnull=True, date__gte=date_from)
            if any(f.name == "ongoing" for f in self.model._meta.concrete_fields):
                reaches |= Q(ongoing=True)
            queryset = queryset.filter(reaches)
        if date_to is not None:
            queryset = queryset.filter(date__lte=date_to)
        return queryset
