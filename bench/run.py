#!/usr/bin/env python3
"""Parley's benchmark (issue 6): throughput, latency and server CPU per request of the
API's hot paths under gunicorn, on SQLite and PostgreSQL, against Datasette serving the
same data. See bench/README.md.

    python3 bench/run.py --smoke                     # N=2000, CI-sized: 70-85 s
    python3 bench/run.py --reuse                     # the full run: N=100k and 1M
    python3 bench/run.py --reuse --sizes 100000 --backends sqlite --clients 8 --duration 5

For each N it generates (or, with --reuse, takes from build/bench/data/) the databases,
serves them on 127.0.0.1 (Datasette, then gunicorn on SQLite and on PostgreSQL) and, for
each query, holds 8 and then 32 wrk connections on each server in turn for --duration
seconds, reading the server's CPU time from /proc before and after and waiting for it to
go idle before the next. It prints Markdown tables and writes every figure to a JSON file.
The exit status is 1 if any request failed (a non-2xx answer, a socket error or timeout,
a failed export, a traceback in a server's log).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import hashlib
import json
import math
import os
import platform
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PROJECT_VENV = ROOT / ".venv"

# The driver needs only the standard library, plus psycopg (PostgreSQL administration) from
# the project's virtual environment: run there whatever python started us.
if Path(sys.prefix).resolve() != PROJECT_VENV.resolve() and (PROJECT_VENV / "bin/python").exists():
    os.execv(PROJECT_VENV / "bin/python", [str(PROJECT_VENV / "bin/python"), *sys.argv])

import harness  # noqa: E402 - after the re-exec above
import workload  # noqa: E402
from harness import CpuMeter, CpuWindow, PgBackends, Server, log  # noqa: E402
from workload import BUILD, QUERIES, Dataset, PgAdmin, Workload  # noqa: E402

DATASETTE_VENV = BUILD / "datasette-venv"
DATASETTE_REQUIREMENTS = ROOT / "bench" / "requirements-datasette.txt"
PAGE_QUERIES = [q.name for q in QUERIES if q.name != "stats_month"]
FIRST_PAGES = ["meetings", "statements", "incidents", "events"]
RSS_GROWTH_LIMIT_MB = 64.0  # "constant memory": a 1M-row export grows the worker by less


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
    add("--only", type=name_list, default=[], help=f"queries: {','.join(workload.QUERY_NAMES)}")
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
    unknown = set(args.only) - set(workload.QUERY_NAMES)
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


# --- results -------------------------------------------------------------------------


@dataclasses.dataclass
class Measurement:
    server: str  # "parley" or "datasette"
    backend: str  # the database: "sqlite" or "postgresql"
    n: int
    clients: int
    query: str
    path: str
    requests: int = 0
    seconds: float = 0.0
    rps: float = 0.0
    p50_ms: float | None = None
    p99_ms: float | None = None
    non2xx: int = 0
    socket_errors: dict[str, int] = dataclasses.field(default_factory=dict)
    probe_status: int | None = None
    probe_rows: int | None = None
    probe_bytes: int | None = None
    probe_ms: float | None = None
    app_cpu_s: float = 0.0
    db_cpu_s: float = 0.0
    db_reaped_cpu_s: float = 0.0
    client_cpu_s: float = 0.0
    others_cores: float = 0.0
    drain_s: float = 0.0
    round: int = 0
    error: str | None = None

    @property
    def errors(self) -> int:
        return self.non2xx + sum(self.socket_errors.values()) + (1 if self.error else 0)

    @property
    def cpu_ms(self) -> float | None:
        """Server CPU (application + database) per completed request, in ms."""
        if not self.requests:
            return None
        return (self.app_cpu_s + self.db_cpu_s + self.db_reaped_cpu_s) * 1000 / self.requests

    @property
    def db_ms(self) -> float | None:
        if not self.requests:
            return None
        return (self.db_cpu_s + self.db_reaped_cpu_s) * 1000 / self.requests


@dataclasses.dataclass
class Export:
    server: str
    backend: str
    n: int
    variant: str
    path: str
    status: int = 0
    seconds: float = 0.0
    first_byte_s: float = 0.0
    bytes: int = 0
    lines: int = 0
    expected_rows: int = 0
    worker_pid: int | None = None
    rss_before_mb: float | None = None
    peak_rss_mb: float | None = None
    peak_is_since_start: bool = False
    cpu_s: float = 0.0
    db_cpu_s: float = 0.0
    error: str | None = None

    @property
    def growth_mb(self) -> float | None:
        if self.peak_rss_mb is None or self.rss_before_mb is None:
            return None
        return self.peak_rss_mb - self.rss_before_mb


@dataclasses.dataclass
class Results:
    meta: dict[str, Any]
    workloads: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    measurements: list[Measurement] = dataclasses.field(default_factory=list)
    exports: list[Export] = dataclasses.field(default_factory=list)
    server_errors: list[str] = dataclasses.field(default_factory=list)
    notes: list[str] = dataclasses.field(default_factory=list)
    summary: list[Measurement] = dataclasses.field(default_factory=list)

    def summarise(self) -> None:
        """One row per server, backend, N, clients and query: the median req/s and
        latencies of the rounds, and the CPU of all rounds over all their requests."""
        groups: dict[tuple[str, str, int, int, str], list[Measurement]] = {}
        for m in self.measurements:
            groups.setdefault((m.server, m.backend, m.n, m.clients, m.query), []).append(m)
        self.summary = [merge(group) for group in groups.values()]

    def to_json(self) -> dict[str, Any]:
        def with_derived(item: Measurement | Export) -> dict[str, Any]:
            data = dataclasses.asdict(item)
            if isinstance(item, Measurement):
                data.update(cpu_ms=item.cpu_ms, db_ms=item.db_ms, errors=item.errors)
            else:
                data.update(growth_mb=item.growth_mb)
            return data

        return {
            "meta": self.meta,
            "workloads": self.workloads,
            "summary": [with_derived(m) for m in self.summary],
            "measurements": [with_derived(m) for m in self.measurements],
            "exports": [with_derived(e) for e in self.exports],
            "server_errors": self.server_errors,
            "notes": self.notes,
        }


def median(values: Iterable[float | None]) -> float | None:
    present = sorted(v for v in values if v is not None)
    if not present:
        return None
    middle = len(present) // 2
    return present[middle] if len(present) % 2 else (present[middle - 1] + present[middle]) / 2


def merge(group: list[Measurement]) -> Measurement:
    if len(group) == 1:
        return group[0]
    m = dataclasses.replace(group[0], socket_errors={})
    m.rps = median(g.rps for g in group) or 0.0
    m.p50_ms = median(g.p50_ms for g in group)
    m.p99_ms = median(g.p99_ms for g in group)
    for name in ("requests", "seconds", "non2xx", "app_cpu_s", "db_cpu_s", "db_reaped_cpu_s"):
        setattr(m, name, sum(getattr(g, name) for g in group))
    m.client_cpu_s = sum(g.client_cpu_s for g in group)
    m.others_cores = max(g.others_cores for g in group)
    m.drain_s = max(g.drain_s for g in group)
    for g in group:
        for kind, count in g.socket_errors.items():
            m.socket_errors[kind] = m.socket_errors.get(kind, 0) + count
    m.error = next((g.error for g in group if g.error), None)
    m.round = -1
    return m


# --- servers -------------------------------------------------------------------------


def gunicorn_server(dataset: Dataset, opts: Options, run_dir: Path) -> Server:
    port = harness.free_port()
    env = dict(os.environ)
    env.update(
        DATABASE_URL=dataset.database_url,
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        THROTTLE_ANON="1000000/second",
        THROTTLE_USER="1000000/second",
        CONN_MAX_AGE=str(opts.conn_max_age),
        LOG_LEVEL="WARNING",
    )
    env.update(opts.server_env)
    argv = [
        str(PROJECT_VENV / "bin" / "gunicorn"),
        "config.wsgi:application",
        "--bind",
        f"{harness.HOST}:{port}",
        "--workers",
        str(opts.workers),
        "--worker-class",
        opts.worker_class,
        "--threads",
        str(opts.threads),
        "--timeout",
        str(opts.export_timeout + 60),  # a sync worker must not be killed mid-export
        "--graceful-timeout",
        "10",
        "--error-logfile",
        "-",
        "--log-level",
        "warning",
    ]
    if Path("/dev/shm").is_dir():
        argv += ["--worker-tmp-dir", "/dev/shm"]
    log_path = run_dir / f"gunicorn-{dataset.backend}-n{dataset.n}.log"
    return Server("parley", argv, env, ROOT, log_path, port, "/healthz")


DATASETTE_SETTINGS: dict[str, Any] = {
    "sql_time_limit_ms": 10000,
    "default_page_size": 100,
    "max_returned_rows": 1000,
    "max_csv_mb": 0,  # no cap on a streamed CSV (the default, 100 MB, would cut a 1M export)
}


def datasette_server(path: Path, n: int, opts: Options, run_dir: Path) -> Server:
    port = harness.free_port()
    bin_dir = DATASETTE_VENV / "bin"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    if opts.datasette_cli:
        argv = [str(bin_dir / "datasette"), "serve", "-i", str(path), "--host", harness.HOST]
        argv += ["--port", str(port)]
        for name, value in DATASETTE_SETTINGS.items():
            argv += ["--setting", name, str(value)]
    else:
        env.update(
            PARLEY_BENCH_DATASETTE_DB=str(path),
            PARLEY_BENCH_DATASETTE_SETTINGS=json.dumps(DATASETTE_SETTINGS),
        )
        argv = [
            str(bin_dir / "uvicorn"),
            "datasette_app:create_app",
            "--factory",
            "--app-dir",
            str(ROOT / "bench"),
            "--host",
            harness.HOST,
            "--port",
            str(port),
            "--workers",
            str(opts.datasette_workers),
            "--no-access-log",
            "--log-level",
            "warning",
            "--lifespan",
            "on",
        ]
    ready = f"/{workload.DATASETTE_DB_NAME}.json?sql=select+1"
    return Server("datasette", argv, env, ROOT, run_dir / f"datasette-n{n}.log", port, ready)


def ensure_datasette_venv() -> None:
    """Datasette in its own venv (its pins never meet Parley's), rebuilt when the
    requirements file changes."""
    digest = hashlib.sha256(DATASETTE_REQUIREMENTS.read_bytes()).hexdigest()[:12]
    marker = DATASETTE_VENV / f".installed-{digest}"
    if marker.exists():
        return
    log(f"installing Datasette into {DATASETTE_VENV} (bench/requirements-datasette.txt)")
    shutil.rmtree(DATASETTE_VENV, ignore_errors=True)
    base_python = getattr(sys, "_base_executable", None) or sys.executable
    subprocess.run([base_python, "-m", "venv", str(DATASETTE_VENV)], check=True)
    subprocess.run(
        [
            str(DATASETTE_VENV / "bin/python"),
            "-m",
            "pip",
            "install",
            "--quiet",
            "-r",
            str(DATASETTE_REQUIREMENTS),
        ],
        check=True,
    )
    marker.touch()


def server_log_errors(server: Server) -> list[str]:
    """Tracebacks, ERROR lines and worker timeouts in a server's log."""
    markers = ("Traceback", "[ERROR]", "ERROR:", "WORKER TIMEOUT", "Internal Server Error")
    try:
        lines = server.log.read_text(errors="replace").splitlines()
    except FileNotFoundError:
        return []
    found = [line for line in lines if any(marker in line for marker in markers)]
    return [f"{server.log.name}: {line.strip()}" for line in found[:20]]


# --- measuring -----------------------------------------------------------------------


def rows_in(body: bytes) -> int | None:
    """How many records a JSON answer holds (Parley pages, Datasette arrays and tables)."""
    try:
        data = json.loads(body)
    except ValueError:
        return None
    if isinstance(data, list):
        return len(data)
    if isinstance(data, dict):
        for key in ("results", "rows"):
            if isinstance(data.get(key), list):
                return len(data[key])
    return None


def local_path(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def follow_next(server: Server, first: str, pages: int, datasette: bool) -> tuple[str, int]:
    """Follow `next` from `first` up to `pages` times: (the last page's path, pages in)."""
    path = first
    depth = 0
    for _ in range(pages):
        result = harness.http_get(server.base, path)
        if result.status != 200:
            raise RuntimeError(f"{server.name} {path}: HTTP {result.status}")
        token = json.loads(result.body).get("next")
        if not token:
            break
        path = workload.timeline_table_path(str(token)) if datasette else local_path(str(token))
        depth += 1
    return path, depth


@dataclasses.dataclass
class Subject:
    """A server under test, with the URL of each query."""

    server: Server
    backend: str
    meter: CpuMeter
    paths: dict[str, str]
    probes: dict[str, harness.HttpResult | str] = dataclasses.field(default_factory=dict)

    @property
    def label(self) -> str:
        return f"{self.server.name}/{self.backend}"


def drain(subject: Subject, limit: float = 600.0) -> float:
    """Wait until the server (and its database) stop working: after wrk stops, a server
    still answers the requests it had accepted. Returns the seconds waited."""
    start = time.perf_counter()
    sources: list[harness.CpuSource] = [subject.meter.app]
    if subject.meter.db is not None:
        sources.append(subject.meter.db)
    before = [s.snapshot() for s in sources]
    while time.perf_counter() - start < limit:
        time.sleep(0.3)
        after = [s.snapshot() for s in sources]
        spent = sum(harness.ticks_delta(b, a) for b, a in zip(before, after, strict=True))
        if spent <= 2:  # at most 20 ms of CPU in 300 ms: idle
            break
        before = after
    return time.perf_counter() - start


def probe(subject: Subject, name: str) -> harness.HttpResult | str:
    """One request to check the answer (status, records) before loading a URL."""
    try:
        return harness.http_get(subject.server.base, subject.paths[name])
    except OSError as exc:
        return f"probe failed: {exc}"


def measure(
    subject: Subject, wrk: str, name: str, n: int, clients: int, opts: Options, warm: bool
) -> Measurement:
    """Hold `clients` connections on one URL for --duration seconds, reading the CPU the
    server (and PostgreSQL) spent meanwhile; then wait for the server to go idle."""
    path = subject.paths[name]
    m = Measurement(subject.server.name, subject.backend, n, clients, name, path)
    result = subject.probes.get(name) or probe(subject, name)
    subject.probes[name] = result
    if isinstance(result, str):
        m.error = result
        return m
    m.probe_status, m.probe_bytes = result.status, len(result.body)
    m.probe_ms, m.probe_rows = result.seconds * 1e3, rows_in(result.body)
    if result.status != 200:
        m.error = f"HTTP {result.status}: {result.body[:300].decode(errors='replace')}"
        return m
    url = subject.server.base + path
    if warm and opts.warmup:
        harness.run_wrk(wrk, url, min(clients, opts.workers * 2), opts.warmup, opts.request_timeout)
        drain(subject)
    with subject.meter.window() as window:
        run = harness.run_wrk(wrk, url, clients, opts.duration, opts.request_timeout)
    cpu: CpuWindow = window[0]
    m.drain_s = drain(subject)
    m.requests, m.seconds, m.rps = run.requests, run.seconds, run.rps
    m.p50_ms, m.p99_ms = run.p50_ms, run.p99_ms
    m.non2xx, m.socket_errors = run.non2xx, run.socket_errors
    m.app_cpu_s, m.db_cpu_s, m.db_reaped_cpu_s = cpu.app_s, cpu.db_s, cpu.db_reaped_s
    m.client_cpu_s, m.others_cores = cpu.client_s, cpu.others_cores
    return m


def export(subject: Subject, name: str, n: int, expected: int, opts: Options) -> Export:
    """One streamed CSV request: time, rows, and the serving worker's peak RSS.

    Every worker's peak RSS (VmHWM) is reset just before (clear_refs), so the peak read
    after is the peak during the export; the worker that served it is the one whose CPU
    time moved most.
    """
    variant = name.split(":")[1] if ":" in name else "full"
    e = Export(subject.server.name, subject.backend, n, variant, subject.paths[name])
    e.expected_rows = expected
    workers = subject.server.tree().workers()
    before_cpu = {pid: harness.proc_stat(pid) for pid in workers}
    before_rss = {pid: harness.rss_mb(pid) for pid in workers}
    reset = all(harness.reset_peak_rss(pid) for pid in workers)
    with subject.meter.window() as window:
        result = harness.http_stream(subject.server.base, e.path, opts.export_timeout)
    e.status, e.seconds, e.first_byte_s = result.status, result.seconds, result.first_byte_s
    e.bytes, e.lines, e.error = result.bytes, result.lines, result.error
    if result.status != 200 and not e.error:
        e.error = f"HTTP {result.status}"
    e.cpu_s = window[0].app_s
    e.db_cpu_s = window[0].db_s + window[0].db_reaped_s

    def moved(pid: int) -> int:
        now, then = harness.proc_stat(pid), before_cpu.get(pid)
        return (now.own - then.own) if now and then else -1

    if workers:
        pid = max(workers, key=moved)
        e.worker_pid = pid
        e.rss_before_mb = before_rss.get(pid)
        e.peak_rss_mb = harness.rss_mb(pid, "VmHWM")
        e.peak_is_since_start = not reset
    drain(subject)
    return e


# --- one N ---------------------------------------------------------------------------


def order_like_queries(paths: dict[str, str]) -> dict[str, str]:
    order = {name: i for i, name in enumerate(workload.QUERY_NAMES)}
    return dict(sorted(paths.items(), key=lambda item: order.get(item[0].split(":")[0], 99)))


def start_subjects(
    subjects: list[Subject],
    datasets: dict[str, Dataset],
    found: dict[str, Workload],
    opts: Options,
    run_dir: Path,
    admin: PgAdmin | None,
    results: Results,
) -> None:
    """Start Datasette and one gunicorn per backend (into `subjects`, which the caller
    stops whatever happens), and find each one's deep timeline page."""
    n = next(iter(datasets.values())).n
    if opts.datasette:
        ensure_datasette_venv()
        copy = workload.ensure_datasette_copy(datasets["sqlite"], opts.reuse, run_dir)
        server = datasette_server(copy, n, opts, run_dir)
        subjects.append(Subject(server, "sqlite", CpuMeter(harness.ProcessTree(0)), {}))
        server.start()
        subjects[-1].meter = CpuMeter(server.tree())
        subjects[-1].paths = workload.datasette_paths(found["sqlite"])
    for backend in opts.backends:
        dataset = datasets[backend]
        server = gunicorn_server(dataset, opts, run_dir)
        subjects.append(Subject(server, backend, CpuMeter(harness.ProcessTree(0)), {}))
        server.start()
        db = None
        if dataset.pg_database and admin is not None:
            postmaster = admin.postmaster_pid(dataset.pg_database)
            if postmaster:
                db = PgBackends(postmaster, dataset.pg_database)
            else:
                results.notes.append("PostgreSQL is not local: its CPU is not counted")
        subjects[-1].meter = CpuMeter(server.tree(), db)
        subjects[-1].paths = workload.parley_paths(found[backend])
    for subject in subjects:
        datasette = subject.server.name == "datasette"
        if selected(opts, "events_deep"):
            first = subject.paths["events"]
            deep, depth = follow_next(subject.server, first, opts.deep_pages, datasette)
            subject.paths["events_deep"] = deep
            results.notes.append(f"{subject.label} N={n}: the deep timeline page is {depth} in")
        subject.paths = order_like_queries(subject.paths)


def bench_size(
    subjects: list[Subject],
    found: dict[str, Workload],
    wrk: str,
    n: int,
    opts: Options,
    results: Results,
) -> None:
    """Every query, at every client count, on every server in turn (so that a busy moment
    of the machine hits them alike), --repeat times; then the CSV exports one by one."""
    names = [name for name in workload.QUERY_NAMES if selected(opts, name)]
    names += [
        name
        for subject in subjects
        for name in subject.paths
        if ":" in name and not name.startswith("csv_") and selected(opts, name)
    ]
    names = list(dict.fromkeys(names))
    for round_ in range(opts.repeat):
        for name in names:
            if name.startswith("csv_"):
                continue
            for index, clients in enumerate(opts.clients):
                for subject in subjects:
                    if name not in subject.paths:
                        continue
                    warm = round_ == 0 and index == 0
                    m = measure(subject, wrk, name, n, clients, opts, warm)
                    m.round = round_
                    results.measurements.append(m)
                    log_measurement(m)
    for subject in subjects:
        expected = found[subject.backend].counts["meeting"]
        for name in subject.paths:
            if name.startswith("csv_") and selected(opts, name):
                e = export(subject, name, n, expected, opts)
                results.exports.append(e)
                log(
                    f"    {subject.label:20} N={n:<8} {name:24} {e.seconds:7.2f} s  "
                    f"{max(e.lines - 1, 0)} rows  {e.bytes / 2**20:.1f} MiB  peak RSS "
                    f"{fmt(e.peak_rss_mb)} MiB (+{fmt(e.growth_mb)})  {e.error or ''}"
                )


def log_measurement(m: Measurement) -> None:
    cpu = f"{m.cpu_ms:.2f}" if m.cpu_ms is not None else "-"
    status = f"ERROR {m.error}" if m.error else f"{m.errors} errors"
    log(
        f"    {m.server + '/' + m.backend:20} N={m.n:<8} c={m.clients:<3} {m.query:22} "
        f"{m.rps:8.1f} req/s  p50 {fmt(m.p50_ms)}  p99 {fmt(m.p99_ms)} ms  cpu {cpu} ms/req  "
        f"rows {m.probe_rows}  drain {m.drain_s:.1f} s  {status}"
    )


# --- report --------------------------------------------------------------------------


def fmt(value: float | None, digits: int = 1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{value:.{digits}f}"


def cpu_cell(m: Measurement) -> str:
    """CPU ms per request; `~` when few requests completed (then the work of the requests
    still in flight when wrk stopped weighs on the figure: an over-estimate)."""
    if m.cpu_ms is None:
        return "-"
    mark = "~" if m.requests < 10 * m.clients else ""
    if m.backend == "postgresql" and m.server == "parley":
        return f"{mark}{m.cpu_ms:.2f} (db {fmt(m.db_ms, 2)})"
    return f"{mark}{m.cpu_ms:.2f}"


def find(
    results: Results, server: str, backend: str, n: int, clients: int, query: str
) -> Measurement | None:
    for m in results.summary:
        if (m.server, m.backend, m.n, m.clients, m.query) == (server, backend, n, clients, query):
            return m
    return None


def ratio(a: float | None, b: float | None) -> float | None:
    if not a or not b:
        return None
    return a / b


def main_table(results: Results, opts: Options) -> list[str]:
    lines = [
        "| query | backend | N | clients | req/s | p50 ms | p99 ms | CPU ms/req | errors "
        "| Datasette req/s | DS CPU ms/req | ratio req/s | ratio CPU | rows |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n in opts.sizes:
        for clients in opts.clients:
            for spec in QUERIES:
                ds = find(results, "datasette", "sqlite", n, clients, spec.name)
                for backend in opts.backends:
                    m = find(results, "parley", backend, n, clients, spec.name)
                    if m is None:
                        continue
                    lines.append(
                        f"| {spec.name} | {backend} | {n:,} | {clients} | {fmt(m.rps)} "
                        f"| {fmt(m.p50_ms)} | {fmt(m.p99_ms)} | {cpu_cell(m)} "
                        f"| {m.errors} | {fmt(ds.rps if ds else None)} "
                        f"| {cpu_cell(ds) if ds else '-'} "
                        f"| {fmt(ratio(m.rps, ds.rps if ds else None), 2)} "
                        f"| {fmt(ratio(ds.cpu_ms if ds else None, m.cpu_ms), 2)} "
                        f"| {m.probe_rows}/{ds.probe_rows if ds else '-'} |"
                    )
    return lines


def datasette_table(results: Results) -> list[str]:
    lines = [
        "| Datasette query | N | clients | req/s | p50 ms | p99 ms | CPU ms/req | errors | rows |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for m in results.summary:
        if m.server == "datasette":
            lines.append(
                f"| {m.query} | {m.n:,} | {m.clients} | {fmt(m.rps)} | {fmt(m.p50_ms)} "
                f"| {fmt(m.p99_ms)} | {cpu_cell(m)} | {m.errors} | {m.probe_rows} |"
            )
    return lines


def export_table(results: Results) -> list[str]:
    lines = [
        "| CSV export | server | backend | N | seconds | rows (expected) | MiB | first byte s "
        "| worker RSS before MiB | peak MiB | growth MiB | CPU s | error |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for e in results.exports:
        cpu = f"{e.cpu_s:.1f}" + (f" (db {e.db_cpu_s:.1f})" if e.db_cpu_s else "")
        peak = fmt(e.peak_rss_mb) + (" (since start)" if e.peak_is_since_start else "")
        lines.append(
            f"| meetings ({e.variant}) | {e.server} | {e.backend} | {e.n:,} | {e.seconds:.2f} "
            f"| {max(e.lines - 1, 0):,} ({e.expected_rows:,}) | {e.bytes / 2**20:.1f} "
            f"| {e.first_byte_s:.3f} | {fmt(e.rss_before_mb)} | {peak} | {fmt(e.growth_mb)} "
            f"| {cpu} | {e.error or ''} |"
        )
    return lines


def deep_table(results: Results, opts: Options) -> list[str]:
    lines = [
        "| deep page | server | backend | N | clients | first p50 ms | deep p50 ms | p50 ratio "
        "| first CPU ms | deep CPU ms | CPU ratio |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    pairs = [(q.name, q.first_page_of) for q in QUERIES if q.first_page_of]
    servers = [("parley", b) for b in opts.backends] + [("datasette", "sqlite")]
    for deep, first in pairs:
        for server, backend in servers:
            for n in opts.sizes:
                for clients in opts.clients:
                    d = find(results, server, backend, n, clients, deep)
                    f = find(results, server, backend, n, clients, first or "")
                    if d is None or f is None:
                        continue
                    lines.append(
                        f"| {deep} | {server} | {backend} | {n:,} | {clients} "
                        f"| {fmt(f.p50_ms)} | {fmt(d.p50_ms)} "
                        f"| {fmt(ratio(d.p50_ms, f.p50_ms), 2)} "
                        f"| {fmt(f.cpu_ms, 2)} | {fmt(d.cpu_ms, 2)} "
                        f"| {fmt(ratio(d.cpu_ms, f.cpu_ms), 2)} |"
                    )
    return lines


def verdict(failures: list[str], checked: int) -> str:
    if not checked:
        return "n/a (not measured)"
    if failures:
        return f"FAIL ({len(failures)}/{checked}): " + "; ".join(failures[:12])
    return f"PASS ({checked} checked)"


def targets(results: Results, opts: Options) -> list[str]:
    """The issue's targets, checked at the largest N of this run."""
    n = max(opts.sizes)
    at_n = [m for m in results.summary if m.n == n and m.server == "parley"]
    lines = [f"Targets of issue 6, at N={n:,} (they are stated for N=1,000,000):", ""]

    fails: list[str] = []
    checked = 0
    for m in at_n:
        ds = find(results, "datasette", "sqlite", n, m.clients, m.query)
        r = ratio(m.rps, ds.rps if ds else None)
        if r is not None:
            checked += 1
            if r < 3:
                fails.append(f"{m.query} {m.backend} c={m.clients} {r:.2f}x")
    lines.append(f"- throughput >= 3x Datasette on every query: {verdict(fails, checked)}")

    fails, checked = [], 0
    for m in at_n:
        if m.query in FIRST_PAGES and m.cpu_ms is not None:
            checked += 1
            if m.cpu_ms > 3:
                fails.append(f"{m.query} {m.backend} c={m.clients} {m.cpu_ms:.2f} ms")
    lines.append(f"- <= 3 ms server CPU per 100-row first page: {verdict(fails, checked)}")

    fails, checked = [], 0
    for m in at_n:
        if m.backend == "sqlite" and m.clients == 8 and m.query in PAGE_QUERIES:
            checked += 1
            if m.p50_ms is None or m.p99_ms is None or m.p50_ms > 12 or m.p99_ms > 25:
                fails.append(f"{m.query} p50 {fmt(m.p50_ms)} p99 {fmt(m.p99_ms)}")
    lines.append(
        f"- SQLite, 8 clients, pages: p50 <= 12 ms, p99 <= 25 ms: {verdict(fails, checked)}"
    )

    fails, checked = [], 0
    for m in at_n:
        if m.backend == "postgresql" and m.clients == 32 and m.query in PAGE_QUERIES:
            checked += 1
            if m.p99_ms is None or m.p99_ms >= 100:
                fails.append(f"{m.query} p99 {fmt(m.p99_ms)}")
    lines.append(f"- PostgreSQL, 32 clients, pages: p99 < 100 ms: {verdict(fails, checked)}")

    fails, checked = [], 0
    for spec in QUERIES:
        if not spec.first_page_of:
            continue
        for m in at_n:
            if m.query != spec.name:
                continue
            first = find(results, "parley", m.backend, n, m.clients, spec.first_page_of)
            r = ratio(m.cpu_ms, first.cpu_ms if first else None)
            if r is not None:
                checked += 1
                if r > 1.2:
                    fails.append(f"{m.query} {m.backend} c={m.clients} {r:.2f}x CPU")
    lines.append(f"- a deep page costs <= 1.2x the first (CPU): {verdict(fails, checked)}")

    fails, checked = [], 0
    for e in results.exports:
        if e.server == "parley" and e.n == n and e.growth_mb is not None:
            checked += 1
            if e.growth_mb > RSS_GROWTH_LIMIT_MB or e.error:
                fails.append(f"{e.backend} +{e.growth_mb:.0f} MiB {e.error or ''}")
    lines.append(
        f"- CSV export in constant memory (worker peak RSS grows < {RSS_GROWTH_LIMIT_MB:.0f} "
        f"MiB): {verdict(fails, checked)}"
    )
    return lines


def report(results: Results, opts: Options) -> str:
    out: list[str] = []
    out += ["", "## Parley vs Datasette", ""]
    out += [
        "req/s and latency from wrk; CPU ms/req = server CPU (gunicorn master and workers, "
        "plus PostgreSQL's backends: `db`) per completed request; ratio req/s = Parley / "
        "Datasette; ratio CPU = Datasette CPU / Parley CPU (both > 1 when Parley is better). "
        "Datasette always serves the SQLite copy of the same N. rows = records in one "
        "answer, Parley/Datasette.",
        "",
    ]
    out += main_table(results, opts)
    if any(m.server == "datasette" for m in results.summary):
        out += ["", "## Datasette's queries (`search:like` = search without its FTS index)", ""]
        out += datasette_table(results)
    if results.exports:
        out += ["", "## CSV export (one streamed request)", ""]
        out += export_table(results)
    deep = deep_table(results, opts)
    if len(deep) > 2:
        out += ["", "## Deep page / first page", ""]
        out += deep
    out += ["", *targets(results, opts)]
    busy = [m for m in results.measurements if m.others_cores > 0.3]
    if busy:
        worst = max(m.others_cores for m in busy)
        out += [
            "",
            f"Note: the machine was busy with other work during {len(busy)} of "
            f"{len(results.measurements)} measurements (up to {worst:.1f} cores): req/s and "
            "latencies are noisy there; CPU ms/req is steadier.",
        ]
    if results.notes:
        out += ["", *[f"- {note}" for note in results.notes]]
    if results.server_errors:
        out += ["", "Server logs reported errors:", *[f"    {e}" for e in results.server_errors]]
    return "\n".join(out)


# --- main ----------------------------------------------------------------------------


def read_commit() -> str | None:
    """The checked-out commit, read from .git without running git."""
    git = ROOT / ".git"
    try:
        head = (git / "HEAD").read_text().strip()
        if not head.startswith("ref: "):
            return head
        ref = head[5:]
        if (git / ref).exists():
            return (git / ref).read_text().strip()
        for line in (git / "packed-refs").read_text().splitlines():
            if line.endswith(" " + ref):
                return line.split()[0]
    except OSError:
        return None
    return None


def versions(wrk: str, admin: PgAdmin | None) -> dict[str, str | None]:
    from importlib import metadata

    def version_of(name: str) -> str | None:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return None

    found: dict[str, str | None] = {
        name: version_of(name) for name in ("django", "djangorestframework", "gunicorn")
    }
    found["python"] = platform.python_version()
    done = subprocess.run([wrk, "--version"], capture_output=True, text=True, check=False)
    found["wrk"] = (done.stdout or done.stderr).split("\n", 1)[0].strip()
    pins = DATASETTE_REQUIREMENTS.read_text().splitlines()
    found["datasette"] = next((p.split("==")[1] for p in pins if p.startswith("datasette==")), None)
    if admin is not None:
        try:
            found["postgresql"] = admin.version()
        except Exception:
            found["postgresql"] = None
    return found


def machine() -> dict[str, Any]:
    model = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cores": os.cpu_count(), "cpu": model, "loadavg_at_start": os.getloadavg()}


def workload_record(dataset: Dataset, w: Workload) -> dict[str, Any]:
    record = dataclasses.asdict(w)
    record.update(
        backend=dataset.backend,
        n=dataset.n,
        seed=dataset.seed,
        key=dataset.key,
        database=str(dataset.sqlite_path or dataset.pg_database),
        reused=dataset.reused,
        generation_s=dataset.generation_s,
    )
    return record


def discover(dataset: Dataset, admin: PgAdmin | None, opts: Options) -> Workload:
    with workload.open_db(dataset, admin) as db:
        return workload.discover(db, opts.deep_pages, opts.search_word)


def comparable(a: Workload, b: Workload) -> list[str]:
    """The fields in which two backends' data differ (they should not, same seed)."""
    skip = {"search_share"}
    left, right = dataclasses.asdict(a), dataclasses.asdict(b)
    return [k for k in left if k not in skip and left[k] != right[k]]


def run(opts: Options) -> int:
    started = time.time()
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    run_dir = BUILD / "runs" / stamp
    run_dir.mkdir(parents=True, exist_ok=True)
    wrk = harness.ensure_wrk(opts.install_wrk)
    if not opts.curated and not workload.generator_available():
        raise SystemExit(
            "manage.py generate_synthetic is not available yet "
            "(bench/synthetic/management/commands/generate_synthetic.py); use --curated to try the "
            "harness on the curated data."
        )
    admin: PgAdmin | None = None
    backends = list(opts.backends)
    if "postgresql" in backends:
        admin = PgAdmin(opts.pg_url)
        if not admin.available():
            if not opts.smoke:
                raise SystemExit(f"PostgreSQL is not reachable at {opts.pg_url}")
            log(f"PostgreSQL is not reachable at {opts.pg_url}: smoke run on SQLite only")
            backends.remove("postgresql")
            admin = None
    opts.backends = backends
    results = Results(
        meta={
            "started": datetime.datetime.now().isoformat(timespec="seconds"),
            "options": json.loads(json.dumps(dataclasses.asdict(opts), default=str)),
            "commit": read_commit(),
            "machine": machine(),
            "versions": versions(wrk, admin),
            "redis_url_set": bool(opts.server_env.get("REDIS_URL") or os.environ.get("REDIS_URL")),
            "run_dir": str(run_dir),
        }
    )
    temporary: list[Dataset] = []
    try:
        for n in opts.sizes:
            log(f"== N={n:,}")
            datasets: dict[str, Dataset] = {}
            need_sqlite = "sqlite" in backends or opts.datasette
            if need_sqlite:
                datasets["sqlite"] = workload.ensure_sqlite(
                    n, opts.seed, opts.reuse, opts.curated, run_dir, run_dir / f"generate-{n}.log"
                )
            if "postgresql" in backends:
                assert admin is not None
                datasets["postgresql"] = workload.ensure_postgres(
                    admin, n, opts.seed, opts.reuse, opts.curated, run_dir / f"generate-{n}.log"
                )
            temporary += [d for d in datasets.values() if not d.keep]
            for d in datasets.values():
                log(f"  {d.describe()}")
            found = {b: discover(d, admin, opts) for b, d in datasets.items()}
            for backend, w in found.items():
                results.workloads.append(workload_record(datasets[backend], w))
            reference = found.get("sqlite") or found["postgresql"]
            log(
                f"  workload: participants {reference.actor_a} + {reference.actor_b} "
                f"{reference.date_from}..{reference.date_to}; speaker {reference.speaker} "
                f"({reference.speaker_statements} statements); search {reference.search_word!r}"
            )
            if len(found) == 2:
                differ = comparable(found["sqlite"], found["postgresql"])
                if differ:
                    results.notes.append(
                        f"N={n}: SQLite and PostgreSQL data differ in {', '.join(differ)} "
                        "(each backend is asked about its own data)"
                    )
            if opts.prepare:
                continue
            subjects: list[Subject] = []
            try:
                start_subjects(subjects, datasets, found, opts, run_dir, admin, results)
                bench_size(subjects, found, wrk, n, opts, results)
            finally:
                for subject in subjects:
                    subject.server.stop()
                    results.server_errors += server_log_errors(subject.server)
    finally:
        for dataset in temporary:
            if dataset.sqlite_path is not None:
                workload.remove_sqlite(dataset.sqlite_path)
            elif dataset.pg_database and admin is not None:
                admin.drop(dataset.pg_database)
        if not opts.reuse:
            shutil.rmtree(run_dir / "datasette", ignore_errors=True)
        results.meta["seconds"] = round(time.time() - started, 1)
        results.summarise()
        opts.output.parent.mkdir(parents=True, exist_ok=True)
        opts.output.write_text(json.dumps(results.to_json(), indent=1, default=str))
    print(report(results, opts))
    errors = sum(m.errors for m in results.measurements)
    errors += sum(1 for e in results.exports if e.error)
    print(
        f"\n{len(results.measurements)} measurements, {len(results.exports)} exports, "
        f"{errors} failed requests, {len(results.server_errors)} server log errors; "
        f"{results.meta['seconds']:.0f} s. Results: {opts.output}"
    )
    return 1 if errors or results.server_errors else 0


def main(argv: Iterable[str] | None = None) -> int:
    opts = parse_args(list(argv) if argv is not None else sys.argv[1:])
    # A SIGTERM (a CI timeout) unwinds like Ctrl-C: servers stopped, temporary data dropped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    return run(opts)


if __name__ == "__main__":
    sys.exit(main())
