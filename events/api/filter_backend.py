"""The DRF filter backend every list uses (`DEFAULT_FILTER_BACKENDS`): django-filter,
strict about the query parameters it is given."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django_filters import rest_framework as filters
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request

from events.api.renderers import BOM_PARAMETER, CSVRenderer

if TYPE_CHECKING:
    from rest_framework.views import APIView

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
        if isinstance(getattr(request, "accepted_renderer", None), CSVRenderer):
            known.add(BOM_PARAMETER)  # its value is checked with the format (negotiation)
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
