"""API views: declarations of queryset, serializers and filters; the shaping lives in
the models' querysets, the rules in the serializers."""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.generic import TemplateView
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import generics, mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from . import examples, filters, serializers
from .exports import ExportListMixin, ExportMixin
from .graph_formats import GEXFRenderer, GraphFormatsMixin, GraphMLRenderer
from .history import RestoreError, restore
from .models import (
    Actor,
    Incident,
    Meeting,
    Place,
    Revision,
    RevisionAction,
    RevisionVia,
    Source,
    Statement,
    TimelineEntry,
    Tombstone,
    Topic,
)
from .network import actor_network, build_network
from .pagination import TimelineCursorPagination
from .renderers import CSVRenderer
from .revisions import public_key, record_revision, snapshot_of
from .rows import (
    INCIDENT_ROWS,
    MEETING_ROWS,
    STATEMENT_ROWS,
    TIMELINE_ROWS,
    RowShape,
    TimelineShape,
)
from .stats import event_counts
from .sync import LastModifiedMixin, check_if_match, record_etag
from .timeline import refresh_timeline_for

SLUG_PATTERN = r"[-a-zA-Z0-9_]+"
ID_PATTERN = r"[0-9]+"

BAD_QUERY = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description="An unknown query parameter or an invalid value: the body maps each "
    "offending parameter to its messages.",
)


class RowListMixin:
    """List pages built from `.values()` rows by `row_shape` (events/rows.py) rather than
    by the serializer: the same JSON for a fraction of the CPU. The serializer still
    documents the schema and handles everything else."""

    row_shape: RowShape | TimelineShape

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        queryset = self.filter_queryset(self.get_queryset())
        page = self.row_shape.page(queryset, self.paginate_queryset, request)
        return self.get_paginated_response(page)


class ReadWriteViewSet(LastModifiedMixin, viewsets.ModelViewSet):
    """Reads with `serializer_class`, writes with `write_serializer_class`, and always
    answers with the read representation so clients see one shape per resource."""

    write_serializer_class: type[BaseSerializer]

    def get_write_serializer(self, *args: Any, **kwargs: Any) -> BaseSerializer:
        return self.write_serializer_class(*args, context=self.get_serializer_context(), **kwargs)

    def current_etag(self, instance: Any) -> str:
        return record_etag(type(instance), public_key(instance), instance.updated_at)

    def locked_for_write(self) -> Any:
        """The record to change, after checking If-Match against its current version;
        the row stays locked until the transaction ends, so two writers cannot both pass."""
        instance = self.get_object()
        latest = type(instance).objects.select_for_update().get(pk=instance.pk)
        check_if_match(self.request, self.current_etag(latest))
        return instance

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

    def _save(self, serializer: BaseSerializer, action: str) -> Any:
        serializer.is_valid(raise_exception=True)
        with transaction.atomic():
            instance = serializer.save()
            refresh_timeline_for(instance)
            record_revision(instance, action, RevisionVia.API, self.request.user)
        return instance

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        instance = self._save(self.get_write_serializer(data=request.data), RevisionAction.CREATED)
        return self._read_response(instance.pk, status.HTTP_201_CREATED)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        with transaction.atomic():
            self.perform_destroy(self.locked_for_write())
        return Response(status=status.HTTP_204_NO_CONTENT)

    def perform_destroy(self, instance: Any) -> None:
        with transaction.atomic():  # no revision if the database refuses the deletion
            record_revision(
                instance,
                RevisionAction.DELETED,
                RevisionVia.API,
                self.request.user,
                snapshot=snapshot_of(instance),
            )
            instance.delete()

    @extend_schema(
        tags=["history"],
        summary="The record's history",
        description="Every change to this record, newest first: who made it, when, through "
        "what (api, admin, load_curated) and which fields changed.",
        responses=serializers.RevisionSerializer(many=True),
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
        return self.get_paginated_response(serializers.RevisionSerializer(page, many=True).data)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        partial = kwargs.pop("partial", False)
        with transaction.atomic():
            serializer = self.get_write_serializer(
                self.locked_for_write(), data=request.data, partial=partial
            )
            instance = self._save(serializer, RevisionAction.UPDATED)
        return self._read_response(instance.pk, status.HTTP_200_OK)


def curated_example(record: dict[str, Any]) -> OpenApiExample:
    name = re.sub(r"[^A-Za-z0-9 -]", "", record.get("title") or record["name"])
    return OpenApiExample(name, value=record, response_only=True)


def write_schema(
    write: type[BaseSerializer],
    read: type[BaseSerializer],
    tag: str,
    example: dict[str, Any] | None = None,
) -> Any:
    """Document request bodies as the write serializer and responses as the read one,
    with a record from the curated data as the example answer."""
    examples = [curated_example(example)] if example else []
    return extend_schema_view(
        list=extend_schema(tags=[tag], examples=examples),
        retrieve=extend_schema(tags=[tag], examples=examples),
        destroy=extend_schema(tags=[tag]),
        create=extend_schema(tags=[tag], request=write, responses={201: read}),
        update=extend_schema(tags=[tag], request=write, responses={200: read}),
        partial_update=extend_schema(tags=[tag], request=write, responses={200: read}),
    )


class SlugLookupMixin:
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN


@write_schema(
    serializers.ActorWriteSerializer,
    serializers.ActorSerializer,
    "reference",
    examples.ACTOR,
)
class ActorViewSet(ExportMixin, SlugLookupMixin, ReadWriteViewSet):
    """People, states, organisations and groups. `search` matches names and aliases."""

    queryset = Actor.objects.for_api()
    serializer_class = serializers.ActorSerializer
    write_serializer_class = serializers.ActorWriteSerializer
    filterset_class = filters.ActorFilterSet

    @extend_schema(
        tags=["research"],
        summary="An actor's timeline",
        description="Every meeting, statement and incident involving the actor, in any role; "
        "the same filters and cursor pagination as `/events/`.",
        responses=serializers.TimelineItemSerializer(many=True),
    )
    @action(
        detail=True,
        queryset=TimelineEntry.objects.all(),  # the action lists timeline rows, not actors
        filterset_class=filters.TimelineOrderingFilterSet,
        pagination_class=TimelineCursorPagination,
        serializer_class=serializers.TimelineItemSerializer,
    )
    def events(self, request: Request, slug: str) -> Response | StreamingHttpResponse:
        get_object_or_404(Actor, slug=slug)
        if isinstance(request.accepted_renderer, CSVRenderer):
            return self.export_csv()  # every matching row, like the other lists
        queryset = self.filter_queryset(self.get_queryset())
        page = TIMELINE_ROWS.page(queryset, self.paginate_queryset, request)
        return self.get_paginated_response(page)

    def record_types(self) -> tuple[str, ...]:
        if self.action == "events":  # its Last-Modified is the timeline's
            return TimelineViewSet.sync_record_types
        return super().record_types()

    def get_queryset(self) -> Any:
        queryset = super().get_queryset()
        if self.action == "events":  # the action's queryset is the timeline
            return queryset.filter(actors__slug=self.kwargs["slug"])
        return queryset

    @extend_schema(
        tags=["research"],
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
        filterset_class=filters.NetworkFilterSet,
        pagination_class=None,
        serializer_class=serializers.ActorNetworkEntrySerializer,
    )
    def network(self, request: Request, slug: str) -> Response:
        actor = get_object_or_404(Actor, slug=slug)
        counterparts = actor_network(actor, self.filter_queryset(self.get_queryset()))
        return Response(self.get_serializer(counterparts, many=True).data)


@write_schema(serializers.PlaceWriteSerializer, serializers.PlaceSerializer, "reference")
class PlaceViewSet(ExportMixin, SlugLookupMixin, ReadWriteViewSet):
    """Places of meetings and incidents. `search` matches names and aliases."""

    queryset = Place.objects.for_api()
    serializer_class = serializers.PlaceSerializer
    write_serializer_class = serializers.PlaceWriteSerializer
    filterset_class = filters.PlaceFilterSet


@write_schema(serializers.TopicSerializer, serializers.TopicSerializer, "reference")
class TopicViewSet(ExportMixin, SlugLookupMixin, ReadWriteViewSet):
    """The controlled vocabulary events are tagged with."""

    queryset = Topic.objects.all()
    serializer_class = serializers.TopicSerializer
    write_serializer_class = serializers.TopicSerializer
    filterset_class = filters.TopicFilterSet


@write_schema(serializers.SourceSerializer, serializers.SourceSerializer, "reference")
class SourceViewSet(ExportMixin, SlugLookupMixin, ReadWriteViewSet):
    """Documents the facts are taken from."""

    queryset = Source.objects.all()
    serializer_class = serializers.SourceSerializer
    write_serializer_class = serializers.SourceSerializer
    filterset_class = filters.SourceFilterSet


class EventViewSet(RowListMixin, ReadWriteViewSet):
    lookup_value_regex = ID_PATTERN


@write_schema(
    serializers.MeetingWriteSerializer,
    serializers.MeetingSerializer,
    "events",
    examples.MEETING,
)
class MeetingViewSet(ExportMixin, EventViewSet):
    """Diplomatic encounters: talks, calls, summits, commission sessions, held or planned."""

    queryset = Meeting.objects.for_api()
    serializer_class = serializers.MeetingSerializer
    row_shape = MEETING_ROWS
    write_serializer_class = serializers.MeetingWriteSerializer
    filterset_class = filters.MeetingFilterSet
    geojson_place_field = "place"


@write_schema(
    serializers.StatementWriteSerializer,
    serializers.StatementSerializer,
    "events",
    examples.STATEMENT,
)
class StatementViewSet(ExportMixin, EventViewSet):
    """What actors said: direct quotes, paraphrases, readouts and announcements."""

    queryset = Statement.objects.for_api()
    serializer_class = serializers.StatementSerializer
    row_shape = STATEMENT_ROWS
    write_serializer_class = serializers.StatementWriteSerializer
    filterset_class = filters.StatementFilterSet


@write_schema(
    serializers.IncidentWriteSerializer,
    serializers.IncidentSerializer,
    "events",
    examples.INCIDENT,
)
class IncidentViewSet(ExportMixin, EventViewSet):
    """Events on the ground: clashes, casualties, checkpoints, blockades, wars, ceasefires."""

    queryset = Incident.objects.for_api()
    serializer_class = serializers.IncidentSerializer
    row_shape = INCIDENT_ROWS
    write_serializer_class = serializers.IncidentWriteSerializer
    filterset_class = filters.IncidentFilterSet
    geojson_place_field = "place"


@extend_schema_view(
    list=extend_schema(
        tags=["research"],
        examples=[curated_example(examples.TIMELINE_ITEM)],
        summary="The unified timeline",
        description="Meetings, statements and incidents in one feed, newest first, with "
        "cursor pagination (follow `next`). Each item links to its full record.",
    )
)
class TimelineViewSet(
    ExportListMixin, RowListMixin, LastModifiedMixin, mixins.ListModelMixin, viewsets.GenericViewSet
):
    """Meetings, statements and incidents in one feed."""

    sync_record_types = ("meeting", "statement", "incident")
    queryset = TimelineEntry.objects.select_related("place")  # the place for GeoJSON
    serializer_class = serializers.TimelineItemSerializer
    row_shape = TIMELINE_ROWS
    filterset_class = filters.TimelineOrderingFilterSet
    pagination_class = TimelineCursorPagination
    geojson_place_field = "place"

    def feature_id(self, instance: TimelineEntry) -> str:
        return f"{instance.event_type}-{instance.event_id}"


class StatsView(generics.GenericAPIView):
    """Aggregates of the timeline."""

    queryset = TimelineEntry.objects.all()
    serializer_class = serializers.StatsSerializer
    filterset_class = filters.StatsFilterSet
    pagination_class = None

    @extend_schema(
        tags=["research"],
        summary="Event counts for plotting",
        description="Counts of meetings, statements and incidents grouped by `group_by`, "
        "after the same filters as `/events/`. Months and years use each event's `date` "
        "(its first day), whatever its precision.",
        filters=True,  # one aggregate, not a list: spectacular would not look for filters
    )
    def get(self, request: Request) -> Response:
        entries = self.filter_queryset(self.get_queryset())  # validates group_by too
        group_by = request.query_params.get("group_by") or "month"
        return Response({"group_by": group_by, "results": event_counts(entries, group_by)})


@extend_schema(
    tags=["research"],
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
class NetworkView(GraphFormatsMixin, generics.GenericAPIView):
    """Who met whom: the co-participation network of the selected meetings."""

    queryset = Meeting.objects.all()
    serializer_class = serializers.NetworkSerializer
    filterset_class = filters.NetworkFilterSet
    pagination_class = None

    def get(self, request: Request) -> Response:
        network = build_network(self.filter_queryset(self.get_queryset()))
        return Response(self.get_serializer(network).data)


@extend_schema_view(
    list=extend_schema(
        tags=["research"],
        summary="Deleted records, for clients that mirror the data",
        description="One entry per deleted record, oldest first. Poll with "
        "`deleted_since` set to the time of your last sync and delete these records.",
    )
)
class DeletionViewSet(ExportListMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """The deletions feed (tombstones)."""

    queryset = Tombstone.objects.order_by("deleted_at", "id")
    serializer_class = serializers.DeletionSerializer
    filterset_class = filters.DeletionFilterSet


@extend_schema_view(
    list=extend_schema(
        tags=["history"],
        summary="Every change to the curated records",
        description="Newest first. Filter by `type` and `key` for one record — including a "
        "deleted one, whose last revision (`deleted`) holds the record as it was.",
    ),
    retrieve=extend_schema(tags=["history"], summary="One revision"),
)
class HistoryViewSet(viewsets.ReadOnlyModelViewSet):
    """Revisions of curated records, and restoring a deleted one."""

    queryset = Revision.objects.select_related("user")
    serializer_class = serializers.RevisionSerializer
    filterset_class = filters.RevisionFilterSet
    lookup_value_regex = ID_PATTERN

    @extend_schema(
        tags=["history"],
        summary="Restore a deleted record",
        description="Loads the record back from the snapshot of its `deleted` revision, with "
        "the same id or slug. Needs a staff user allowed to add records of that type. "
        "400 if the revision is not a deletion, the record exists again, or something it "
        "refers to is gone.",
        request=None,
        responses={201: serializers.RevisionSerializer},
        filters=False,
    )
    @action(detail=True, methods=["post"], filterset_class=None)
    def restore(self, request: Request, pk: str) -> Response:
        revision = self.get_object()
        if not request.user.has_perm(f"events.add_{revision.record_type}"):
            raise PermissionDenied("You may not add records of this type.")
        try:
            record = restore(revision, request.user)
        except RestoreError as exc:
            raise ValidationError(exc.problems) from exc
        restored = Revision.objects.filter(
            record_type=revision.record_type, key=public_key(record)
        ).first()
        return Response(
            serializers.RevisionSerializer(restored).data, status=status.HTTP_201_CREATED
        )


def home(request: HttpRequest) -> HttpResponse:
    """A landing page for people who open the API's address in a browser."""
    counts = {
        "meetings": Meeting.objects.count(),
        "statements": Statement.objects.count(),
        "incidents": Incident.objects.count(),
        "actors": Actor.objects.count(),
    }
    return render(request, "events/home.html", {"counts": counts})


def citation(request: HttpRequest) -> HttpResponse:
    """The dataset's citation metadata (CITATION.cff from the repository)."""
    path = settings.BASE_DIR / "CITATION.cff"
    if not path.is_file():
        raise Http404("No citation file.")
    return HttpResponse(path.read_text(encoding="utf-8"), content_type="text/plain; charset=utf-8")


def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and database check for load balancers and monitors."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


class ExplorerView(TemplateView):
    """The explorer (/explore/, /explore/network/, /explore/map/): a page whose scripts
    draw the public API's answers; the filters live in the page's query string."""

    template_name = "events/explore.html"
    view = "timeline"
    titles = {"timeline": "Timeline", "network": "Network", "map": "Map"}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["view"] = self.view
        context["title"] = self.titles[self.view]
        return context
