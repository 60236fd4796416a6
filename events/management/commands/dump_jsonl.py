from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from events.api.jsonl import dump_jsonl


class Command(BaseCommand):
    help = (
        "Write the whole dataset as JSON Lines: one record per line with a `type` key "
        "(topic, source, place, actor, meeting, statement, incident) and the fields of "
        "the API's read serializers. Streamed; record counts go to stderr."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output", type=Path, default=None, help="File to write (default: stdout)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        target: Path | None = options["output"]
        if target is None:
            counts = dump_jsonl(self.stdout)
        else:
            # Write beside the target and rename, so a failed dump never leaves half a file.
            partial = target.with_name(f".{target.name}.partial")
            try:
                with partial.open("w", encoding="utf-8", newline="\n") as output:
                    counts = dump_jsonl(output)
                os.replace(partial, target)
            finally:
                partial.unlink(missing_ok=True)
        for record_type, count in counts.items():
            self.stderr.write(f"{record_type:<10} {count:>6}")
        self.stderr.write(f"{'total':<10} {sum(counts.values()):>6}")
