"""Token authentication accepting both `Token <key>` and `Bearer <key>`."""

from __future__ import annotations

from rest_framework.authentication import TokenAuthentication, get_authorization_header
from rest_framework.request import Request


class TokenOrBearerAuthentication(TokenAuthentication):
    keywords = ("Token", "Bearer")

    def authenticate(self, request: Request):  # noqa: ANN201 - DRF's own signature
        parts = get_authorization_header(request).split()
        if not parts or parts[0].decode(errors="replace") not in self.keywords:
            return None
        self.keyword = parts[0].decode()
        return super().authenticate(request)
