"""A strict Content-Security-Policy on every HTML page: the explorer, the landing page,
Swagger UI, Redoc, the browsable API and the admin.

Scripts run only from this site's own files (`'self'`) or, for the two inline scripts that
start Swagger UI and Redoc, with this response's nonce (`request.csp_nonce`, a fresh random
value per request): an injected `<script>` or `onclick=` cannot run. Nothing is loaded from
another host. Styles may be inline (`style-src 'unsafe-inline'`): Redoc injects its styles
at run time and the admin and the browsable API use `style=` attributes; a style cannot run
code. Redoc's search runs in a worker made from a `blob:` URL.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

POLICY = (
    "default-src 'self'; "
    "script-src 'self' 'nonce-{nonce}'; "
    "style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; "
    "font-src 'self' data:; "
    "connect-src 'self'; "
    "worker-src 'self' blob:; "
    "object-src 'none'; "
    "base-uri 'none'; "
    "form-action 'self'; "
    "frame-ancestors 'none'"
)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.csp_nonce = secrets.token_urlsafe(16)  # type: ignore[attr-defined]
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html"):
            response.setdefault(
                "Content-Security-Policy",
                POLICY.format(nonce=request.csp_nonce),  # type: ignore[attr-defined]
            )
        return response
