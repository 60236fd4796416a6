from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from events.api.data_dictionary import DataDictionaryError, render

DEFAULT_OUTPUT = Path(settings.BASE_DIR) / "docs" / "data-dictionary.md"


class Command(BaseCommand):
    help = (
        "Generate docs/data-dictionary.md from the models, the enumerations and the API's "
        "serializers, filling the template events/templates/events/data_dictionary.md. "
        "With --check, write nothing and fail if the file is not up to date."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output",
            type=Path,
            default=DEFAULT_OUTPUT,
            help="File to write or check (default: docs/data-dictionary.md).",
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="Exit non-zero, changing nothing, if the file differs from what would be "
            "generated.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        target: Path = options["output"]
        try:
            page = render()
        except DataDictionaryError as exc:
            raise CommandError(str(exc)) from exc
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if options["check"]:
            if current != page:
                raise CommandError(
                    f"{target} is stale: run `python manage.py data_dictionary` and commit it."
                )
            self.stdout.write(f"{target} is up to date.")
            return
        if current == page:
            self.stdout.write(f"{target} is already up to date.")
            return
        # Write beside the target and rename, so a failure never leaves half a file.
        partial = target.with_name(f".{target.name}.partial")
        try:
            partial.write_text(page, encoding="utf-8", newline="\n")
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
        self.stdout.write(f"Wrote {target}.")
