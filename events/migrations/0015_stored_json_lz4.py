"""PostgreSQL: compress the stored representations with LZ4 instead of pglz.

A timeline row is larger than PostgreSQL's 2 kB TOAST threshold, so its longest values
are stored compressed, and every list page decompresses 100 of them. LZ4 decompresses
several times faster than pglz: 0.7 instead of 1.0 ms of database CPU to read a page of
100 meetings' `record_json` (docs/performance.md). Only values written afterwards are
LZ4; existing ones change as their rows are rebuilt. A server built without LZ4 keeps
pglz (the change is skipped with a warning). SQLite: nothing to do.
"""

import logging

from django.db import DatabaseError, migrations, transaction

logger = logging.getLogger(__name__)

COLUMNS = ("record_json", "item_json")


def use_lz4(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("events", "TimelineEntry")._meta.db_table)
    changes = ", ".join(f"ALTER COLUMN {column} SET COMPRESSION lz4" for column in COLUMNS)
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute(f"ALTER TABLE {table} {changes}")
    except DatabaseError as error:  # built without LZ4 (--without-lz4)
        logger.warning("stored JSON stays pglz-compressed: %s", error)


def use_default(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("events", "TimelineEntry")._meta.db_table)
    changes = ", ".join(f"ALTER COLUMN {column} SET COMPRESSION DEFAULT" for column in COLUMNS)
    schema_editor.execute(f"ALTER TABLE {table} {changes}")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0014_hashed_tokens_required_date_note"),
    ]

    operations = [migrations.RunPython(use_lz4, use_default, elidable=False)]
