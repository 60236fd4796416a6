from django.urls import path
from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
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
