from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from rest_framework.authtoken.models import Token


class Command(BaseCommand):
    help = "Print an API token for an existing staff user (or revoke it with --revoke)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--revoke", action="store_true", help="Delete the user's token.")

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No user named {options['username']!r}.")
        if options["revoke"]:
            deleted, _ = Token.objects.filter(user=user).delete()
            self.stdout.write("Token revoked." if deleted else "The user had no token.")
            return
        if not user.is_staff:
            raise CommandError(f"{user.username!r} is not staff; only staff may write.")
        token, _ = Token.objects.get_or_create(user=user)
        self.stdout.write(token.key)
