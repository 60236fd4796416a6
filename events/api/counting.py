"""Counts without counting on every request: page counts and `/stats/`.

A list answers `count`, and counting a filtered million-row table costs more than reading
the page itself; `/stats/` groups every timeline row (0.45-0.8 s at a million events).
Both only change when the data does, so they are kept in the cache (Redis when
`REDIS_URL` is set, else each process's memory) under a key made of the query's SQL and
the dataset's version: the newest change of every curated record type
(events.api.conditional.change_stamps), which also drives `Last-Modified`, the ETags and
`updated_since`. Any write anywhere changes the version, so a cached answer is never
served for data it was not computed on — whichever process made the change.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db.models import QuerySet

T = TypeVar("T")


def cached_for_version(
    queryset: QuerySet, version: str, purpose: str, compute: Callable[[], T]
) -> T:
    """`compute()` of something that depends only on the rows of `queryset`, from the
    cache while the dataset's `version` is unchanged."""
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # no rows can match: nothing worth caching
        return compute()
    text = f"{purpose}\n{queryset.db}\n{sql}\n{params!r}\n{version}"
    key = f"{purpose}:{hashlib.sha256(text.encode()).hexdigest()}"
    value: Any = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, settings.COUNT_CACHE_SECONDS)
    return value


def cached_count(queryset: QuerySet, version: str) -> int:
    """`queryset.count()`, from the cache while the dataset's `version` is unchanged."""
    return cached_for_version(queryset, version, "count", queryset.count)
