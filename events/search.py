"""Full-text search over the timeline: ranked on PostgreSQL, substring match elsewhere.

PostgreSQL matches `websearch_to_tsquery('english', q)` — plain words are AND-ed and
stemmed, `"quoted phrases"`, `or` and `-excluded` words work as on a search engine —
against an English `tsvector` of the event's title, text, quotes, actor names and aliases,
place and topics, served by a GIN index; results carry a `rank`. SQLite has no such
search: there every word must appear as a case-insensitive substring, and `rank` is 0.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import FloatField, Q, Value

if TYPE_CHECKING:
    from .models import TimelineQuerySet

SEARCH_CONFIG = "english"
# The expression the GIN index is built on; queries must use the very same one.
SEARCH_VECTOR = SearchVector("search_text", config=SEARCH_CONFIG)


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def search_timeline(queryset: TimelineQuerySet, text: str) -> TimelineQuerySet:
    text = text.strip()
    if is_postgresql():
        query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
        return queryset.annotate(
            search_vector=SEARCH_VECTOR, rank=SearchRank(SEARCH_VECTOR, query)
        ).filter(search_vector=query)
    condition = Q()
    for word in text.split():
        condition &= Q(search_text__icontains=word)
    return queryset.filter(condition).annotate(rank=Value(0.0, output_field=FloatField()))
