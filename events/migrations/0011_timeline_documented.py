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

# event type -> (curated file name, model of its actor rows or None for the speaker)
EVENT_ACTORS = {
    "meeting": ("meetings", "Participation"),
    "statement": ("statements", None),
    "incident": ("incidents", "IncidentActor"),
}


def recreate_fts_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    fts.create_triggers(schema_editor)
    schema_editor.execute(f"INSERT INTO {fts.FTS}({fts.FTS}) VALUES ('rebuild')")


def fill_rows(apps, schema_editor):
    """A few queries per event type, whatever the number of events."""
    Citation = apps.get_model("events", "Citation")
    TimelineEntry = apps.get_model("events", "TimelineEntry")
    for event_type, (record_type, actor_model) in EVENT_ACTORS.items():
        model = apps.get_model("events", event_type)
        citations: dict[int, list] = {}
        columns = ("source__slug", "source__kind", "quote", "note", "supports", "disagrees")
        rows = Citation.objects.filter(**{f"{event_type}__isnull": False}).order_by("id")
        for row in rows.values(f"{event_type}_id", *columns):
            citations.setdefault(row[f"{event_type}_id"], []).append(row)
        actors: dict[int, list] = {}
        if actor_model is not None:
            links = apps.get_model("events", actor_model).objects
            for event_id, actor_id in links.values_list(f"{event_type}_id", "actor_id"):
                actors.setdefault(event_id, []).append(actor_id)
        fields = ["id", "end_date", "place_id", "speaker_id", "fatalities", "injuries"]
        events = {
            values["id"]: values
            for values in model.objects.values(
                *(f for f in fields if f in {x.attname for x in model._meta.concrete_fields})
            )
        }
        changed = []
        for entry in TimelineEntry.objects.filter(event_type=event_type).iterator():
            event = events.get(entry.event_id)
            if event is None:
                continue
            involved = actors.get(entry.event_id, []) if actor_model else [event["speaker_id"]]
            values = {
                "end_date": event["end_date"],
                "place": event.get("place_id"),
                "participants": involved,
                "actors": involved,
                "fatalities": event.get("fatalities"),
                "injuries": event.get("injuries"),
            }
            cited = citations.get(entry.event_id, [])
            entry.documented = is_documented(
                fields_to_support(record_type, values),
                [Cited(c["source__kind"], c["supports"] or (), c["disagrees"]) for c in cited],
            )
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
            changed.append(entry)
        TimelineEntry.objects.bulk_update(changed, ["documented", "payload"], batch_size=1000)


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
