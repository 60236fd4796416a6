"""The HTML pages around the API: the landing page, the explorer, the dataset's
citation file and the health check."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.generic import TemplateView

from events.models import Actor, Incident, Meeting, Statement


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
