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

urlpatterns = router.urls
