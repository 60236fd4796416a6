"""API views: declarations of queryset, serializers and filters; the shaping lives in
the models' querysets, the rules in the serializers."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.http import HttpRequest, JsonResponse
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from . import filters, serializers
from .models import Actor, Incident, Meeting, Place, Source, Statement, Topic

SLUG_PATTERN = r"[-a-zA-Z0-9_]+"
ID_PATTERN = r"[0-9]+"


class ReadWriteViewSet(viewsets.ModelViewSet):
    """Reads with `serializer_class`, writes with `write_serializer_class`, and always
    answers with the read representation so clients see one shape per resource."""

    write_serializer_class: type[BaseSerializer]

    def get_write_serializer(self, *args: Any, **kwargs: Any) -> BaseSerializer:
        return self.write_serializer_class(*args, context=self.get_serializer_context(), **kwargs)

    def _read_response(self, pk: Any, status_code: int) -> Response:
        instance = self.get_queryset().get(pk=pk)
        return Response(self.get_serializer(instance).data, status=status_code)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_write_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        instance = serializer.save()
        return self._read_response(instance.pk, status.HTTP_201_CREATED)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        partial = kwargs.pop("partial", False)
        serializer = self.get_write_serializer(
            self.get_object(), data=request.data, partial=partial
        )
        serializer.is_valid(raise_exception=True)
        instance = serializer.save()
        return self._read_response(instance.pk, status.HTTP_200_OK)


def write_schema(write: type[BaseSerializer], read: type[BaseSerializer], tag: str) -> Any:
    """Document request bodies as the write serializer and responses as the read one."""
    return extend_schema_view(
        list=extend_schema(tags=[tag]),
        retrieve=extend_schema(tags=[tag]),
        destroy=extend_schema(tags=[tag]),
        create=extend_schema(tags=[tag], request=write, responses={201: read}),
        update=extend_schema(tags=[tag], request=write, responses={200: read}),
        partial_update=extend_schema(tags=[tag], request=write, responses={200: read}),
    )


class SlugLookupMixin:
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN


@write_schema(serializers.ActorWriteSerializer, serializers.ActorSerializer, "reference")
class ActorViewSet(SlugLookupMixin, ReadWriteViewSet):
    """People, states, organisations and groups. `search` matches names and aliases."""

    queryset = Actor.objects.for_api()
    serializer_class = serializers.ActorSerializer
    write_serializer_class = serializers.ActorWriteSerializer
    filterset_class = filters.ActorFilterSet


@write_schema(serializers.PlaceWriteSerializer, serializers.PlaceSerializer, "reference")
class PlaceViewSet(SlugLookupMixin, ReadWriteViewSet):
    """Places of meetings and incidents. `search` matches names and aliases."""

    queryset = Place.objects.prefetch_related("aliases")
    serializer_class = serializers.PlaceSerializer
    write_serializer_class = serializers.PlaceWriteSerializer
    filterset_class = filters.PlaceFilterSet


@write_schema(serializers.TopicSerializer, serializers.TopicSerializer, "reference")
class TopicViewSet(SlugLookupMixin, ReadWriteViewSet):
    """The controlled vocabulary events are tagged with."""

    queryset = Topic.objects.all()
    serializer_class = serializers.TopicSerializer
    write_serializer_class = serializers.TopicSerializer
    filterset_class = filters.TopicFilterSet


@write_schema(serializers.SourceSerializer, serializers.SourceSerializer, "reference")
class SourceViewSet(SlugLookupMixin, ReadWriteViewSet):
    """Documents the facts are taken from."""

    queryset = Source.objects.all()
    serializer_class = serializers.SourceSerializer
    write_serializer_class = serializers.SourceSerializer
    filterset_class = filters.SourceFilterSet


class EventViewSet(ReadWriteViewSet):
    lookup_value_regex = ID_PATTERN


@write_schema(serializers.MeetingWriteSerializer, serializers.MeetingSerializer, "events")
class MeetingViewSet(EventViewSet):
    """Diplomatic encounters: talks, calls, summits, commission sessions, held or planned."""

    queryset = Meeting.objects.for_api()
    serializer_class = serializers.MeetingSerializer
    write_serializer_class = serializers.MeetingWriteSerializer
    filterset_class = filters.MeetingFilterSet


@write_schema(serializers.StatementWriteSerializer, serializers.StatementSerializer, "events")
class StatementViewSet(EventViewSet):
    """What actors said: direct quotes, paraphrases, readouts and announcements."""

    queryset = Statement.objects.for_api()
    serializer_class = serializers.StatementSerializer
    write_serializer_class = serializers.StatementWriteSerializer
    filterset_class = filters.StatementFilterSet


@write_schema(serializers.IncidentWriteSerializer, serializers.IncidentSerializer, "events")
class IncidentViewSet(EventViewSet):
    """Events on the ground: clashes, casualties, checkpoints, blockades, wars, ceasefires."""

    queryset = Incident.objects.for_api()
    serializer_class = serializers.IncidentSerializer
    write_serializer_class = serializers.IncidentWriteSerializer
    filterset_class = filters.IncidentFilterSet


def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and database check for load balancers and monitors."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
