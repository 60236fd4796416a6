"""Page counts without a `COUNT(*)` per request.

A list answers `count`, and counting a filtered million-row table costs more than reading
the page itself. The count of a query only changes when the data does, so it is kept in
the cache (Redis when `REDIS_URL` is set, else each process's memory) under a key made of
the query's SQL and the dataset's version: the newest change of every curated record type
(events.api.conditional.change_stamps). Any write anywhere changes the version, so a cached count is
never served for data it was not computed on — whichever process made the change.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet


def cached_count(queryset: QuerySet, version: str) -> int:
    """`queryset.count()`, from the cache while the dataset's `version` is unchanged."""
    sql, params = queryset.query.sql_with_params()
    digest = hashlib.sha256(f"{queryset.db}\n{sql}\n{params!r}\n{version}".encode()).hexdigest()
    key = f"count:{digest}"
    count = cache.get(key)
    if count is None:
        count = queryset.count()
        cache.set(key, count, settings.COUNT_CACHE_SECONDS)
    return count
