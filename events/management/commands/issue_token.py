"""Issue, rotate and revoke API tokens (django-rest-knox: stored as a digest, shown once)."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from knox.models import AuthToken


class Command(BaseCommand):
    help = (
        "Print a new API token for an existing staff user. It is shown once: only its "
        "digest and prefix are stored. --days sets its lifetime; --rotate also ends the "
        "user's other tokens after --grace-hours; --revoke deletes all of the user's tokens."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--revoke", action="store_true", help="Delete the user's tokens.")
        parser.add_argument(
            "--days",
            type=int,
            default=settings.API_TOKEN_DAYS,
            help=f"Days until the new token expires (default {settings.API_TOKEN_DAYS}).",
        )
        parser.add_argument(
            "--rotate",
            action="store_true",
            help="Issue a new token and let the user's other tokens expire after --grace-hours.",
        )
        parser.add_argument(
            "--grace-hours",
            type=int,
            default=24,
            help="With --rotate: hours the old tokens keep working (default 24; 0: none).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No user named {options['username']!r}.")
        tokens = AuthToken.objects.filter(user=user)
        if options["revoke"]:
            deleted, _ = tokens.delete()
            self.stdout.write(
                f"{deleted} token(s) revoked." if deleted else "The user had no token."
            )
            return
        if not user.is_staff:
            raise CommandError(f"{user.username!r} is not staff; only staff may write.")
        if options["days"] < 1:
            raise CommandError("--days must be at least 1: every token expires.")
        if options["grace_hours"] < 0:
            raise CommandError("--grace-hours cannot be negative.")
        if options["rotate"]:
            # The old tokens end after the grace period (or at once), never later than planned.
            end = timezone.now() + datetime.timedelta(hours=options["grace_hours"])
            if options["grace_hours"] == 0:
                tokens.delete()
            else:
                tokens.filter(expiry__gt=end).update(expiry=end)
                tokens.filter(expiry__isnull=True).update(expiry=end)
        _, token = AuthToken.objects.create(
            user=user, expiry=datetime.timedelta(days=options["days"])
        )
        self.stdout.write(token)
