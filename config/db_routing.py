"""Reads from a read replica, writes to the primary (enabled by DATABASE_REPLICA_URL).

Only the reads of GET, HEAD and OPTIONS requests go to the replica, including the rows
of a streamed export. Everything else uses the primary: writes, the reads a write makes
to check and answer it, management commands and anything run outside a request.

Three cases read from the primary instead:

- the writer's next reads: for REPLICA_STICKY_SECONDS after a successful write, reads by
  the same client (the same Authorization header or session cookie) use the primary, so
  a client reads its own write back even before the replica has it (the mark is kept in
  the cache: set REDIS_URL when several processes serve);
- a lost replica: when it cannot be reached, reads use the primary (checked at most every
  REPLICA_CHECK_SECONDS per process) instead of failing;
- a lagging replica: when it is more than REPLICA_MAX_LAG_SECONDS behind (PostgreSQL's
  replay position), reads use the primary until it catches up.

A replica serves slightly old reads at worst, never a lost or half-applied write.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connections
from django.http import HttpRequest, HttpResponseBase

logger = logging.getLogger(__name__)

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


# How far behind the primary the replica is, in seconds (0 when it has replayed all it
# received; None when the database is no replica, e.g. SQLite in the tests).
LAG_SQL = """
SELECT CASE
    WHEN NOT pg_is_in_recovery() THEN NULL
    WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
    ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0)
END
"""
_health = {"checked_at": float("-inf"), "usable": True}


def replica_usable() -> bool:
    """Whether the replica answers and is not too far behind; checked at most every
    REPLICA_CHECK_SECONDS in this process, the answer remembered in between."""
    now = time.monotonic()
    if now - _health["checked_at"] < settings.REPLICA_CHECK_SECONDS:
        return bool(_health["usable"])
    _health["checked_at"] = now
    replica = connections[REPLICA]
    try:
        with replica.cursor() as cursor:
            if replica.vendor == "postgresql":
                cursor.execute(LAG_SQL)
                lag = cursor.fetchone()[0]
            else:
                cursor.execute("SELECT 1")
                lag = None
        usable = lag is None or float(lag) <= settings.REPLICA_MAX_LAG_SECONDS
        if not usable:
            logger.warning("Replica %.1f s behind: reading from the primary.", float(lag))
    except DatabaseError as exc:
        logger.warning("Replica unreachable, reading from the primary: %s", exc)
        replica.close_if_unusable_or_obsolete()
        usable = False
    _health["usable"] = usable
    return usable


def client_mark(request: HttpRequest) -> str | None:
    """The cache key marking this client as a recent writer (None for anonymous)."""
    credential = request.META.get("HTTP_AUTHORIZATION") or request.COOKIES.get(
        settings.SESSION_COOKIE_NAME
    )
    if not credential:
        return None
    return "primary-reads:" + hashlib.sha256(credential.encode()).hexdigest()


class ReplicaReadsMiddleware:
    """Lets read-only requests read from the replica (a no-op without the router), except
    a recent writer's, and not while the replica is lost or lagging."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        mark = client_mark(request)
        if request.method not in READ_ONLY_METHODS:
            response = self.get_response(request)
            if mark and response.status_code < 400 and REPLICA in settings.DATABASES:
                cache.set(mark, 1, timeout=settings.REPLICA_STICKY_SECONDS)
            return response
        configured = REPLICA in settings.DATABASES
        if configured and ((mark and cache.get(mark)) or not replica_usable()):
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
