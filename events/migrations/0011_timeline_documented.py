"""The timeline's `documented` flag (every filtered-on value of the event rests on a held
document; `documented_only=true`), and citations in the timeline's payload with their
`supports` and `disagrees`, as the records show them.

Existing rows are brought up to date here with the historical models (the write service
keeps them so afterwards: events.timeline). On SQLite, adding the column makes Django
rebuild events_timelineentry, which drops the FTS5 triggers of 0006: they are created
again (both ways).
"""

import importlib

from django.db import migrations, models

from events.provenance import Cited, fields_to_support, is_documented

fts = importlib.import_module("events.migrations.0006_timeline_fts")

# event type -> (curated file name, the event's actor rows: relation, field of the actor)
EVENT_ACTORS = {
    "meeting": ("meetings", "participations"),
    "statement": ("statements", None),  # the speaker
    "incident": ("incidents", "incident_actors"),
}


def recreate_fts_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    fts.create_triggers(schema_editor)
    schema_editor.execute(f"INSERT INTO {fts.FTS}({fts.FTS}) VALUES ('rebuild')")


def fill_rows(apps, schema_editor):
    Citation = apps.get_model("events", "Citation")
    TimelineEntry = apps.get_model("events", "TimelineEntry")
    for event_type, (record_type, actor_rows) in EVENT_ACTORS.items():
        model = apps.get_model("events", event_type)
        citations: dict[int, list] = {}
        for row in (
            Citation.objects.filter(**{f"{event_type}__isnull": False})
            .order_by("id")
            .values(f"{event_type}_id", "source__slug", "source__kind", "quote", "note",
                    "supports", "disagrees")
        ):
            citations.setdefault(row[f"{event_type}_id"], []).append(row)
        for event in model.objects.all().iterator():
            actors = list(getattr(event, actor_rows).values_list("actor_id", flat=True)) if (
                actor_rows
            ) else [event.speaker_id]
            values = {
                "end_date": event.end_date,
                "place": getattr(event, "place_id", None),
                "participants": actors,
                "actors": actors,
                "fatalities": getattr(event, "fatalities", None),
                "injuries": getattr(event, "injuries", None),
            }
            cited = citations.get(event.pk, [])
            documented = is_documented(
                fields_to_support(record_type, values),
                [Cited(c["source__kind"], c["supports"] or (), c["disagrees"]) for c in cited],
            )
            entry = TimelineEntry.objects.filter(event_type=event_type, event_id=event.pk).first()
            if entry is None:
                continue
            entry.documented = documented
            entry.payload = {
                **entry.payload,
                "citations": [
                    {
                        "source": c["source__slug"],
                        "quote": c["quote"],
                        "note": c["note"],
                        "supports": list(c["supports"] or []),
                        "disagrees": c["disagrees"],
                    }
                    for c in cited
                ],
            }
            entry.save(update_fields=["documented", "payload"])


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0010_source_kind_ongoing"),
    ]

    operations = [
        # Reversed last: after the column is removed again.
        migrations.RunPython(migrations.RunPython.noop, recreate_fts_triggers, elidable=False),
        migrations.AddField(
            model_name="timelineentry",
            name="documented",
            field=models.BooleanField(
                default=False,
                help_text="Every value the event is filtered on (dates, place, actors, kind, "
                "status, casualty figures) rests on a held document (events.provenance).",
            ),
        ),
        migrations.RunPython(recreate_fts_triggers, migrations.RunPython.noop, elidable=False),
        migrations.RunPython(fill_rows, migrations.RunPython.noop, elidable=False),
    ]
