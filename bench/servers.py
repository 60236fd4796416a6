"""The servers under test: Parley under gunicorn and Datasette, each started on a free
localhost port over the same data."""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import harness
import workload
from harness import Server, log
from options import Options
from workload import BUILD, Dataset

ROOT = Path(__file__).resolve().parent.parent
PROJECT_VENV = ROOT / ".venv"
DATASETTE_VENV = BUILD / "datasette-venv"
DATASETTE_REQUIREMENTS = ROOT / "bench" / "requirements-datasette.txt"


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
