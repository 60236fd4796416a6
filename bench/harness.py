"""Process plumbing for the benchmark: servers, wrk, CPU and memory accounting.

Standard library only. Everything listens on 127.0.0.1 and every wait is bounded.

CPU accounting reads ``/proc``: a process tree's CPU is the ``utime + stime`` of every
live member plus the ``cutime + cstime`` (CPU of reaped children) of every member, so a
worker that is replaced during a measurement is still counted, once. PostgreSQL backends
are not children of the application server: they are counted apart (see `PgBackends`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import http.client
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
HOST = "127.0.0.1"


# --- /proc ---------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class ProcStat:
    """The CPU fields of /proc/<pid>/stat, in clock ticks."""

    pid: int
    ppid: int
    own: int  # utime + stime
    reaped: int  # cutime + cstime: CPU of children this process waited for


def proc_stat(pid: int) -> ProcStat | None:
    """CPU counters of one process, or None if it is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    # The command name (field 2) may hold spaces and parentheses: split after the last ")".
    fields = raw[raw.rindex(")") + 2 :].split()
    # fields[0] is field 3 (state); utime is field 14, so fields[11].
    return ProcStat(
        pid=pid,
        ppid=int(fields[1]),
        own=int(fields[11]) + int(fields[12]),
        reaped=int(fields[13]) + int(fields[14]),
    )


def children(pid: int) -> list[int]:
    """Direct children of a process (every thread's list), from /proc."""
    found: list[int] = []
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except (FileNotFoundError, PermissionError):
        return found
    for task in tasks:
        with contextlib.suppress(FileNotFoundError, ProcessLookupError, PermissionError):
            found.extend(int(p) for p in (task / "children").read_text().split())
    return found


def descendants(pid: int) -> list[int]:
    """The process and all its descendants."""
    result: list[int] = []
    todo = [pid]
    while todo:
        current = todo.pop()
        result.append(current)
        todo.extend(children(current))
    return result


def proc_status(pid: int) -> dict[str, str]:
    """/proc/<pid>/status as a mapping (empty when the process is gone)."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return {}
    return dict(line.split(":\t", 1) for line in text.splitlines() if ":\t" in line)


def rss_mb(pid: int, field: str = "VmRSS") -> float | None:
    """Resident memory (VmRSS) or its peak (VmHWM) in MiB."""
    value = proc_status(pid).get(field)
    if value is None:
        return None
    return int(value.strip().split()[0]) / 1024


def reset_peak_rss(pid: int) -> bool:
    """Reset VmHWM to the current RSS (Linux >= 4.0, writing 5 to clear_refs)."""
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode().strip()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return ""


def machine_ticks() -> tuple[int, int]:
    """(busy, total) CPU ticks of the whole machine since boot, from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + (values[4] if len(values) > 4 else 0)  # idle + iowait
    # guest time is already counted in user/nice: count the first 8 fields only.
    total = sum(values[:8])
    return total - idle, total


class CpuSource:
    """Something whose CPU time can be read (a process tree, PostgreSQL backends)."""

    def snapshot(self) -> dict[str, int]:
        """Counters in clock ticks, keyed by something stable across snapshots."""
        raise NotImplementedError


class ProcessTree(CpuSource):
    """A server process and all its descendants (gunicorn or uvicorn master + workers)."""

    def __init__(self, root: int) -> None:
        self.root = root

    def pids(self) -> list[int]:
        return descendants(self.root)

    def workers(self) -> list[int]:
        """The processes that serve requests: the descendants, or the root alone."""
        tree = self.pids()
        return tree[1:] or tree

    def snapshot(self) -> dict[str, int]:
        counters: dict[str, int] = {}
        for pid in self.pids():
            stat = proc_stat(pid)
            if stat is not None:
                counters[f"own:{pid}"] = stat.own
                counters[f"reaped:{pid}"] = stat.reaped
        return counters


class PgBackends(CpuSource):
    """The PostgreSQL processes working for one database.

    The server's backends are children of the postmaster, not of gunicorn: they are found
    by their process title (``postgres: ... <user> <database> 127.0.0.1(port) ...``), with
    the parallel workers of those backends (``parallel worker for PID <leader>``). A
    process that exits during a measurement (a parallel worker, typically) is reaped by the
    postmaster: its CPU appears in the postmaster's ``cutime``, which is counted too. That
    last part may include other databases' short-lived processes on a busy machine (it is
    reported apart, as ``db_reaped``).
    """

    def __init__(self, postmaster: int, database: str) -> None:
        self.postmaster = postmaster
        self.database = database

    def backends(self) -> list[int]:
        ours: list[int] = []
        titles = {pid: cmdline(pid) for pid in children(self.postmaster)}
        for pid, title in titles.items():
            if f" {self.database} " in f" {title} ":
                ours.append(pid)
        for pid, title in titles.items():
            match = re.search(r"parallel worker for PID (\d+)", title)
            if match and int(match.group(1)) in ours:
                ours.append(pid)
        return ours

    def snapshot(self) -> dict[str, int]:
        counters: dict[str, int] = {}
        for pid in self.backends():
            stat = proc_stat(pid)
            if stat is not None:
                counters[f"own:{pid}"] = stat.own + stat.reaped
        master = proc_stat(self.postmaster)
        if master is not None:
            counters["reaped:postmaster"] = master.reaped
        return counters


def ticks_delta(before: Mapping[str, int], after: Mapping[str, int], prefix: str = "") -> int:
    """CPU ticks spent between two snapshots (a key new in `after` started from zero)."""
    return sum(
        value - before.get(key, 0)
        for key, value in after.items()
        if key.startswith(prefix) and value >= before.get(key, 0)
    )


@dataclasses.dataclass
class CpuWindow:
    """CPU seconds spent during a measurement, by whom."""

    wall_s: float
    app_s: float
    db_s: float
    db_reaped_s: float
    client_s: float
    machine_busy_s: float

    @property
    def others_cores(self) -> float:
        """Average cores busy with something else than server, database and client."""
        mine = self.app_s + self.db_s + self.db_reaped_s + self.client_s
        return max(0.0, (self.machine_busy_s - mine) / self.wall_s) if self.wall_s else 0.0


class CpuMeter:
    """Measures the CPU of the server (and its database) around a block of work."""

    def __init__(self, app: CpuSource, db: PgBackends | None = None) -> None:
        self.app = app
        self.db = db

    @contextlib.contextmanager
    def window(self) -> Iterator[list[CpuWindow]]:
        """`with meter.window() as result:` ... then `result[0]` is the CpuWindow."""
        holder: list[CpuWindow] = []
        app0 = self.app.snapshot()
        db0 = self.db.snapshot() if self.db else {}
        busy0, _ = machine_ticks()
        client0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        yield holder
        wall = time.perf_counter() - start
        client1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        busy1, _ = machine_ticks()
        app1 = self.app.snapshot()
        db1 = self.db.snapshot() if self.db else {}
        holder.append(
            CpuWindow(
                wall_s=wall,
                app_s=ticks_delta(app0, app1) / CLOCK_TICKS,
                db_s=ticks_delta(db0, db1, "own:") / CLOCK_TICKS,
                db_reaped_s=ticks_delta(db0, db1, "reaped:") / CLOCK_TICKS,
                client_s=(client1.ru_utime + client1.ru_stime)
                - (client0.ru_utime + client0.ru_stime),
                machine_busy_s=(busy1 - busy0) / CLOCK_TICKS,
            )
        )


# --- HTTP ----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


@dataclasses.dataclass
class HttpResult:
    status: int
    body: bytes
    headers: dict[str, str]
    seconds: float


def http_get(base: str, path: str, timeout: float = 120.0) -> HttpResult:
    """One GET (whole body in memory: for probes and set-up, not for exports)."""
    parts = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname or HOST, parts.port, timeout=timeout)
    start = time.perf_counter()
    try:
        conn.request("GET", path, headers={"Accept": "*/*"})
        response = conn.getresponse()
        body = response.read()
        headers = {k.lower(): v for k, v in response.getheaders()}
        return HttpResult(response.status, body, headers, time.perf_counter() - start)
    finally:
        conn.close()


@dataclasses.dataclass
class StreamResult:
    status: int
    seconds: float
    first_byte_s: float
    bytes: int
    lines: int
    error: str | None = None


def http_stream(
    base: str, path: str, timeout: float, on_chunk: Callable[[], None] | None = None
) -> StreamResult:
    """GET a (large, streamed) body in 1 MiB chunks, counting bytes and newlines only."""
    parts = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname or HOST, parts.port, timeout=60)
    start = time.perf_counter()
    first = 0.0
    size = lines = 0
    status = 0
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        status = response.status
        first = time.perf_counter() - start
        while True:
            chunk = response.read1(1 << 20)
            if not chunk:
                break
            size += len(chunk)
            lines += chunk.count(b"\n")
            if on_chunk is not None:
                on_chunk()
            if time.perf_counter() - start > timeout:
                return StreamResult(
                    status, time.perf_counter() - start, first, size, lines, "timed out"
                )
    except (OSError, http.client.HTTPException) as exc:
        return StreamResult(status, time.perf_counter() - start, first, size, lines, str(exc))
    finally:
        conn.close()
    return StreamResult(status, time.perf_counter() - start, first, size, lines)


def wait_http_ok(
    base: str, path: str, process: subprocess.Popen[bytes], timeout: float, log: Path
) -> None:
    """Wait for a 200 on `path`, failing early if the server process dies."""
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}:\n{tail(log)}")
        try:
            result = http_get(base, path, timeout=5)
            if result.status == 200:
                return
            last = f"HTTP {result.status}: {result.body[:300]!r}"
        except OSError as exc:
            last = str(exc)
        time.sleep(0.25)
    raise RuntimeError(f"server not ready after {timeout:.0f} s ({last}):\n{tail(log)}")


def tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except FileNotFoundError:
        return "(no log)"


# --- servers -------------------------------------------------------------------------


class Server:
    """A server process started by the benchmark, stopped by `stop()` (or at exit)."""

    def __init__(
        self,
        name: str,
        argv: Sequence[str],
        env: Mapping[str, str],
        cwd: Path,
        log: Path,
        port: int,
        ready_path: str,
    ) -> None:
        self.name = name
        self.argv = list(argv)
        self.env = dict(env)
        self.cwd = cwd
        self.log = log
        self.port = port
        self.ready_path = ready_path
        self.base = f"http://{HOST}:{port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 90.0) -> Server:
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                self.argv,
                cwd=self.cwd,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # its own process group: stopped as one
            )
        try:
            wait_http_ok(self.base, self.ready_path, self.process, timeout, self.log)
        except BaseException:
            self.stop()
            raise
        return self

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def tree(self) -> ProcessTree:
        return ProcessTree(self.pid)

    def stop(self, timeout: float = 20.0) -> None:
        """SIGTERM the server's process group (only it: it has its own session)."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()


# --- wrk -----------------------------------------------------------------------------

_UNITS_MS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4, "h": 3.6e6}
_NUMBER_UNIT = r"([\d.]+)(us|ms|s|m|h)"


def to_ms(number: str, unit: str) -> float:
    return float(number) * _UNITS_MS[unit]


@dataclasses.dataclass
class WrkResult:
    requests: int
    seconds: float
    rps: float
    p50_ms: float | None
    p99_ms: float | None
    non2xx: int
    socket_errors: dict[str, int]
    raw: str

    @property
    def errors(self) -> int:
        return self.non2xx + sum(self.socket_errors.values())


def parse_wrk(output: str) -> WrkResult:
    """Parse wrk's report (with --latency). Units may be us, ms, s, m or h."""
    done = re.search(r"(\d+) requests in " + _NUMBER_UNIT, output)
    if done is None:
        raise ValueError(f"unexpected wrk output:\n{output}")
    percentiles = {
        int(p): to_ms(n, u)
        for p, n, u in re.findall(r"^\s*(\d+)(?:\.0+)?%\s+" + _NUMBER_UNIT + r"\s*$", output, re.M)
    }
    rps = re.search(r"Requests/sec:\s*([\d.]+)", output)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s*(\d+)", output)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    socket_errors = (
        dict(zip(("connect", "read", "write", "timeout"), map(int, sockets.groups()), strict=True))
        if sockets
        else {}
    )
    seconds = to_ms(done.group(2), done.group(3)) / 1000
    requests = int(done.group(1))
    return WrkResult(
        requests=requests,
        seconds=seconds,
        rps=float(rps.group(1)) if rps else (requests / seconds if seconds else 0.0),
        p50_ms=percentiles.get(50),
        p99_ms=percentiles.get(99),
        non2xx=int(non2xx.group(1)) if non2xx else 0,
        socket_errors={k: v for k, v in socket_errors.items() if v},
        raw=output,
    )


def wrk_path() -> str | None:
    return shutil.which("wrk")


def ensure_wrk(install: bool) -> str:
    """The wrk binary; installed with apt-get when missing and allowed (root only)."""
    found = wrk_path()
    if found:
        return found
    how = "apt-get install -y wrk   (Debian/Ubuntu package `wrk`)"
    if not install or os.geteuid() != 0 or not shutil.which("apt-get"):
        raise SystemExit(f"wrk is not installed. Install it with:\n    {how}")
    print(f"wrk is missing: {how}", flush=True)
    cmd = ["apt-get", "-o", "DPkg::Lock::Timeout=300", "install", "-y", "-q", "wrk"]
    if subprocess.run(cmd, stdout=subprocess.DEVNULL, check=False).returncode != 0:
        subprocess.run(["apt-get", "-o", "DPkg::Lock::Timeout=300", "update", "-q"], check=False)
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    found = wrk_path()
    if not found:
        raise SystemExit(f"could not install wrk; install it with:\n    {how}")
    return found


def run_wrk(wrk: str, url: str, clients: int, seconds: int, timeout_s: int = 30) -> WrkResult:
    """Hold `clients` connections on one URL for `seconds`; 1 wrk thread per 16 clients."""
    threads = max(1, min(clients, (clients + 15) // 16, os.cpu_count() or 1))
    argv = [
        wrk,
        f"-t{threads}",
        f"-c{clients}",
        f"-d{seconds}s",
        f"--timeout={timeout_s}s",
        "--latency",
        url,
    ]
    done = subprocess.run(
        argv, capture_output=True, text=True, timeout=seconds + timeout_s + 30, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"wrk failed ({done.returncode}): {done.stderr or done.stdout}")
    return parse_wrk(done.stdout)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
