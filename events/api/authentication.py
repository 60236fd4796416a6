"""Token authentication accepting both `Token <key>` and `Bearer <key>`, the scheme in
any case (RFC 9110 11.1: authentication schemes are case-insensitive)."""

from __future__ import annotations

from rest_framework.authentication import TokenAuthentication, get_authorization_header
from rest_framework.request import Request


class TokenOrBearerAuthentication(TokenAuthentication):
    keywords = ("Token", "Bearer")

    def authenticate(self, request: Request):  # noqa: ANN201 - DRF's own signature
        parts = get_authorization_header(request).split()
        scheme = parts[0].decode(errors="replace").lower() if parts else ""
        matching = [keyword for keyword in self.keywords if keyword.lower() == scheme]
        if not matching:
            return None
        self.keyword = parts[0].decode()
        return super().authenticate(request)
