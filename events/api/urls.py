from collections.abc import Callable
from typing import Any

from django.urls import path, re_path
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import APIRootView, DefaultRouter
from rest_framework.viewsets import GenericViewSet

from events.api.conditional import CacheHeadersMixin
from events.api.views import history, records, research
from events.api.views.base import SLUG_PATTERN
from events.registry import RECORD_TYPES

# The endpoint of each record type (events.registry), in the registry's order.
RECORD_VIEWSETS: dict[str, type[GenericViewSet]] = {
    "topic": records.TopicViewSet,
    "source": records.SourceViewSet,
    "place": records.PlaceViewSet,
    "actor": records.ActorViewSet,
    "meeting": records.MeetingViewSet,
    "statement": records.StatementViewSet,
    "incident": records.IncidentViewSet,
}

RESOURCE_DESCRIPTIONS = {
    **{kind.plural: kind.description for kind in RECORD_TYPES},
    "events": "One timeline of meetings, statements and incidents (cursor-paginated).",
    "deletions": "Deleted records, for applications that keep a copy in sync.",
    "history": "Every change to a curated record: who, when, how, what; restore deletions.",
    "network": "Who met whom: the co-participation graph (JSON, GEXF, GraphML).",
    "stats": "Event counts by month, year, type, actor, topic or country.",
}


class DescribedRootView(CacheHeadersMixin, APIRootView):
    """The API root: each resource's URL with a one-line description."""

    def get_view_name(self) -> str:
        return "Parley API"

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().get(request, *args, **kwargs)
        response.data = {
            name: {"url": url, "description": RESOURCE_DESCRIPTIONS.get(name, "")}
            for name, url in response.data.items()
        }
        return response


class ParleyRouter(DefaultRouter):
    """The API root also lists the research views that are not viewsets."""

    APIRootView = DescribedRootView
    extra_root_links = {"network": "network", "stats": "stats"}

    def get_api_root_view(self, api_urls: Any = None) -> Callable:
        root = {
            prefix: self.routes[0].name.format(basename=basename)
            for prefix, _viewset, basename in self.registry
        }
        return self.APIRootView.as_view(api_root_dict={**root, **self.extra_root_links})


router = ParleyRouter()
for kind in RECORD_TYPES:
    router.register(kind.plural, RECORD_VIEWSETS[kind.name])
router.register("events", research.TimelineViewSet, basename="event")
router.register("deletions", history.DeletionViewSet, basename="deletion")
router.register("history", history.HistoryViewSet, basename="revision")

urlpatterns = [
    re_path(
        rf"^actors/(?P<slug>{SLUG_PATTERN})/events/$",
        research.ActorTimelineViewSet.as_view({"get": "list"}),
        name="actor-events",
    ),
    *router.urls,
    path("stats/", research.StatsView.as_view(), name="stats"),
    path("network/", research.NetworkView.as_view(), name="network"),
]
