"""Sign-in with a rate limit: the admin's login and the browsable API's login.

Every sign-in attempt counts, before the password is checked, against two atomic counters
in the configured cache (events.api.throttling.count_hit): one per client address
(NUM_PROXIES decides which address) and one per username. Counting attempts rather than
failures keeps the limit exact under parallel guessing (a failure counted after the check
lets every parallel guess through). Over either limit the form says so and the page
answers 429 with Retry-After; the password is not tried.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpRequest, HttpResponse
from rest_framework.throttling import BaseThrottle, SimpleRateThrottle

from events.api.throttling import count_hit

THROTTLED = "throttled"


def _limit(rate: str) -> tuple[int, int]:
    requests, duration = SimpleRateThrottle.parse_rate(None, rate)  # type: ignore[arg-type]
    return int(requests), int(duration)


def login_wait(request: HttpRequest | None, username: str) -> float | None:
    """Count one sign-in attempt; the seconds to wait when it is over a limit, else None."""
    address = BaseThrottle().get_ident(request) if request is not None else "-"
    # Usernames are hashed into the key: any text is a safe cache key, none is stored.
    user_key = hashlib.sha256(username.strip().casefold().encode()).hexdigest()
    waits = []
    for ident, rate in (
        (f"login:address:{address}", settings.LOGIN_RATE_PER_ADDRESS),
        (f"login:username:{user_key}", settings.LOGIN_RATE_PER_USERNAME),
    ):
        allowed, duration = _limit(rate)
        count, wait = count_hit(ident, duration)
        if count is not None and count > allowed:
            waits.append(wait)
    return max(waits) if waits else None


class LoginThrottleMixin:
    """For an AuthenticationForm: refuse the attempt, before checking the password, when
    the address or the username has made too many attempts."""

    request: HttpRequest | None
    cleaned_data: dict[str, Any]
    retry_after: int = 0

    def clean(self) -> dict[str, Any]:
        wait = login_wait(self.request, self.cleaned_data.get("username") or "")
        if wait is not None:
            self.retry_after = max(1, math.ceil(wait))
            raise ValidationError(
                "Too many sign-in attempts from this address or for this username. "
                "Try again in %(minutes)d minute(s).",
                code=THROTTLED,
                params={"minutes": max(1, math.ceil(wait / 60))},
            )
        return super().clean()  # type: ignore[misc]


class ThrottledAuthenticationForm(LoginThrottleMixin, AuthenticationForm):
    """The browsable API's sign-in form."""


class ThrottledAdminAuthenticationForm(LoginThrottleMixin, AdminAuthenticationForm):
    """The admin's sign-in form."""


def answers_429_when_throttled(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A login view whose form was refused for too many attempts answers 429 with
    Retry-After (the page itself, with the form's message, is unchanged)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        form = (getattr(response, "context_data", None) or {}).get("form")
        if form is not None and form.is_bound and form.has_error(NON_FIELD_ERRORS, THROTTLED):
            response.status_code = 429
            response["Retry-After"] = str(form.retry_after)
        return response

    return wrapped


api_login = answers_429_when_throttled(
    LoginView.as_view(
        template_name="rest_framework/login.html", authentication_form=ThrottledAuthenticationForm
    )
)
