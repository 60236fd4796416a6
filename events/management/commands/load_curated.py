from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from events.curated.loading import LoadError
from events.curated.validation import check_curated
from events.services import load_curated


class Command(BaseCommand):
    help = (
        "Load every curated file into the database. Idempotent (records are upserted by "
        "their fixed identifiers and untouched when unchanged) and atomic (one bad record "
        "changes nothing)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dir", type=Path, default=None, help="Curated folder (default: fixtures/)."
        )
        parser.add_argument(
            "--sources", type=Path, default=None, help="Also check quotes against this folder."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        data = check_curated(options["dir"] or settings.CURATED_DIR, options["sources"])
        try:
            counts = load_curated(data)
        except LoadError as exc:
            raise CommandError(f"Nothing was loaded.\n{exc}") from exc
        for record_type, counter in counts.items():
            self.stdout.write(
                f"{record_type:<11} {counter['created']:>5} created "
                f"{counter['updated']:>5} updated {counter['unchanged']:>5} unchanged"
            )
        self.stdout.write(self.style.SUCCESS("Curated data loaded."))
