from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from bench.synthetic.generator import DEFAULT_BATCH_SIZE, MAX_EVENTS, SyntheticError, generate


class Command(BaseCommand):
    help = (
        "Fill the database with a deterministic synthetic dataset for benchmarks: N events "
        "(40% meetings, 45% statements, 15% incidents) with actors, places, topics, sources, "
        "citations and the timeline index, scaled with N. The same N and seed give the same "
        "records on an empty database. Inserts in batches, one transaction each; full-text "
        "indexes are dropped for the load and built at the end, so run it on a database "
        "nothing else is using. Synthetic "
        "records are marked as such (source slugs synthetic-..., notes) and get no revision "
        "history. Refuses to run on a database that already holds actors, sources or events "
        "unless --allow-curated is given."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--events",
            type=int,
            required=True,
            help=f"Number of events to generate, 1 to {MAX_EVENTS:,}.",
        )
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument(
            "--batch-size",
            type=int,
            default=DEFAULT_BATCH_SIZE,
            help=f"Events written per transaction (default {DEFAULT_BATCH_SIZE}).",
        )
        parser.add_argument(
            "--allow-curated",
            action="store_true",
            help="Add synthetic records even though the database already holds data.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = generate(
                options["events"],
                options["seed"],
                batch_size=options["batch_size"],
                allow_existing=options["allow_curated"],
                progress=self.stdout.write,
            )
        except SyntheticError as exc:
            raise CommandError(str(exc)) from exc
        seconds = max(report.seconds, 1e-9)
        for name, rows in report.rows.items():
            self.stdout.write(f"{name:<22} {rows:>12,}")
        self.stdout.write(f"{'total rows':<22} {report.total_rows:>12,}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {report.plan.events:,} events in {report.seconds:,.1f} s: "
                f"{report.total_rows / seconds:,.0f} rows/s, "
                f"{report.plan.events / seconds:,.0f} events/s."
            )
        )
