"""Exports: every record matching a list's filters as CSV or GeoJSON, and the whole
dataset as JSON Lines.

`?format=csv` (or `Accept: text/csv`) on a list answers every matching record, not one
page: the pagination parameters are ignored. The rows are read from the database in
chunks (`QuerySet.iterator`, prefetching each chunk) and written to a streamed response
as they are serialised, so memory stays flat however large the export. GeoJSON
(`?format=geojson`, `Accept: application/geo+json`) works the same way on lists whose
records have a place; each record is a Feature whose properties are its JSON form.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import orjson
from django.db import connections
from django.db.models import Model, QuerySet
from django.http import HttpRequest, StreamingHttpResponse
from drf_spectacular.plumbing import is_serializer
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema_serializer
from rest_framework import serializers
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer
from rest_framework.settings import api_settings

from events.api.openapi import ParleyAutoSchema
from events.api.renderers import (
    BOM_PARAMETER,
    CSVRenderer,
    ExportRenderer,
    GeoJSONRenderer,
    csv_bom,
    csv_chunks,
    feature_collection_chunks,
    serializer_columns,
)

if TYPE_CHECKING:
    pass

EXPORT_CHUNK_SIZE = 500
EXPORT_METHODS = frozenset({"GET", "HEAD"})
# Actions whose records can be turned into GeoJSON features.
GEOJSON_ACTIONS = frozenset({"list", "retrieve"})


# --- Records -------------------------------------------------------------------------


def serialized_records(
    queryset: QuerySet, serializer: BaseSerializer, chunk_size: int = EXPORT_CHUNK_SIZE
) -> Iterator[tuple[Model, dict[str, Any]]]:
    """Each record with its API representation, read `chunk_size` rows at a time.

    `iterator(chunk_size=...)` runs the queryset's prefetches once per chunk, so the
    number of queries grows with the number of chunks, never with the number of rows.
    """
    for instance in queryset.iterator(chunk_size=chunk_size):
        yield instance, serializer.to_representation(instance)


def point(longitude: Any, latitude: Any) -> dict[str, Any] | None:
    """A GeoJSON Point [longitude, latitude]; None when a coordinate is unknown."""
    if longitude is None or latitude is None:
        return None
    return {"type": "Point", "coordinates": [float(longitude), float(latitude)]}


def feature(
    feature_id: Any, properties: Mapping[str, Any] | orjson.Fragment, geometry: Any
) -> dict[str, Any]:
    """A GeoJSON Feature: the record's place as geometry, its JSON form as properties
    (a dict, or stored JSON spliced in as it is)."""
    return {
        "type": "Feature",
        "id": str(feature_id),
        "geometry": geometry,
        "properties": properties,
    }


def place_geometry(place: Any) -> dict[str, Any] | None:
    """A place's Point; None without a place."""
    return None if place is None else point(place.longitude, place.latitude)


def without_format_parameter(request: Request) -> HttpRequest:
    """The request minus `?format=`, for building record links in exported files.

    DRF copies `format` into every hyperlink; an exported file should link each record
    to its canonical URL, as the JSON answer does. The link fields only read the URL
    parts and the query string of the request they are given.
    """
    plain = copy.copy(request._request)
    query = plain.GET.copy()
    query.pop(api_settings.URL_FORMAT_OVERRIDE, None)
    plain.GET = query
    return plain


# --- OpenAPI -------------------------------------------------------------------------
# The GeoJSON serializers only describe the answers in the schema; nothing uses them
# to serialise.


class GeoJSONPointSerializer(serializers.Serializer):
    """A GeoJSON Point."""

    type = serializers.CharField(help_text='Always "Point".')
    coordinates = serializers.ListField(
        child=serializers.FloatField(),
        min_length=2,
        max_length=2,
        help_text="[longitude, latitude] in decimal degrees (WGS 84).",
    )


class GeoJSONFeatureSerializer(serializers.Serializer):
    """One record as a GeoJSON Feature."""

    type = serializers.CharField(help_text='Always "Feature".')
    id = serializers.CharField(
        help_text="The record's id, as a string (`<type>-<id>` on the /events/ timeline)."
    )
    geometry = GeoJSONPointSerializer(
        allow_null=True, help_text="Where the event took place; null when unknown."
    )
    properties = serializers.DictField(help_text="The record, as in the JSON answer.")


@extend_schema_serializer(many=False)
class GeoJSONFeatureCollectionSerializer(serializers.Serializer):
    """Every record matching the filters, as a GeoJSON FeatureCollection."""

    type = serializers.CharField(help_text='Always "FeatureCollection".')
    features = GeoJSONFeatureSerializer(many=True)


class ExportSchema(ParleyAutoSchema):
    """Documents the `format` parameter and the CSV/GeoJSON answers of `ExportMixin` views.

    The formats are read from the view's renderers, so the schema follows
    `geojson_place_field` without any per-view declaration.
    """

    EXPORT_NOTES: Mapping[str, str] = {
        CSVRenderer.format: "CSV: a header row, then one row per record and one column per "
        "field; embedded records as slugs (`slug (role)` for actors with a role), lists "
        "joined with `; `, citations as `source: quote` "
        "(`source [date, place; disagrees]: quote` when the citation lists the fields it "
        "supports or disagrees) joined with ` | `.",
        GeoJSONRenderer.format: "GeoJSON: a FeatureCollection (a Feature for one record) "
        "whose geometry is the place's Point [longitude, latitude], or null where unknown, "
        "and whose properties are the JSON record.",
    }

    def export_renderers(self) -> list[ExportRenderer]:
        return [r for r in self.view.get_renderers() if isinstance(r, ExportRenderer)]

    def list_note(self) -> str:
        formats = " or ".join(f"`format={r.format}`" for r in self.export_renderers())
        return (
            f"With {formats} (or the matching `Accept` header) the list answers every record "
            "matching the filters as one streamed file: `page` and `page_size` are ignored."
        )

    def export_response(self, renderer: ExportRenderer) -> Any:
        if isinstance(renderer, GeoJSONRenderer):
            if self.view.action == "list":
                return GeoJSONFeatureCollectionSerializer
            return GeoJSONFeatureSerializer
        return OpenApiTypes.STR

    def map_renderers(self, attribute: str) -> list[Any]:
        # Export formats are documented explicitly (get_response_serializers, or
        # _get_response_bodies for an action declaring its own responses), never with the
        # JSON schema of the answer.
        found = super().map_renderers(attribute)
        if attribute != "media_type":
            return found
        exported = {renderer.media_type for renderer in self.export_renderers()}
        return [media_type for media_type in found if media_type not in exported]

    def get_description(self) -> str:
        """What each other format holds, in the operation's description: the typed 200 is
        JSON only (events.api.openapi.json_only_answers)."""
        renderers = self.export_renderers()
        notes = [self.EXPORT_NOTES[renderer.format] for renderer in renderers]
        if renderers and self.view.action == "list":
            notes.insert(0, self.list_note())
        return "\n\n".join(part for part in (super().get_description(), " ".join(notes)) if part)

    def get_response_serializers(self) -> Any:
        serializer = super().get_response_serializers()
        renderers = self.export_renderers()
        if not renderers or not is_serializer(serializer):
            return serializer
        responses: dict[tuple[int, str], Any] = {(200, JSONRenderer.media_type): serializer}
        for renderer in renderers:
            responses[(200, renderer.media_type)] = self.export_response(renderer)
        return responses

    def _get_response_bodies(self, direction: str = "response") -> dict[str, Any]:
        # An action declaring its own responses (`history`, `events`, `network`) bypasses
        # get_response_serializers, yet answers every export format it offers all the same.
        responses = super()._get_response_bodies(direction)
        content = responses.get("200", {}).get("content")
        if direction == "response" and content is not None:
            for renderer in self.export_renderers():
                if renderer.media_type not in content:
                    answer = self._get_response_for_code(
                        self.export_response(renderer), "200", [renderer.media_type], direction
                    )
                    content.update(answer["content"])
        return responses

    def get_override_parameters(self) -> list[Any]:
        parameters = list(super().get_override_parameters())
        renderers = self.export_renderers()
        if renderers:
            description = "Response format; the `Accept` header works too."
            if self.view.action == "list":
                description += " " + self.list_note()
            parameters.append(
                OpenApiParameter(
                    "format",
                    OpenApiTypes.STR,
                    OpenApiParameter.QUERY,
                    enum=["json", *(renderer.format for renderer in renderers)],
                    description=description,
                )
            )
        if any(isinstance(renderer, CSVRenderer) for renderer in renderers):
            parameters.append(
                OpenApiParameter(
                    BOM_PARAMETER,
                    OpenApiTypes.BOOL,
                    OpenApiParameter.QUERY,
                    description="CSV only: start the file with a UTF-8 byte order mark, so "
                    "that Excel reads it as UTF-8 (`Chișinău`, not `ChiÈ™inÄƒu`).",
                )
            )
        return parameters


# --- The list mixin ------------------------------------------------------------------


class ExportListMixin:
    """Adds CSV and, for records with a place, GeoJSON to a list viewset.

    Set `geojson_place_field` to the name of the record's `Place` foreign key to offer
    GeoJSON; without it `?format=geojson` answers 400 naming `format`. Writes answer
    JSON only.
    """

    geojson_place_field: str | None = None
    export_chunk_size: int = EXPORT_CHUNK_SIZE
    schema = ExportSchema()

    # Provided by GenericViewSet.
    action: str | None
    request: Request
    get_serializer: Callable[..., BaseSerializer]
    get_queryset: Callable[[], QuerySet]
    filter_queryset: Callable[[QuerySet], QuerySet]
    get_object: Callable[[], Model]

    def get_renderers(self) -> list[BaseRenderer]:
        renderers = super().get_renderers()  # type: ignore[misc]
        request = getattr(self, "request", None)
        if request is None or request.method not in EXPORT_METHODS:
            return [r for r in renderers if not isinstance(r, ExportRenderer)]
        if self.geojson_place_field and self.action in GEOJSON_ACTIONS:
            renderers.append(GeoJSONRenderer())
        return renderers

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()  # type: ignore[misc]
        if isinstance(getattr(self.request, "accepted_renderer", None), ExportRenderer):
            context["request"] = without_format_parameter(self.request)
        return context

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response | StreamingHttpResponse:
        renderer = request.accepted_renderer
        if isinstance(renderer, CSVRenderer):
            return self.export_csv()
        if isinstance(renderer, GeoJSONRenderer):
            return self.export_geojson()
        return super().list(request, *args, **kwargs)  # type: ignore[misc]

    def export_queryset(self) -> QuerySet:
        """Every record matching the filters.

        The filters are applied (and validated) here, before the response starts, so a
        bad filter still answers a 400 in JSON; only the reading of rows is streamed.
        """
        queryset = self.filter_queryset(self.get_queryset())
        # An export ignores `page` and `page_size`, but a malformed one is still a 400.
        check_pagination = getattr(self.paginator, "check_query_parameters", None)
        if check_pagination is not None:
            check_pagination(self.request)
        return queryset

    def export_records(self) -> Iterator[tuple[Model, dict[str, Any]]]:
        """Every record matching the filters with its API representation, lazily."""
        return serialized_records(
            self.export_queryset(), self.get_serializer(), self.export_chunk_size
        )

    def export_rows(self) -> Iterator[Mapping[str, Any]]:
        """The representations alone (CSV), stored ones where the view has them."""
        stored = getattr(self, "stored", None)
        if stored is None:
            return (record for _, record in self.export_records())
        return stored.stream(self.export_queryset(), self.request, self.export_chunk_size)

    def export_feature(self, instance: Model, record: Mapping[str, Any]) -> dict[str, Any]:
        place = getattr(instance, self.geojson_place_field) if self.geojson_place_field else None
        return feature(self.feature_id(instance), record, place_geometry(place))

    def feature_id(self, instance: Model) -> Any:
        """The Feature's `id`: the record's public id."""
        return instance.pk

    def export_csv(self) -> StreamingHttpResponse:
        columns = serializer_columns(self.get_serializer())
        bom = csv_bom(self.request.query_params)
        return self.streamed(csv_chunks(columns, self.export_rows(), bom), CSVRenderer)

    def export_geojson(self) -> StreamingHttpResponse:
        stored = getattr(self, "stored", None)
        if stored is None:
            records = self.export_records()
            features = (self.export_feature(instance, record) for instance, record in records)
        else:  # stored JSON as each Feature's properties, spliced in undecoded
            located = stored.located(self.export_queryset(), self.request, self.export_chunk_size)
            features = (
                feature(row.key, row.properties, point(row.longitude, row.latitude))
                for row in located
            )
        return self.streamed(feature_collection_chunks(features), GeoJSONRenderer)

    def export_filename(self, renderer: type[ExportRenderer]) -> str:
        meta = self.get_queryset().model._meta
        return f"{meta.verbose_name_plural}.{renderer.format}".replace(" ", "-")

    def streamed(
        self, chunks: Iterator[str], renderer: type[ExportRenderer]
    ) -> StreamingHttpResponse:
        # The body is read after the headers are sent: make sure the database answers
        # first, so an outage is a 503 (events.api.exceptions), not a truncated 200.
        connections[self.get_queryset().db].ensure_connection()
        content_type = renderer.media_type
        if renderer.charset:
            content_type += f"; charset={renderer.charset}"
        response = StreamingHttpResponse(
            (chunk.encode("utf-8") for chunk in chunks), content_type=content_type
        )
        response["Content-Disposition"] = f'attachment; filename="{self.export_filename(renderer)}"'
        return response


class ExportMixin(ExportListMixin):
    """`ExportListMixin` for a viewset with details too: one record as a GeoJSON Feature."""

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        if isinstance(request.accepted_renderer, GeoJSONRenderer):
            instance = self.get_object()
            return Response(self.export_feature(instance, self.get_serializer(instance).data))
        return super().retrieve(request, *args, **kwargs)  # type: ignore[misc]
