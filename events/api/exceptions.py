"""Errors are JSON, name what is wrong, and never leak internals."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import DatabaseError, IntegrityError
from django.http import HttpRequest, HttpResponseBase, JsonResponse
from rest_framework.response import Response
from rest_framework.views import exception_handler

from events.services import InvalidRecord

logger = logging.getLogger(__name__)


# How long a client should wait before retrying when the database is unavailable.
RETRY_AFTER_SECONDS = 5
UNAVAILABLE = {
    "detail": "The database is unavailable or overloaded for the moment. Nothing was "
    f"changed; retry in {RETRY_AFTER_SECONDS} seconds."
}


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, InvalidRecord):
        # The curated files' own rules, checked at the write service (every way in).
        return Response(exc.problems, status=400)
    response = exception_handler(exc, context)
    if response is not None or not isinstance(exc, DatabaseError):
        return response
    if isinstance(exc, IntegrityError):
        # A constraint the serializers did not foresee: a real conflict, not a 500.
        logger.warning("Database refused a write: %s", exc)
        return Response(
            {"detail": "The database refused the change: it conflicts with existing data."},
            status=409,
        )
    # Lost connection, timeout, deadlock or serialization failure after the retries:
    # temporary, so 503 with Retry-After, which load balancers and clients retry.
    logger.error("Database unavailable: %s", exc)
    return Response(UNAVAILABLE, status=503, headers={"Retry-After": str(RETRY_AFTER_SECONDS)})


def database_unavailable(request: HttpRequest) -> JsonResponse:
    response = JsonResponse(UNAVAILABLE, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class LengthRequiredMiddleware:
    """Django reads a request body by its Content-Length: a body sent chunked without
    one arrives empty, so a PATCH would "succeed" changing nothing. Refuse it: 411."""

    WRITES = frozenset({"POST", "PUT", "PATCH"})

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        chunked = "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower()
        if chunked and request.method in self.WRITES and not request.META.get("CONTENT_LENGTH"):
            return JsonResponse(
                {"detail": "Send the body with a Content-Length header, not chunked."},
                status=411,
            )
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """A database error outside DRF's handler (CSV and GeoJSON exports, the pages, the
    admin) answers 503 JSON with Retry-After too, never an HTML 500."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_exception(
        self, request: HttpRequest, exception: Exception
    ) -> HttpResponseBase | None:
        if isinstance(exception, DatabaseError) and not isinstance(exception, IntegrityError):
            logger.error("Database unavailable: %s", exception)
            return database_unavailable(request)
        return None


class ApiNotFoundMiddleware:
    """A URL under /api/ that matches no route answers the JSON 404, even with DEBUG on
    (`make run`), where Django would show its HTML debug page: a client parsing the
    answer gets `{"detail": ...}` in development as in production. Placed below
    CommonMiddleware, whose slash-appending redirect still applies to what it returns."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        unrouted = getattr(request, "resolver_match", None) is None
        if response.status_code == 404 and unrouted and request.path_info.startswith("/api/"):
            return json_not_found(request)
        return response


def json_bad_request(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    if isinstance(exception, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        return JsonResponse(
            {"detail": f"Request body too large: at most {limit} bytes."}, status=413
        )
    return JsonResponse({"detail": "Bad request."}, status=400)


def json_forbidden(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return JsonResponse({"detail": "Forbidden."}, status=403)


def json_not_found(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return JsonResponse({"detail": "Not found."}, status=404)


def json_server_error(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"detail": "Internal server error."}, status=500)
