"""The benchmark's command line (bench/run.py --help)."""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import queries
from workload import BUILD

# --- options -------------------------------------------------------------------------


def int_list(text: str) -> list[int]:
    return [int(float(item)) for item in text.split(",") if item.strip()]


def name_list(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


@dataclasses.dataclass
class Options:
    sizes: list[int]
    backends: list[str]
    clients: list[int]
    duration: int
    warmup: int
    repeat: int
    seed: int
    workers: int
    worker_class: str
    threads: int
    datasette: bool
    datasette_workers: int
    datasette_cli: bool
    reuse: bool
    smoke: bool
    only: list[str]
    output: Path
    deep_pages: int
    search_word: str | None
    pg_url: str
    conn_max_age: int
    server_env: dict[str, str]
    export_timeout: int
    request_timeout: int
    install_wrk: bool
    curated: bool
    prepare: bool


def parse_args(argv: Sequence[str]) -> Options:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter
    )
    add = parser.add_argument
    add("--sizes", type=int_list, default=None, help="N events (100000,1000000)")
    add("--backends", type=name_list, default=["sqlite", "postgresql"])
    add("--clients", type=int_list, default=None, help="concurrent connections (8,32)")
    add("--duration", type=int, default=None, help="seconds per measurement (10)")
    add("--warmup", type=int, default=None, help="seconds of load before each query (2)")
    add("--repeat", type=int, default=1, help="rounds over all queries; medians reported (1)")
    add("--seed", type=int, default=1)
    add("--workers", type=int, default=os.cpu_count() or 2, help="gunicorn workers (= cores)")
    add("--worker-class", default="sync", help="gunicorn worker class: sync (default), gthread")
    add("--threads", type=int, default=1, help="gunicorn threads per worker (gthread)")
    add("--no-datasette", dest="datasette", action="store_false", help="skip Datasette")
    add(
        "--datasette-workers",
        type=int,
        default=None,
        help="Datasette processes (uvicorn workers); default: as many as --workers",
    )
    add(
        "--datasette-cli",
        action="store_true",
        help="serve Datasette with plain `datasette serve` (one process, access log on)",
    )
    add("--reuse", action="store_true", help="keep generated databases in build/bench/data/")
    add(
        "--smoke",
        action="store_true",
        help="N=2000, 8 clients, 1 s per measurement (options given explicitly win): for CI",
    )
    add("--only", type=name_list, default=[], help=f"queries: {','.join(queries.QUERY_NAMES)}")
    add("--output", type=Path, default=None, help="JSON results (build/bench/results-<ts>.json)")
    add("--deep-pages", type=int, default=None, help="how many pages in deep pages are (100)")
    add("--search-word", default=None, help="word to search for (default: found in the data)")
    add(
        "--pg-url",
        default=os.environ.get("PARLEY_BENCH_PG", "postgres://postgres@127.0.0.1:5432"),
        help="PostgreSQL server (no database name); env PARLEY_BENCH_PG",
    )
    add("--conn-max-age", type=int, default=600, help="CONN_MAX_AGE for the server (600)")
    add(
        "--env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="extra environment for the Parley server (e.g. REDIS_URL=redis://127.0.0.1)",
    )
    add("--export-timeout", type=int, default=900, help="seconds allowed per CSV export (900)")
    add(
        "--request-timeout",
        type=int,
        default=60,
        help="seconds after which wrk counts a request as timed out, an error (60)",
    )
    add("--no-install-wrk", dest="install_wrk", action="store_false")
    add("--curated", action="store_true", help="serve the curated data (development only)")
    add(
        "--prepare",
        action="store_true",
        help="with --reuse: generate the databases and stop (measure later, on a quiet machine)",
    )
    args = parser.parse_args(argv)
    defaults: dict[str, Any] = {
        "sizes": [100_000, 1_000_000],
        "clients": [8, 32],
        "duration": 10,
        "warmup": 2,
        "deep_pages": 100,
    }
    if args.smoke:
        defaults.update(sizes=[2000], clients=[8], duration=1, warmup=0, deep_pages=10)
    for name, value in defaults.items():
        if getattr(args, name) is None:
            setattr(args, name, value)
    if args.prepare and not args.reuse:
        parser.error("--prepare keeps the databases for a later run: give --reuse too")
    unknown = set(args.only) - set(queries.QUERY_NAMES)
    if unknown:
        parser.error(f"unknown queries in --only: {', '.join(sorted(unknown))}")
    bad = set(args.backends) - {"sqlite", "postgresql"}
    if bad:
        parser.error(f"unknown backends: {', '.join(sorted(bad))}")
    env = {}
    for item in args.env:
        name, sep, value = item.partition("=")
        if not sep:
            parser.error(f"--env takes NAME=VALUE, not {item!r}")
        env[name] = value
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    return Options(
        sizes=args.sizes,
        backends=args.backends,
        clients=args.clients,
        duration=max(1, args.duration),
        warmup=max(0, args.warmup),
        repeat=max(1, args.repeat),
        seed=args.seed,
        workers=args.workers,
        worker_class=args.worker_class,
        threads=args.threads,
        datasette=args.datasette,
        datasette_workers=args.datasette_workers or (1 if args.datasette_cli else args.workers),
        datasette_cli=args.datasette_cli,
        reuse=args.reuse,
        smoke=args.smoke,
        only=args.only,
        output=args.output or BUILD / f"results-{stamp}.json",
        deep_pages=max(1, args.deep_pages),
        search_word=args.search_word,
        pg_url=args.pg_url,
        conn_max_age=args.conn_max_age,
        server_env=env,
        export_timeout=args.export_timeout,
        request_timeout=args.request_timeout,
        install_wrk=args.install_wrk,
        curated=args.curated,
        prepare=args.prepare,
    )


def selected(opts: Options, name: str) -> bool:
    return not opts.only or name.split(":")[0] in opts.only
