"""Content negotiation that answers 400 for an unknown `format`, not a bare 404."""

from __future__ import annotations

from rest_framework.exceptions import ValidationError
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request

from events.api.renderers import check_bom_parameter


class StrictContentNegotiation(DefaultContentNegotiation):
    def select_renderer(
        self, request: Request, renderers: list[BaseRenderer], format_suffix: str | None = None
    ) -> tuple[BaseRenderer, str]:
        # DRF negotiates before it looks for the method's handler: a method the view does
        # not allow must answer 405 (in JSON), not a 400 about a format it never offers.
        view = (getattr(request, "parser_context", None) or {}).get("view")
        if view is not None and request.method not in view.allowed_methods:
            return renderers[0], renderers[0].media_type
        if (
            format_suffix is None
            and request.query_params.get(self.settings.URL_FORMAT_OVERRIDE) == ""
        ):
            # DRF ignores `?format=`; like an empty filter, it is refused, not guessed at.
            raise ValidationError({"format": ["Give a format, or leave the parameter out."]})
        renderer, media_type = super().select_renderer(request, renderers, format_suffix)
        # Checked with the format it depends on, on every view (not all filter their rows).
        check_bom_parameter(request.query_params, renderer)
        return renderer, media_type

    def filter_renderers(self, renderers: list[BaseRenderer], format: str) -> list[BaseRenderer]:
        matching = [renderer for renderer in renderers if renderer.format == format]
        if not matching:
            known = ", ".join(sorted({renderer.format for renderer in renderers}))
            raise ValidationError({"format": [f"Unknown format {format!r}. Available: {known}."]})
        return matching
