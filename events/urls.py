from collections.abc import Callable
from typing import Any

from django.urls import path
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import APIRootView, DefaultRouter

from . import views

RESOURCE_DESCRIPTIONS = {
    "actors": "People, states, organisations and groups, with aliases, roles and identifiers.",
    "places": "Where meetings and incidents happened, with coordinates and aliases.",
    "topics": "The controlled vocabulary events are tagged with.",
    "sources": "The documents every fact is quoted from.",
    "meetings": "Diplomatic encounters, held or planned, with participants and their roles.",
    "statements": "What actors said: direct quotes, paraphrases, readouts, announcements.",
    "incidents": "Events on the ground: clashes, casualties, checkpoints, blockades, wars.",
    "events": "One timeline of meetings, statements and incidents (cursor-paginated).",
    "deletions": "Deleted records, for applications that keep a copy in sync.",
    "history": "Every change to a curated record: who, when, how, what; restore deletions.",
    "network": "Who met whom: the co-participation graph (JSON, GEXF, GraphML).",
    "stats": "Event counts by month, year, type, actor, topic or country.",
}


class DescribedRootView(APIRootView):
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
router.register("actors", views.ActorViewSet)
router.register("places", views.PlaceViewSet)
router.register("topics", views.TopicViewSet)
router.register("sources", views.SourceViewSet)
router.register("meetings", views.MeetingViewSet)
router.register("statements", views.StatementViewSet)
router.register("incidents", views.IncidentViewSet)
router.register("events", views.TimelineViewSet, basename="event")
router.register("deletions", views.DeletionViewSet, basename="deletion")
router.register("history", views.HistoryViewSet, basename="revision")

urlpatterns = [
    *router.urls,
    path("stats/", views.StatsView.as_view(), name="stats"),
    path("network/", views.NetworkView.as_view(), name="network"),
]
