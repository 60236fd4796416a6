"""Parley URLs: the API under /api/v1/, its schema and docs, the admin, /healthz."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerView,
)

from events.pages.login import answers_429_when_throttled, api_login
from events.pages.views import ExplorerView, citation, healthz, home

urlpatterns = [
    path("", home, name="home"),
    path("citation.cff", citation, name="citation"),
    path("explore/", ExplorerView.as_view(view="timeline"), name="explore"),
    path("explore/network/", ExplorerView.as_view(view="network"), name="explore-network"),
    path("explore/map/", ExplorerView.as_view(view="map"), name="explore-map"),
    path("api/v1/", include("events.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="schema"), name="redoc"),
    # The two sign-in pages, rate-limited (events/pages/login.py); logout etc. as usual.
    path("api-auth/login/", api_login),
    path("api-auth/", include("rest_framework.urls")),
    path("admin/login/", answers_429_when_throttled(admin.site.login)),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
]

handler400 = "events.api.exceptions.json_bad_request"
handler403 = "events.api.exceptions.json_forbidden"
handler404 = "events.api.exceptions.json_not_found"
handler500 = "events.api.exceptions.json_server_error"
