from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from events.curated.dumping import export_curated


class Command(BaseCommand):
    help = (
        "Write the database back into the curated file format (one YAML file per record "
        "type), so edits made in the admin or the API can be committed as fixture changes."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output", type=Path, required=True, help="Folder to write (e.g. fixtures)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        counts = export_curated(options["output"])
        summary = ", ".join(f"{n} {name}" for name, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Exported {summary} to {options['output']}."))
