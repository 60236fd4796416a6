"""The record endpoints: actors, places, topics and sources (reference data); meetings,
statements and incidents (events). Views are declarations; reads are shaped by the
models' querysets and the stored JSON (events/api/stored.py), writes go through
`events.services`."""

from __future__ import annotations

from typing import Any

import orjson
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from events.api import examples, filtersets, serializers
from events.api.exports import ExportMixin
from events.api.renderers import ExportRenderer
from events.api.stored import INCIDENTS, MEETINGS, STATEMENTS, StoredRecords
from events.api.views.base import (
    BAD_QUERY,
    ID_PATTERN,
    ReadWriteViewSet,
    SlugLookupMixin,
    StoredListMixin,
    write_schema,
)
from events.models import Actor, Incident, Meeting, Place, Source, Statement, Topic
from events.queries.network import actor_network


@write_schema(
    serializers.ActorWriteSerializer,
    serializers.ActorSerializer,
    examples.ACTOR,
)
class ActorViewSet(ExportMixin, SlugLookupMixin, ReadWriteViewSet):
    """People, states, organisations and groups. `search` matches names and aliases."""

    queryset = Actor.objects.for_api()
    serializer_class = serializers.ActorSerializer
    write_serializer_class = serializers.ActorWriteSerializer
    filterset_class = filtersets.ActorFilterSet

    @extend_schema(
        summary="The actors an actor met",
        description="Every actor who took part, in any role, in at least one of the selected "
        "meetings the actor took part in, with the number of meetings they shared, the first "
        "and last day they met and the meetings' ids; most shared meetings first, then by "
        "name. Meetings are selected with the same filters as `/network/`.",
        parameters=[
            OpenApiParameter("slug", str, OpenApiParameter.PATH, description="Actor slug.")
        ],
        responses={
            200: serializers.ActorNetworkEntrySerializer(many=True),
            400: BAD_QUERY,
            404: OpenApiResponse(description="No actor has this slug."),
        },
    )
    @action(
        detail=True,
        queryset=Meeting.objects.all(),  # the filters select meetings, not actors
        filterset_class=filtersets.NetworkFilterSet,
        pagination_class=None,
        serializer_class=serializers.ActorNetworkEntrySerializer,
    )
    def network(self, request: Request, slug: str) -> Response:
        actor = get_object_or_404(Actor, slug=slug)
        counterparts = actor_network(actor, self.filter_queryset(self.get_queryset()))
        return Response(self.get_serializer(counterparts, many=True).data)


@write_schema(serializers.PlaceWriteSerializer, serializers.PlaceSerializer)
class PlaceViewSet(ExportMixin, SlugLookupMixin, ReadWriteViewSet):
    """Places of meetings and incidents. `search` matches names and aliases."""

    queryset = Place.objects.for_api()
    serializer_class = serializers.PlaceSerializer
    write_serializer_class = serializers.PlaceWriteSerializer
    filterset_class = filtersets.PlaceFilterSet


@write_schema(serializers.TopicSerializer, serializers.TopicSerializer)
class TopicViewSet(ExportMixin, SlugLookupMixin, ReadWriteViewSet):
    """The controlled vocabulary events are tagged with."""

    queryset = Topic.objects.all()
    serializer_class = serializers.TopicSerializer
    write_serializer_class = serializers.TopicSerializer
    filterset_class = filtersets.TopicFilterSet


@write_schema(serializers.SourceSerializer, serializers.SourceSerializer)
class SourceViewSet(ExportMixin, SlugLookupMixin, ReadWriteViewSet):
    """Documents the facts are taken from."""

    queryset = Source.objects.all()
    serializer_class = serializers.SourceSerializer
    write_serializer_class = serializers.SourceSerializer
    filterset_class = filtersets.SourceFilterSet


class EventRecordViewSet(ExportMixin, StoredListMixin, ReadWriteViewSet):
    """Meetings, statements and incidents: numeric ids; lists, details in JSON and CSV
    exports from the stored representations."""

    lookup_value_regex = ID_PATTERN
    stored: StoredRecords

    def reads_stored(self) -> bool:
        """A JSON detail (or the browsable API's) answers the stored JSON; GeoJSON and CSV
        need the record itself."""
        renderer = getattr(self.request, "accepted_renderer", None)
        return self.action == "retrieve" and not isinstance(renderer, ExportRenderer)

    def get_queryset(self) -> QuerySet:
        queryset = super().get_queryset()
        if self.reads_stored():  # the record's id is all the detail reads of it
            return queryset.select_related(None).prefetch_related(None).only("pk")
        return queryset

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        if not self.reads_stored():
            return super().retrieve(request, *args, **kwargs)
        record = self.get_object()  # 404, filters and permissions as always
        (text,) = self.stored.texts([record.pk], request, record._state.db)
        # One record: decoded, so that its ETag and Last-Modified are read from it.
        return Response(orjson.loads(text))


@write_schema(
    serializers.MeetingWriteSerializer,
    serializers.MeetingSerializer,
    examples.MEETING,
)
class MeetingViewSet(EventRecordViewSet):
    """Diplomatic encounters: talks, calls, summits, commission sessions, held or planned."""

    queryset = Meeting.objects.for_api()
    serializer_class = serializers.MeetingSerializer
    stored = MEETINGS
    write_serializer_class = serializers.MeetingWriteSerializer
    filterset_class = filtersets.MeetingFilterSet
    geojson_place_field = "place"


@write_schema(
    serializers.StatementWriteSerializer,
    serializers.StatementSerializer,
    examples.STATEMENT,
)
class StatementViewSet(EventRecordViewSet):
    """What actors said: direct quotes, paraphrases, readouts and announcements."""

    queryset = Statement.objects.for_api()
    serializer_class = serializers.StatementSerializer
    stored = STATEMENTS
    write_serializer_class = serializers.StatementWriteSerializer
    filterset_class = filtersets.StatementFilterSet


@write_schema(
    serializers.IncidentWriteSerializer,
    serializers.IncidentSerializer,
    examples.INCIDENT,
)
class IncidentViewSet(EventRecordViewSet):
    """Events on the ground: clashes, casualties, checkpoints, blockades, wars, ceasefires."""

    queryset = Incident.objects.for_api()
    serializer_class = serializers.IncidentSerializer
    stored = INCIDENTS
    write_serializer_class = serializers.IncidentWriteSerializer
    filterset_class = filtersets.IncidentFilterSet
    geojson_place_field = "place"
