"""PostgreSQL only: a stored `tsvector` of TimelineEntry.search_text, with its GIN index.

Search ranked its matches with `ts_rank(to_tsvector(search_text), query)`, which
recomputed the vector of every match (1.2 s for a common word at a million events). A
generated column holds the vector once, computed by PostgreSQL whenever `search_text`
is written (by the write path, the loader or the synthetic generator alike), so ranking
reads it instead. The expression GIN index of 0002 is replaced by one on the column.

The column is not a Django field (SQLite has no tsvector; its search is the FTS5 table of
0006): `events.queries.search.StoredVector` refers to it. A later migration that alters
`search_text` on PostgreSQL must drop and re-add this column around the change.
"""

from django.db import migrations

TABLE = "events_timelineentry"
COLUMN = "search_vector"
INDEX = "timeline_search_vector_gin"
OLD_INDEX = "timeline_search_gin"
# Must stay the expression `events.queries.search` searches with (config 'english').
ADD_COLUMN = (
    f"ALTER TABLE {TABLE} ADD COLUMN {COLUMN} tsvector GENERATED ALWAYS AS "
    f"(to_tsvector('english'::regconfig, COALESCE(search_text, ''))) STORED"
)
OLD_INDEX_SQL = (
    f"CREATE INDEX {OLD_INDEX} ON {TABLE} USING gin "
    f"(to_tsvector('english'::regconfig, COALESCE(search_text, '')))"
)


def add_vector(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(ADD_COLUMN)
    schema_editor.execute(f"CREATE INDEX {INDEX} ON {TABLE} USING gin ({COLUMN})")
    schema_editor.execute(f"DROP INDEX IF EXISTS {OLD_INDEX}")


def remove_vector(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(OLD_INDEX_SQL)
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
    schema_editor.execute(f"ALTER TABLE {TABLE} DROP COLUMN {COLUMN}")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0011_timeline_documented"),
    ]

    operations = [
        migrations.RunPython(add_vector, remove_vector, elidable=False),
    ]
