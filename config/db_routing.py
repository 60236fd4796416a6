"""Reads from a read replica, writes to the primary (enabled by DATABASE_REPLICA_URL).

Only the reads of GET, HEAD and OPTIONS requests go to the replica, including the rows
of a streamed export. Everything else uses the primary: writes, the reads a write makes
to check and answer it (so a client always reads its own write back), management
commands and anything run outside a request. A replica that lags serves slightly old
reads, never a lost or half-applied write.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.http import HttpRequest, HttpResponseBase

REPLICA = "replica"
PRIMARY = "default"
READ_ONLY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

_replica_reads: ContextVar[bool] = ContextVar("replica_reads", default=False)


@contextmanager
def replica_reads() -> Iterator[None]:
    """Send the reads made inside this block to the replica."""
    token = _replica_reads.set(True)
    try:
        yield
    finally:
        _replica_reads.reset(token)


def _streamed_on_replica(chunks: Iterable[bytes]) -> Iterator[bytes]:
    with replica_reads():
        yield from chunks


class ReplicaReadsMiddleware:
    """Lets read-only requests read from the replica (a no-op without the router)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.method not in READ_ONLY_METHODS:
            return self.get_response(request)
        with replica_reads():
            response = self.get_response(request)
        if response.streaming:  # the body is read after this method returns
            response.streaming_content = _streamed_on_replica(response.streaming_content)
        return response


class PrimaryReplicaRouter:
    """Django database router for one primary (`default`) and one `replica`."""

    def db_for_read(self, model: type, **hints: Any) -> str:
        return REPLICA if _replica_reads.get() else PRIMARY

    def db_for_write(self, model: type, **hints: Any) -> str:
        return PRIMARY

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        return True  # the same data on both

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == PRIMARY  # the replica gets its schema by replication
