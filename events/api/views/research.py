"""The research views: the unified timeline and an actor's, counts for plotting, and
the co-participation network."""

from __future__ import annotations

from functools import cached_property

import orjson
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import generics, mixins, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from events.api import examples, filtersets, serializers
from events.api.conditional import CacheHeadersMixin, LastModifiedMixin, request_change_stamps
from events.api.counting import cached_for_version
from events.api.exports import ExportListMixin
from events.api.graph_renderers import GEXFRenderer, GraphFormatsMixin, GraphMLRenderer
from events.api.pagination import TimelineCursorPagination
from events.api.renderers import FastJSONRenderer, json_bytes
from events.api.stored import TIMELINE, timeline_key
from events.api.views.base import BAD_QUERY, SLUG_PATTERN, StoredListMixin, curated_example
from events.models import Actor, Meeting, TimelineEntry
from events.queries.network import build_network
from events.queries.stats import event_counts
from events.registry import EVENT_TYPES


class TimelineFeedViewSet(
    ExportListMixin,
    StoredListMixin,
    LastModifiedMixin,
    mixins.ListModelMixin,
    viewsets.GenericViewSet,
):
    """Timeline rows, newest first, with cursor pagination: what `/events/` and an
    actor's timeline share."""

    sync_record_types = tuple(kind.name for kind in EVENT_TYPES)
    queryset = TimelineEntry.objects.select_related("place")  # the place for GeoJSON
    serializer_class = serializers.TimelineItemSerializer
    stored = TIMELINE
    filterset_class = filtersets.TimelineOrderingFilterSet
    pagination_class = TimelineCursorPagination
    geojson_place_field = "place"

    def feature_id(self, instance: TimelineEntry) -> str:
        return timeline_key(instance.event_type, instance.event_id)


@extend_schema_view(
    list=extend_schema(
        examples=[curated_example(examples.TIMELINE_ITEM)],
        summary="The unified timeline",
        description="Meetings, statements and incidents in one feed, newest first, with "
        "cursor pagination (follow `next`). Each item links to its full record.",
    )
)
class TimelineViewSet(TimelineFeedViewSet):
    """Meetings, statements and incidents in one feed."""


@extend_schema_view(
    list=extend_schema(
        summary="An actor's timeline",
        description="Every meeting, statement and incident involving the actor, in any role; "
        "the same filters and cursor pagination as `/events/`.",
        parameters=[
            OpenApiParameter(
                "slug",
                str,
                OpenApiParameter.PATH,
                pattern=f"^{SLUG_PATTERN}$",
                description="The record's slug.",
            )
        ],
    )
)
class ActorTimelineViewSet(TimelineFeedViewSet):
    """One actor's timeline: the timeline's rows in which the actor takes part."""

    geojson_place_field = None

    @cached_property
    def actor(self) -> Actor:
        return get_object_or_404(Actor, slug=self.kwargs["slug"])

    def get_queryset(self) -> QuerySet[TimelineEntry]:
        return super().get_queryset().filter(actors=self.actor)


class StatsView(CacheHeadersMixin, generics.GenericAPIView):
    """Aggregates of the timeline, computed once per version of the data
    (events/api/counting.py): grouping every row costs ~0.5 s at a million events."""

    queryset = TimelineEntry.objects.all()
    serializer_class = serializers.StatsSerializer
    filterset_class = filtersets.StatsFilterSet
    pagination_class = None
    aggregate_filters = True  # the browsable API's "Filters" form

    @extend_schema(
        summary="Event counts for plotting",
        description="Counts of meetings, statements and incidents grouped by `group_by`, "
        "after the same filters as `/events/`. Months and years use each event's `date` "
        "(its first day), whatever its precision.",
        filters=True,  # one aggregate, not a list: spectacular would not look for filters
    )
    def get(self, request: Request) -> Response:
        entries = self.filter_queryset(self.get_queryset())  # validates group_by too
        group_by = request.query_params.get("group_by") or "month"
        version = repr(request_change_stamps(request, entries.db))
        # Cached as JSON text: a JSON answer splices it in without decoding 400 rows.
        text = cached_for_version(
            entries,
            version,
            f"stats-{group_by}",
            lambda: json_bytes(event_counts(entries, group_by)).decode(),
        )
        spliced = type(request.accepted_renderer) is FastJSONRenderer
        results = orjson.Fragment(text) if spliced else orjson.loads(text)
        return Response({"group_by": group_by, "results": results})


@extend_schema(
    summary="The co-participation network",
    description="Actors (nodes) tied by the meetings they took part in together, in any "
    "role (edges, weighted by the number of shared meetings). Filter the meetings with "
    "`date_from`/`date_to` (overlap), `topic` and `kind`. `format=gexf` (GEXF 1.3, for "
    "Gephi) and `format=graphml` return the same graph as a file; errors are always JSON.",
    filters=True,  # one aggregate, not a list: spectacular would not look for filters
    parameters=[
        OpenApiParameter(
            "format",
            str,
            enum=["json", "gexf", "graphml"],
            description="json (default), gexf (GEXF 1.3) or graphml.",
        )
    ],
    responses={
        (200, "application/json"): OpenApiResponse(
            serializers.NetworkSerializer, description="Nodes and edges of the network."
        ),
        (200, GEXFRenderer.media_type): OpenApiResponse(
            OpenApiTypes.STR, description="The network as a GEXF 1.3 document."
        ),
        (200, GraphMLRenderer.media_type): OpenApiResponse(
            OpenApiTypes.STR, description="The network as a GraphML document."
        ),
        (400, "application/json"): BAD_QUERY,
    },
)
class NetworkView(CacheHeadersMixin, GraphFormatsMixin, generics.GenericAPIView):
    """Who met whom: the co-participation network of the selected meetings."""

    queryset = Meeting.objects.all()
    serializer_class = serializers.NetworkSerializer
    filterset_class = filtersets.NetworkFilterSet
    pagination_class = None
    aggregate_filters = True  # the browsable API's "Filters" form

    def get(self, request: Request) -> Response:
        network = build_network(self.filter_queryset(self.get_queryset()))
        return Response(self.get_serializer(network).data)
