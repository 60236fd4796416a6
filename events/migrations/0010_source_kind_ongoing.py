"""Sources of two kinds (document, reference); open-ended (`ongoing`) meetings and
incidents, copied to their timeline rows.

On SQLite, adding a column with a default makes Django rebuild events_timelineentry,
which drops the FTS5 triggers of 0006: they are created again (both ways).
"""

import importlib

from django.db import migrations, models

fts = importlib.import_module("events.migrations.0006_timeline_fts")


def recreate_fts_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    fts.create_triggers(schema_editor)
    # The rebuild kept the rows' ids (the index's rowids); re-index anyway, it is cheap.
    schema_editor.execute(f"INSERT INTO {fts.FTS}({fts.FTS}) VALUES ('rebuild')")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0009_citation_supports_disagrees"),
    ]

    operations = [
        # Reversed last: after the timeline's column is removed again.
        migrations.RunPython(migrations.RunPython.noop, recreate_fts_triggers, elidable=False),
        migrations.AddField(
            model_name="incident",
            name="ongoing",
            field=models.BooleanField(
                default=False,
                help_text="Still going on when its last source was written: no end_date, and date filters treat it as reaching the present.",
            ),
        ),
        migrations.AddField(
            model_name="meeting",
            name="ongoing",
            field=models.BooleanField(
                default=False,
                help_text="Still going on when its last source was written: no end_date, and date filters treat it as reaching the present.",
            ),
        ),
        migrations.AddField(
            model_name="source",
            name="kind",
            field=models.CharField(
                choices=[("document", "Held document"), ("reference", "Outside reference")],
                db_index=True,
                default="document",
                help_text="document: a text held beside the project, quoted verbatim; reference: an outside publication (url, publisher and date required), cited without quotes.",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="timelineentry",
            name="ongoing",
            field=models.BooleanField(
                default=False, help_text="The event is still going on (meetings and incidents)."
            ),
        ),
        migrations.AlterField(
            model_name="citation",
            name="note",
            field=models.TextField(
                blank=True,
                help_text="The curator's note; for a reference, what it attests, in our own words.",
            ),
        ),
        migrations.AlterField(
            model_name="citation",
            name="quote",
            field=models.TextField(
                blank=True,
                help_text="Exact substring of the source document; empty when the source is a reference (its text is not held).",
            ),
        ),
        migrations.AlterField(
            model_name="source",
            name="document",
            field=models.CharField(
                blank=True,
                help_text="File name of the source text the quotes can be checked against; null for a reference.",
                max_length=255,
                null=True,
            ),
        ),
        migrations.AlterField(
            model_name="source",
            name="title",
            field=models.CharField(
                blank=True,
                help_text="Headline of a document, if it has one; a reference's title in our own words.",
                max_length=500,
            ),
        ),
        migrations.AddConstraint(
            model_name="incident",
            constraint=models.CheckConstraint(
                condition=models.Q(("ongoing", False), ("end_date__isnull", True), _connector="OR"),
                name="incident_ongoing_has_no_end_date",
            ),
        ),
        migrations.AddConstraint(
            model_name="meeting",
            constraint=models.CheckConstraint(
                condition=models.Q(("ongoing", False), ("end_date__isnull", True), _connector="OR"),
                name="meeting_ongoing_has_no_end_date",
            ),
        ),
        migrations.RunPython(recreate_fts_triggers, migrations.RunPython.noop, elidable=False),
    ]
