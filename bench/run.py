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

import dataclasses
import datetime
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PROJECT_VENV = ROOT / ".venv"

# The driver needs only the standard library, plus psycopg (PostgreSQL administration) from
# the project's virtual environment: run there whatever python started us.
if Path(sys.prefix).resolve() != PROJECT_VENV.resolve() and (PROJECT_VENV / "bin/python").exists():
    os.execv(PROJECT_VENV / "bin/python", [str(PROJECT_VENV / "bin/python"), *sys.argv])

import harness  # noqa: E402 - after the re-exec above
import queries  # noqa: E402
import workload  # noqa: E402
from harness import CpuMeter, CpuWindow, PgBackends, Server, log  # noqa: E402
from options import Options, parse_args, selected  # noqa: E402
from report import fmt, report  # noqa: E402
from results import Export, Measurement, Results  # noqa: E402
from servers import (  # noqa: E402
    DATASETTE_REQUIREMENTS,
    datasette_server,
    ensure_datasette_venv,
    gunicorn_server,
    server_log_errors,
)
from workload import BUILD, Dataset, PgAdmin, Workload  # noqa: E402

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
        path = queries.timeline_table_path(str(token)) if datasette else local_path(str(token))
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
    order = {name: i for i, name in enumerate(queries.QUERY_NAMES)}
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
        subjects[-1].paths = queries.datasette_paths(found["sqlite"])
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
        subjects[-1].paths = queries.parley_paths(found[backend])
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
    names = [name for name in queries.QUERY_NAMES if selected(opts, name)]
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
