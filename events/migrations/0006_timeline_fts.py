"""SQLite only: an FTS5 index of TimelineEntry.search_text, for `search` (events.search).

An external-content table: it stores only the index, and reads the text from
events_timelineentry by rowid (= id). Triggers keep it in step with every write to the
table (the loader, the API, the admin, timeline rebuilds, the synthetic generator), so no
code has to remember it. PostgreSQL has its GIN index (0002) and gets nothing here.

If a later migration makes SQLite rebuild events_timelineentry (Django does that for most
AlterField/RemoveField on SQLite), the rebuild drops these triggers: that migration must
run `create_triggers` again (tests/domain/test_search_fts.py checks they exist).
"""

from django.db import migrations

TABLE = "events_timelineentry"
FTS = "events_timelineentry_fts"

CREATE_TABLE = (
    f"CREATE VIRTUAL TABLE {FTS} USING fts5(search_text, content='{TABLE}', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
)
# The 'delete' command needs the old text exactly as it was indexed.
TRIGGERS = {
    f"{FTS}_insert": (
        f"CREATE TRIGGER {FTS}_insert AFTER INSERT ON {TABLE} BEGIN "
        f"INSERT INTO {FTS}(rowid, search_text) VALUES (new.id, new.search_text); END"
    ),
    f"{FTS}_delete": (
        f"CREATE TRIGGER {FTS}_delete AFTER DELETE ON {TABLE} BEGIN "
        f"INSERT INTO {FTS}({FTS}, rowid, search_text) "
        f"VALUES ('delete', old.id, old.search_text); END"
    ),
    f"{FTS}_update": (
        f"CREATE TRIGGER {FTS}_update AFTER UPDATE OF search_text ON {TABLE} BEGIN "
        f"INSERT INTO {FTS}({FTS}, rowid, search_text) "
        f"VALUES ('delete', old.id, old.search_text); "
        f"INSERT INTO {FTS}(rowid, search_text) VALUES (new.id, new.search_text); END"
    ),
}


def create_triggers(schema_editor) -> None:
    for name, sql in TRIGGERS.items():
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
        schema_editor.execute(sql)


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute(CREATE_TABLE)
    schema_editor.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')")  # existing rows
    create_triggers(schema_editor)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for name in TRIGGERS:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
    schema_editor.execute(f"DROP TABLE IF EXISTS {FTS}")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0005_timeline_stats_indexes"),
    ]

    operations = [
        migrations.RunPython(create_index, drop_index, elidable=False),
    ]
