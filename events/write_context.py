"""Whether code runs inside the write service (`events.services`).

The models read this to refuse bulk writes made around the service (they would leave
the timeline stale and no revision); the service sets it. It imports nothing from the
app, so the models can read it without importing the service.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

# The active change set of `events.services.writing()`, or a marker for untracked writes.
_scope: ContextVar[Any] = ContextVar("parley_write_scope", default=None)
UNTRACKED = object()


def current_scope() -> Any:
    """The active scope: a change set, `UNTRACKED`, or None outside the service."""
    return _scope.get()


@contextmanager
def entered(scope: Any) -> Iterator[Any]:
    token = _scope.set(scope)
    try:
        yield scope
    finally:
        _scope.reset(token)


class WriteOutsideService(RuntimeError):
    """A bulk write (queryset `update()`, `bulk_create()`, `bulk_update()`) to curated
    records outside `events.services`: it would bypass the timeline and the history."""
