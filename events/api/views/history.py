"""Deletions and history: what changed, for clients that mirror the data and for
readers who want to know who changed what; restoring a deleted record."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from events import services
from events.api import filtersets, serializers
from events.api.conditional import CacheHeadersMixin
from events.api.exports import ExportListMixin
from events.api.views.base import ID_PATTERN
from events.models import Revision, RevisionVia, Tombstone
from events.registry import public_key


@extend_schema_view(
    list=extend_schema(
        summary="Deleted records, for clients that mirror the data",
        description="One entry per deleted record, oldest first. Poll with "
        "`deleted_since` set to the time of your last sync and delete these records.",
    )
)
class DeletionViewSet(
    CacheHeadersMixin, ExportListMixin, mixins.ListModelMixin, viewsets.GenericViewSet
):
    """The deletions feed (tombstones)."""

    queryset = Tombstone.objects.order_by("deleted_at", "id")
    serializer_class = serializers.DeletionSerializer
    filterset_class = filtersets.DeletionFilterSet


@extend_schema_view(
    list=extend_schema(
        summary="Every change to the curated records",
        description="Newest first. Filter by `type` and `key` for one record — including a "
        "deleted one, whose last revision (`deleted`) holds the record as it was.",
    ),
    retrieve=extend_schema(summary="One revision"),
)
class HistoryViewSet(CacheHeadersMixin, viewsets.ReadOnlyModelViewSet):
    """Revisions of curated records, and restoring a deleted one."""

    queryset = Revision.objects.select_related("user")
    serializer_class = serializers.RevisionSerializer
    filterset_class = filtersets.RevisionFilterSet
    lookup_value_regex = ID_PATTERN

    @extend_schema(
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
            record = services.restore(revision, via=RevisionVia.API, user=request.user)
        except services.RestoreError as exc:
            raise ValidationError(exc.problems) from exc
        restored = Revision.objects.filter(
            record_type=revision.record_type, key=public_key(record)
        ).first()
        return Response(
            serializers.RevisionSerializer(restored, context=self.get_serializer_context()).data,
            status=status.HTTP_201_CREATED,
        )
