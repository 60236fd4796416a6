from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from events.curated.validation import check_curated


class Command(BaseCommand):
    help = (
        "Check the curated files without a database: fields, references, dates, citations, "
        "(with --sources) that every quote is found verbatim in its document, and the "
        "provenance rules: every filtered-on value supported by a citation, approximate dates "
        "as ranges, no alias naming two records."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--sources", type=Path, help="Folder holding the source documents.")
        parser.add_argument(
            "--dir", type=Path, default=None, help="Curated folder (default: fixtures/)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        sources = options["sources"]
        if sources is not None and not sources.is_dir():
            raise CommandError(f"--sources {sources} is not a folder.")
        data = check_curated(
            options["dir"] or settings.CURATED_DIR,
            sources,
            strict_provenance=True,
        )
        for problem in data.problems:
            self.stderr.write(str(problem))
        if data.problems:
            raise CommandError(f"{len(data.problems)} problem(s) in the curated files.")
        counts = ", ".join(f"{n} {name}" for name, n in data.count().items())
        checked = (
            "quotes checked against the documents"
            if sources
            else "quotes NOT checked (no --sources)"
        )
        self.stdout.write(self.style.SUCCESS(f"Curated data is valid: {counts}; {checked}."))
