"""Cross-origin reads: a web page on another site may read the API, never write to it.

django-cors-headers answers every method it is enabled for; Parley enables it only for
reads under /api/ (GET, HEAD, and the preflight of one), so a browser on another origin
never gets a CORS answer for a write and refuses to send or read it. Credentials are
never allowed cross-origin (settings: CORS_ALLOW_CREDENTIALS is False), so a curator's
session cookie cannot be used by another site either.
"""

from __future__ import annotations

from corsheaders.middleware import CorsMiddleware
from django.http import HttpRequest

READ_METHODS = frozenset({"GET", "HEAD"})


def is_cross_origin_read(request: HttpRequest) -> bool:
    """A read, or the preflight (OPTIONS) of a read."""
    if request.method in READ_METHODS:
        return True
    if request.method == "OPTIONS":
        wanted = request.headers.get("Access-Control-Request-Method")
        return wanted is None or wanted.upper() in READ_METHODS
    return False


class PublicReadsCorsMiddleware(CorsMiddleware):
    """CORS headers on reads only (the URL pattern is CORS_URLS_REGEX: /api/)."""

    def is_enabled(self, request: HttpRequest) -> bool:
        return is_cross_origin_read(request) and super().is_enabled(request)
