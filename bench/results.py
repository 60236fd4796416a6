"""What one benchmark run measured: one row per server, database, N, clients and query
(the median of its rounds), export runs, and their JSON form."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

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
