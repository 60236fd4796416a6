from collections.abc import Callable
from typing import Any

from django.urls import path
from rest_framework.routers import DefaultRouter

from . import views


class ParleyRouter(DefaultRouter):
    """The API root also lists the research views that are not viewsets."""

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

urlpatterns = [
    *router.urls,
    path("stats/", views.StatsView.as_view(), name="stats"),
    path("network/", views.NetworkView.as_view(), name="network"),
]
