"""Full-text search over the timeline: ranked on PostgreSQL, FTS5 on SQLite.

PostgreSQL matches `websearch_to_tsquery('english', q)` — plain words are AND-ed and
stemmed, `"quoted phrases"`, `or` and `-excluded` words work as on a search engine —
against an English `tsvector` of the event's title, text, quotes, actor names and aliases,
place and topics. The vector is stored (`search_vector`, a generated column with its GIN
index; migration 0012), so matching and ranking read it rather than computing
`to_tsvector` for every match; results carry a `rank`.

SQLite matches the same text through an FTS5 index (`events_timelineentry_fts`, kept in
step with `TimelineEntry.search_text` by triggers; migration 0006). Every word the user
typed is required, and matches a word of the text or the beginning of one, ignoring case
and diacritics: `Pashin` finds "Pashinyan", `chisinau` finds "Chișinău", `war` does not
find "towards" (a one-letter word is matched whole). Each word is passed to FTS5 as a
quoted string, so nothing the user types is FTS5 syntax; a word with inner punctuation
(`Nagorno-Karabakh`, `D.C.`) is the phrase of its parts. There is no stemming and no
ranking: `rank` is 0.
"""

from __future__ import annotations

import re
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import BigIntegerField, Expression, FloatField, Func, QuerySet, Value
from django.db.models.expressions import Col, RawSQL

from events.models import TimelineEntry, TimelineQuerySet
from events.registry import BY_MODEL

SEARCH_CONFIG = "english"  # the configuration of the stored vector (migration 0012)


def vector_column() -> SearchVectorField:
    """PostgreSQL's generated `search_vector` column, described for the ORM only: it is
    not a model field, since SQLite has no such column (its search is FTS5)."""
    column = SearchVectorField()
    column.set_attributes_from_name("search_vector")
    return column


VECTOR_COLUMN = vector_column()


class StoredVector(Expression):
    """The timeline row's stored `tsvector`, as a column of the query's own table alias
    (so it stays right when the query becomes a subquery and is relabelled)."""

    output_field = VECTOR_COLUMN

    def resolve_expression(self, query: Any = None, *args: Any, **kwargs: Any) -> Col:
        return Col(query.get_initial_alias(), VECTOR_COLUMN, VECTOR_COLUMN)


# SQLite: the FTS5 table over events_timelineentry(search_text) (migration 0006).
FTS_TABLE = "events_timelineentry_fts"
# Letters and digits: what FTS5's unicode61 tokenizer makes tokens of (it splits on the
# rest), so a word without them holds no token.
TOKEN = re.compile(r"[^\W_]+")
# A shorter last token is matched whole: a one-letter prefix matches nearly every row and
# costs ~90 ms at 100k events (FTS5 reads every term starting with it).
MIN_PREFIX = 2


class NoIndex(Func):
    """`+column`: the same value, but SQLite will not look rows up by it.

    Filtering on `+id IN (matches)` makes SQLite walk the list's own index in page order
    (date, id), testing each id against the matches, and stop when the page is full,
    instead of fetching every match by id and sorting them all: 4 ms instead of 32 ms for
    a word in 16% of 100k events, at most one walk of the index (~10 ms) for a rare one.
    """

    template = "+%(expressions)s"


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def fts_query(text: str) -> str:
    """An FTS5 query requiring every word of `text`, or its beginning.

    Each word becomes an FTS5 string (`"word"`, inner double quotes doubled) followed by
    `*` (a prefix), so `"`, `*`, `NEAR`, `OR`, `-`, `:`, `^` and parentheses are only
    text. Words without a letter or digit hold no token and are left out. Empty if none
    is left.
    """
    terms = []
    for word in text.split():
        tokens = TOKEN.findall(word)
        if tokens:
            prefix = "*" if len(tokens[-1]) >= MIN_PREFIX else ""
            terms.append('"{}"{}'.format(word.replace('"', '""'), prefix))
    return " AND ".join(terms)


def search(queryset: QuerySet, text: str) -> QuerySet:
    """The rows of `queryset` matching `text`. Events and the timeline: full-text search
    over the timeline, which indexes an event's words with its quotes, actors, place and
    topics. Reference data: every word in a name, slug or alias (`SearchableQuerySet`)."""
    if queryset.model is TimelineEntry:
        return search_timeline(queryset, text)
    kind = BY_MODEL.get(queryset.model)
    if kind is not None and kind.is_event:
        matches = search_timeline(TimelineEntry.objects.filter(event_type=kind.name), text)
        return queryset.filter(pk__in=matches.values("event_id"))
    return queryset.search(text)


def search_timeline(queryset: TimelineQuerySet, text: str) -> TimelineQuerySet:
    """PostgreSQL: `websearch_to_tsquery` over an English `tsvector`, annotated with
    `rank`. SQLite: an FTS5 index, every word must match a word or the beginning of
    one, ignoring case and diacritics; `rank` is 0."""
    text = text.strip()
    if is_postgresql():
        query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
        return (
            queryset.alias(stored_vector=StoredVector())
            .filter(stored_vector=query)
            .annotate(rank=SearchRank(StoredVector(), query))
        )
    query = fts_query(text)
    if query:
        sql, params = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", (query,)
    else:  # only punctuation or symbols: nothing to find, as on PostgreSQL. (Not `none()`:
        sql, params = f"SELECT rowid FROM {FTS_TABLE} WHERE 0", ()  # /stats/ needs its SQL.)
    return (
        queryset.alias(fts_id=NoIndex("id", output_field=BigIntegerField()))
        .filter(fts_id__in=RawSQL(sql, params))
        .annotate(rank=Value(0.0, output_field=FloatField()))
    )
