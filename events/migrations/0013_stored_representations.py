"""The stored representations of every event (events/api/representation.py): two text
columns of the timeline, filled for the rows that exist.

They are built by the current serializers (not historical models): derived data, like
the timeline itself. A later change to what a read serializer answers must likewise end
with a migration that runs `build_representations` (or `rebuild_timeline()`) again, so
stored rows match the new fields. Rows left NULL are rendered on the fly meanwhile.
"""

from django.db import migrations, models


def build_representations(apps, schema_editor):
    from events.registry import EVENT_TYPES
    from events.timeline import rebuild_representations

    for kind in EVENT_TYPES:
        ids = kind.model.objects.values_list("pk", flat=True)
        rebuild_representations(kind.name, ids)


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0012_timeline_search_vector'),
    ]

    operations = [
        migrations.AddField(
            model_name='timelineentry',
            name='item_json',
            field=models.TextField(blank=True, help_text='This row as a timeline item (JSON text).', null=True),
        ),
        migrations.AddField(
            model_name='timelineentry',
            name='record_json',
            field=models.TextField(blank=True, help_text='The event as its own endpoints show it (JSON text).', null=True),
        ),
        migrations.RunPython(build_representations, migrations.RunPython.noop, elidable=False),
    ]
