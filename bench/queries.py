"""The queries the benchmark asks: Parley's URL for each and the equivalent Datasette query
(SQL over the same tables), filled in with parameters found in the data (workload.py)."""

from __future__ import annotations

import dataclasses
import urllib.parse
from collections.abc import Mapping, Sequence

from workload import (
    DATASETTE_DB_NAME,
    INCIDENT_SELECT,
    MEETING_SELECT,
    PAGE,
    STATEMENT_SELECT,
    TIMELINE_COLUMNS,
    Workload,
)

# --- the queries ---------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class QuerySpec:
    name: str
    description: str
    first_page_of: str | None = None  # for deep pages: the first page they compare with


QUERIES: list[QuerySpec] = [
    QuerySpec("meetings", "first page (100) of meetings, nested participants and citations"),
    QuerySpec("statements", "first page (100) of statements, nested speaker/mentions/citations"),
    QuerySpec("incidents", "first page (100) of incidents, nested actors and citations"),
    QuerySpec("events", "first page (100) of the timeline (/events/, cursor)"),
    QuerySpec("meetings_participants", "meetings with participants A and B, one year"),
    QuerySpec("statements_speaker", "statements by one speaker, oldest first"),
    QuerySpec("events_deep", "timeline page far in (cursor / keyset)", first_page_of="events"),
    QuerySpec("meetings_deep", "meetings page far in (page number / OFFSET)", "meetings"),
    QuerySpec("search", "full-text search on the timeline, first page (100)"),
    QuerySpec("stats_month", "/stats/ by month over every event"),
]
EXPORT = QuerySpec("csv_meetings", "CSV export of every meeting (streamed)")
QUERY_NAMES = [q.name for q in QUERIES] + [EXPORT.name]


def qs(params: Mapping[str, str | int] | Sequence[tuple[str, str | int]]) -> str:
    return urllib.parse.urlencode(params, quote_via=urllib.parse.quote)


def parley_paths(w: Workload) -> dict[str, str]:
    """Parley's URL (path and query) for each query except the deep timeline page, which
    is a cursor found by following `next` (see run.py)."""
    api = "/api/v1"
    return {
        "meetings": f"{api}/meetings/?page_size={PAGE}",
        "statements": f"{api}/statements/?page_size={PAGE}",
        "incidents": f"{api}/incidents/?page_size={PAGE}",
        "events": f"{api}/events/?page_size={PAGE}",
        "meetings_participants": f"{api}/meetings/?"
        + qs(
            [
                ("participant", w.actor_a),
                ("participant", w.actor_b),
                ("date_from", w.date_from),
                ("date_to", w.date_to),
                ("page_size", PAGE),
            ]
        ),
        "statements_speaker": f"{api}/statements/?"
        + qs({"speaker": w.speaker, "ordering": "date", "page_size": PAGE}),
        "meetings_deep": f"{api}/meetings/?"
        + qs({"page_size": PAGE, "page": w.meetings_deep_page}),
        "search": f"{api}/events/?" + qs({"search": w.search_word, "page_size": PAGE}),
        "stats_month": f"{api}/stats/?group_by=month",
        "csv_meetings": f"{api}/meetings/?format=csv",
    }


JSON_MEETING = ["place", "participants", "topics", "citations"]
JSON_STATEMENT = ["speaker", "mentions", "topics", "citations"]
JSON_INCIDENT = ["place", "actors", "topics", "citations"]


def one_line(sql: str) -> str:
    return " ".join(sql.split())


def sql_path(sql: str, json_columns: Sequence[str] = (), **params: str | int) -> str:
    """A Datasette query URL: rows as an array of objects, JSON columns decoded."""
    pairs: list[tuple[str, str | int]] = [("sql", one_line(sql)), ("_shape", "array")]
    pairs += [("_json", column) for column in json_columns]
    pairs += list(params.items())
    return f"/{DATASETTE_DB_NAME}.json?" + qs(pairs)


TIMELINE_TABLE = f"/{DATASETTE_DB_NAME}/events_timelineentry.json"
TIMELINE_TABLE_PARAMS = [
    ("_sort_desc", "date"),
    ("_size", PAGE),
    ("_shape", "objects"),
    ("_json", "payload"),
    ("_nocol", "search_text"),
    # Parley's stored JSON (not part of Datasette's comparison page).
    ("_nocol", "record_json"),
    ("_nocol", "item_json"),
    # Parley's timeline has no count and no facets: Datasette skips them too.
    ("_nocount", "1"),
    ("_nofacet", "1"),
    ("_nosuggest", "1"),
]


def timeline_table_path(next_token: str | None = None) -> str:
    pairs = list(TIMELINE_TABLE_PARAMS)
    if next_token:
        pairs.append(("_next", next_token))
    return f"{TIMELINE_TABLE}?{qs(pairs)}"


def datasette_paths(w: Workload) -> dict[str, str]:
    """Datasette's equivalent of each query (the deep timeline page is found by following
    `next`). Variants that are not the comparison's baseline are named `<query>:<variant>`.
    """
    overlap = (
        "(m.end_date >= :date_from or (m.end_date is null and m.date >= :date_from)) "
        "and m.date <= :date_to"
    )
    # `in` lets SQLite start from the participations of A and B (an `exists` per meeting
    # scans the meetings by date instead: 50 times slower at N=100k).
    takes_part = (
        "m.id in (select p.meeting_id from events_participation p "
        "where p.actor_id = (select id from events_actor where slug = :{}))"
    )
    search_fts = (
        f"select {TIMELINE_COLUMNS} from events_timelineentry t where t.id in "
        "(select rowid from events_timelineentry_fts where events_timelineentry_fts "
        "match :q) order by t.date desc, t.id desc limit 100"
    )
    search_like = (
        f"select {TIMELINE_COLUMNS} from events_timelineentry t "
        "where t.search_text like '%' || :q || '%' order by t.date desc, t.id desc limit 100"
    )
    stats = (
        "select strftime('%Y-%m', date) as key, sum(event_type = 'meeting') as meeting, "
        "sum(event_type = 'statement') as statement, sum(event_type = 'incident') as incident, "
        "count(*) as total from events_timelineentry group by key order by key"
    )
    offset = (w.meetings_deep_page - 1) * PAGE
    return {
        "meetings": sql_path(
            f"{MEETING_SELECT} order by m.date desc, m.id desc limit 100", JSON_MEETING
        ),
        "statements": sql_path(
            f"{STATEMENT_SELECT} order by s.date desc, s.id desc limit 100", JSON_STATEMENT
        ),
        "incidents": sql_path(
            f"{INCIDENT_SELECT} order by i.date desc, i.id desc limit 100", JSON_INCIDENT
        ),
        "events": timeline_table_path(),
        "meetings_participants": sql_path(
            f"{MEETING_SELECT} where {takes_part.format('a')} and {takes_part.format('b')} "
            f"and {overlap} order by m.date desc, m.id desc limit 100",
            JSON_MEETING,
            a=w.actor_a,
            b=w.actor_b,
            date_from=w.date_from,
            date_to=w.date_to,
        ),
        "statements_speaker": sql_path(
            f"{STATEMENT_SELECT} where s.speaker_id = "
            "(select id from events_actor where slug = :speaker) "
            "order by s.date, s.id limit 100",
            JSON_STATEMENT,
            speaker=w.speaker,
        ),
        "meetings_deep": sql_path(
            f"{MEETING_SELECT} order by m.date desc, m.id desc limit 100 offset {offset}",
            JSON_MEETING,
        ),
        "search": sql_path(search_fts, ["payload"], q=w.search_word),
        "search:like": sql_path(search_like, ["payload"], q=w.search_word),
        "stats_month": sql_path(stats),
        # The whole table, flat (Datasette's own export: no participants or citations).
        "csv_meetings": f"/{DATASETTE_DB_NAME}/events_meeting.csv?_stream=on",
        # Every meeting with its participants and citations (a view: OFFSET paging).
        "csv_meetings:nested": f"/{DATASETTE_DB_NAME}/meetings_nested.csv?_stream=on",
    }
