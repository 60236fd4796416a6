"""What every API view shares: the read/write viewset whose writes go through the write
service, and the schema helpers that document them."""

from __future__ import annotations

import re
from typing import Any

from django.db import transaction
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from events import services
from events.api.conditional import LastModifiedMixin, check_if_match, record_etag
from events.api.serializers import RevisionSerializer
from events.api.stored import StoredRecords, StoredTimeline
from events.models import Revision, RevisionVia
from events.registry import public_key

SLUG_PATTERN = r"[-a-zA-Z0-9_]+"
ID_PATTERN = r"[0-9]+"

BAD_QUERY = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description="An unknown query parameter or an invalid value: the body maps each "
    "offending parameter to its messages.",
)


class StoredListMixin:
    """List pages of the stored representations (events/api/stored.py), spliced into the
    answer as they are: the serializer's JSON, built when the data changed rather than
    on every request. The serializer documents the schema and handles writes."""

    stored: StoredRecords | StoredTimeline

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        queryset = self.filter_queryset(self.get_queryset())
        page = self.stored.page(queryset, self.paginate_queryset, request)
        return self.get_paginated_response(page)


class ReadWriteViewSet(LastModifiedMixin, viewsets.ModelViewSet):
    """Reads with `serializer_class`, writes with `write_serializer_class`, and always
    answers with the read representation so clients see one shape per resource. Every
    write goes through `events.services` (timeline, tombstone and revision included)."""

    write_serializer_class: type[BaseSerializer]

    def get_write_serializer(self, *args: Any, **kwargs: Any) -> BaseSerializer:
        return self.write_serializer_class(*args, context=self.get_serializer_context(), **kwargs)

    def current_etag(self, instance: Any) -> str:
        return record_etag(type(instance), public_key(instance), instance.updated_at)

    def locked_for_write(self) -> Any:
        """The record to change, read again under a row lock that lasts until the
        transaction ends, and checked against If-Match in that locked version: what is
        saved is what was locked, and two writers cannot both pass. 404 if it went
        meanwhile. The lock is FOR NO KEY UPDATE on PostgreSQL, so other writers may
        still add rows that refer to this record (tagging a meeting with this topic):
        a plain FOR UPDATE made those two writes deadlock."""
        instance = self.get_object()  # 404 and permissions first
        model = type(instance)
        locked = model.objects.select_for_update(no_key=True).filter(pk=instance.pk).first()
        if locked is None:
            raise NotFound("The record was deleted meanwhile.")
        check_if_match(self.request, self.current_etag(locked))
        return locked

    def finalize_response(self, request: Request, response: Response, *args: Any, **kwargs: Any):  # noqa: ANN201
        response = super().finalize_response(request, response, *args, **kwargs)
        data = getattr(response, "data", None)
        is_record = self.action in ("retrieve", "update", "partial_update")
        if is_record and response.status_code == 200 and "updated_at" in (data or {}):
            model = type(self).queryset.model
            key = data["id"] if "id" in data else data["slug"]  # public_key() of the record
            response["ETag"] = record_etag(model, key, data["updated_at"])
        return response

    def _read_response(self, pk: Any, status_code: int) -> Response:
        instance = self.get_queryset().get(pk=pk)
        return Response(self.get_serializer(instance).data, status=status_code)

    # Writes run again when a concurrent writer made the database roll them back
    # (services.retrying); each attempt is one transaction of its own.

    @services.retrying
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_write_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        instance = services.save(serializer.save, via=RevisionVia.API, user=request.user)
        return self._read_response(instance.pk, status.HTTP_201_CREATED)

    @services.retrying
    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        with transaction.atomic():
            record = self.locked_for_write()
            serializer = self.get_write_serializer(
                record, data=request.data, partial=kwargs.get("partial", False)
            )
            serializer.is_valid(raise_exception=True)
            services.save(serializer.save, via=RevisionVia.API, user=request.user, record=record)
        return self._read_response(record.pk, status.HTTP_200_OK)

    @services.retrying
    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        with transaction.atomic():
            record = self.locked_for_write()
            services.delete(record, via=RevisionVia.API, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        summary="The record's history",
        description="Every change to this record, newest first: who made it, when, through "
        "what (api, admin, load_curated) and which fields changed.",
        responses=RevisionSerializer(many=True),
        filters=False,
    )
    @action(detail=True, queryset=Revision.objects.all(), filterset_class=None)
    def history(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        model = type(self).queryset.model
        lookup = self.lookup_url_kwarg or self.lookup_field
        record = get_object_or_404(model, **{self.lookup_field: self.kwargs[lookup]})
        revisions = self.get_queryset().filter(
            record_type=model._meta.model_name, key=public_key(record)
        )
        page = self.paginate_queryset(revisions.select_related("user"))
        context = self.get_serializer_context()
        return self.get_paginated_response(
            RevisionSerializer(page, many=True, context=context).data
        )


def curated_example(record: dict[str, Any]) -> OpenApiExample:
    name = re.sub(r"[^A-Za-z0-9 -]", "", record.get("title") or record["name"])
    return OpenApiExample(name, value=record, response_only=True)


def write_schema(
    write: type[BaseSerializer],
    read: type[BaseSerializer],
    example: dict[str, Any] | None = None,
) -> Any:
    """Document request bodies as the write serializer and responses as the read one,
    with a record from the curated data as the example answer."""
    examples = [curated_example(example)] if example else []
    return extend_schema_view(
        list=extend_schema(examples=examples),
        retrieve=extend_schema(examples=examples),
        destroy=extend_schema(),
        create=extend_schema(request=write, responses={201: read}),
        update=extend_schema(request=write, responses={200: read}),
        partial_update=extend_schema(request=write, responses={200: read}),
    )


class SlugLookupMixin:
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN
