"""Token authentication: `Authorization: Token <token>` or `Bearer <token>`, the scheme in
any case (RFC 9110 11.1: authentication schemes are case-insensitive).

Tokens are django-rest-knox's: the database keeps a SHA-512 digest of each token, its
first 15 characters as a visible prefix (`parley_` and 8 more) and its expiry, never the
token itself. `manage.py issue_token` issues, rotates and revokes them."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from knox.auth import TokenAuthentication
from rest_framework.authentication import get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

KEYWORDS = ("token", "bearer")


class TokenOrBearerAuthentication(TokenAuthentication):
    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].decode(errors="replace").lower() not in KEYWORDS:
            return None  # another scheme, or none: not ours
        if len(parts) != 2:
            raise AuthenticationFailed(
                "Invalid token header: expected `Token <token>` or `Bearer <token>`."
            )
        try:
            parts[1].decode("ascii")
        except UnicodeDecodeError:
            raise AuthenticationFailed("Invalid token.") from None
        return self.authenticate_credentials(parts[1])

    def _cleanup_token(self, auth_token: Any) -> bool:
        # Only this token's expiry matters here (knox would also load and purge every other
        # token of the user on each request); an expired token is deleted and refused.
        if auth_token.expiry is not None and auth_token.expiry < timezone.now():
            auth_token.delete()
            return True
        return False
