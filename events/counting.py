"""Page counts without a `COUNT(*)` per request.

A list answers `count`, and counting a filtered million-row table costs more than reading
the page itself. The count of a query only changes when the data does, so it is kept in
the cache (Redis when `REDIS_URL` is set, else each process's memory) under a key made of
the query's SQL and the dataset's version: the newest `updated_at` of every curated table
and the newest deletion. Any write anywhere changes the version, so a cached count is
never served for data it was not computed on — whichever process made the change.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.db.models import QuerySet

from .models import CURATED_MODELS, Tombstone


def dataset_version(using: str) -> str:
    """The newest change to any curated record, read in one query of indexed maxima."""
    quote = connections[using].ops.quote_name
    tables = [model._meta.db_table for model in CURATED_MODELS.values()]
    maxima = [f"(SELECT MAX(updated_at) FROM {quote(table)})" for table in tables]
    maxima.append(f"(SELECT MAX(deleted_at) FROM {quote(Tombstone._meta.db_table)})")
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(maxima))
        return repr(cursor.fetchone())


def cached_count(queryset: QuerySet) -> int:
    """`queryset.count()`, from the cache while the dataset has not changed."""
    sql, params = queryset.query.sql_with_params()
    version = dataset_version(queryset.db)
    digest = hashlib.sha256(f"{queryset.db}\n{sql}\n{params!r}\n{version}".encode()).hexdigest()
    key = f"count:{digest}"
    count = cache.get(key)
    if count is None:
        count = queryset.count()
        cache.set(key, count, settings.COUNT_CACHE_SECONDS)
    return count
