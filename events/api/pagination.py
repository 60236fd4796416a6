"""Pagination that rejects bad input instead of guessing."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import Cursor, CursorPagination, PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from events.api.conditional import request_change_stamps
from events.api.counting import cached_count
from events.queries.search import is_postgresql

if TYPE_CHECKING:
    from rest_framework.views import APIView


def parse_positive_int(request: Request, name: str, maximum: int | None = None) -> int | None:
    """The query parameter as a positive integer, None when absent; 400 when invalid."""
    raw = request.query_params.get(name)
    if raw is None:
        return None
    # isdigit() alone also admits "²" (which int() refuses) and other scripts' digits.
    digits = raw.lstrip("0")
    if not (raw.isascii() and raw.isdigit()) or not digits:
        raise ValidationError({name: [f"{name} must be a positive whole number."]})
    if len(digits) > 4300:  # int() refuses longer strings; no page is that far anyway
        raise ValidationError({name: [f"{name} is too large."]})
    value = int(digits)
    if maximum is not None and value > maximum:
        raise ValidationError({name: [f"{name} may be at most {maximum}."]})
    return value


class StrictPageSizeMixin:
    """`page_size` from 1 to the maximum; anything else is a 400, not a silent clamp."""

    page_size_query_param = "page_size"
    max_page_size = settings.API_MAX_PAGE_SIZE
    page_size_query_description = "Results per page (1-{}, default {}).".format(
        settings.API_MAX_PAGE_SIZE, settings.REST_FRAMEWORK["PAGE_SIZE"]
    )

    def get_page_size(self, request: Request) -> int:
        size = parse_positive_int(request, self.page_size_query_param, self.max_page_size)
        return size if size is not None else self.page_size

    def check_query_parameters(self, request: Request) -> None:
        """400 for malformed pagination parameters, without paginating (exports)."""
        self.get_page_size(request)

    def get_schema_operation_parameters(self, view: APIView) -> list[dict]:
        """The parameters with the bounds `parse_positive_int` enforces."""
        bounds = {
            self.page_size_query_param: {"minimum": 1, "maximum": self.max_page_size},
            getattr(self, "page_query_param", None): {"minimum": 1},
        }
        parameters = super().get_schema_operation_parameters(view)  # type: ignore[misc]
        for parameter in parameters:
            parameter["schema"].update(bounds.get(parameter["name"], {}))
        return parameters


class LinkHeaderMixin:
    """The page's neighbours also as an RFC 8288 `Link` header (`first`, `prev`, `next`,
    `last` where known), the links GitHub-style clients and generic HTTP tools follow
    without reading the body; CSV users paging by hand see them with `curl -I`."""

    def page_links(self) -> dict[str, str | None]:
        raise NotImplementedError

    def get_paginated_response(self, data: list) -> Response:
        response = super().get_paginated_response(data)  # type: ignore[misc]
        links = [f'<{url}>; rel="{rel}"' for rel, url in self.page_links().items() if url]
        if links:
            response["Link"] = ", ".join(links)
        return response


class CachedCountPaginator(Paginator):
    """Counts a query once per version of the data (events/api/counting.py)."""

    data_version: str | None = None  # set by the pagination before `count` is read

    @cached_property
    def count(self) -> int:
        if isinstance(self.object_list, QuerySet) and self.data_version is not None:
            return cached_count(self.object_list, self.data_version)
        return super().count


class StrictPageNumberPagination(LinkHeaderMixin, StrictPageSizeMixin, PageNumberPagination):
    django_paginator_class = CachedCountPaginator

    def page_url(self, number: int) -> str:
        url = self.request.build_absolute_uri()
        if number == 1:
            return remove_query_param(url, self.page_query_param)
        return replace_query_param(url, self.page_query_param, number)

    def page_links(self) -> dict[str, str | None]:
        return {
            "first": self.page_url(1),
            "prev": self.get_previous_link(),
            "next": self.get_next_link(),
            "last": self.page_url(self.page.paginator.num_pages),
        }

    @property
    def query_parameters(self) -> tuple[str, ...]:
        return (self.page_query_param, self.page_size_query_param)

    def check_query_parameters(self, request: Request) -> None:
        super().check_query_parameters(request)
        parse_positive_int(request, self.page_query_param)

    def paginate_queryset(
        self, queryset: QuerySet, request: Request, view: APIView | None = None
    ) -> list | None:
        page_number = parse_positive_int(request, self.page_query_param) or 1
        self.request = request
        paginator = self.django_paginator_class(queryset, self.get_page_size(request))
        if isinstance(queryset, QuerySet):
            paginator.data_version = repr(request_change_stamps(request, queryset.db))
        try:
            self.page = paginator.page(page_number)
        except InvalidPage as exc:
            # `detail` like every other 404, and the parameter named like every other error.
            raise NotFound(
                {
                    "detail": f"Page {page_number} does not exist.",
                    self.page_query_param: [f"Page {page_number} does not exist: {exc}"],
                }
            ) from exc
        if paginator.num_pages > 1 and self.template is not None:
            self.display_page_controls = True
        return list(self.page.object_list)


class TimelineCursorPagination(LinkHeaderMixin, StrictPageSizeMixin, CursorPagination):
    """Cursor pagination for the timeline: a deep page costs the same as the first.

    Newest first by default; `ordering=date` for oldest first; with `search` on
    PostgreSQL and no `ordering`, most relevant first. Ties are broken by the row id, so pages never
    overlap or skip.
    """

    page_size = settings.REST_FRAMEWORK["PAGE_SIZE"]
    ordering = ("-date", "-id")

    @property
    def query_parameters(self) -> tuple[str, ...]:
        return (self.cursor_query_param, self.page_size_query_param)

    def get_ordering(self, request: Request, queryset: QuerySet, view: APIView) -> tuple:
        ordering = request.query_params.get("ordering")
        if ordering == "date":
            return ("date", "id")
        if ordering is None and request.query_params.get("search", "").strip() and is_postgresql():
            return ("-rank", "-date", "-id")
        return self.ordering

    def check_query_parameters(self, request: Request) -> None:
        super().check_query_parameters(request)
        self.decode_cursor(request)

    def page_links(self) -> dict[str, str | None]:
        # A cursor feed knows its first page (no cursor) but not its last.
        first = remove_query_param(self.request.build_absolute_uri(), self.cursor_query_param)
        return {"first": first, "prev": self.get_previous_link(), "next": self.get_next_link()}

    def decode_cursor(self, request: Request) -> Cursor | None:
        try:
            cursor = super().decode_cursor(request)
        except NotFound as exc:
            raise self.invalid_cursor() from exc
        if cursor is not None and cursor.position is not None:
            # A forged cursor's position must still be a value of the ordering field
            # (a date, or a rank when ranked by relevance), or the query would fail.
            field = self.get_ordering_field()
            try:
                if field == "rank":
                    float(cursor.position)
                else:
                    datetime.date.fromisoformat(cursor.position)
            except ValueError as exc:
                raise self.invalid_cursor() from exc
        return cursor

    def get_ordering_field(self) -> str:
        ordering = getattr(self, "ordering", type(self).ordering)
        return ordering[0].lstrip("-")

    def invalid_cursor(self) -> ValidationError:
        return ValidationError(
            {self.cursor_query_param: ["Invalid cursor: use the `next` or `previous` link."]}
        )
