"""Keeping the timeline (`TimelineEntry`) in step with the events it copies.

`rebuild_entries()` recomputes the rows of some events in a fixed number of queries per
chunk; `affected_events()` works out which rows a changed record shows (an actor's new
name appears in every event it took part in). The write service (`events.services`)
calls them after every change.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from events.models import (
    Actor,
    ActorAlias,
    Citation,
    Incident,
    Meeting,
    Place,
    PlaceAlias,
    Source,
    Statement,
    TimelineEntry,
    Topic,
)
from events.registry import BY_MODEL, BY_NAME, EVENT_TYPES

CHUNK = 1000


def brief(record: Actor | Place | None) -> dict[str, str] | None:
    return None if record is None else {"slug": record.slug, "name": record.name}


def involved_actors(event: models.Model) -> list[tuple[Actor, str]]:
    """Every actor an event involves, with their part in it."""
    if isinstance(event, Meeting):
        return [(p.actor, p.role) for p in event.participations.all()]
    if isinstance(event, Incident):
        return [(a.actor, a.role) for a in event.incident_actors.all()]
    return [(event.speaker, "speaker")] + [(a, "mentioned") for a in event.mentions.all()]


@dataclass
class EventContent:
    """Everything one event's timeline row shows, however it was gathered.

    `content_of()` reads it from an event fetched with `for_api()`; a bulk writer that
    already holds it in memory (`bench.synthetic.generator`) fills it directly, so both paths
    produce their rows with the same `entry_fields()`. Lists are in the order the API
    shows them, i.e. the models' default orderings (topics by name; participations,
    incident actors and citations by id; a statement's speaker, then its mentions by name).
    """

    event: models.Model
    involved: list[tuple[Actor, str]]
    place: Place | None
    topics: list[Topic]
    citations: list[dict[str, str]]  # {"source": slug, "quote": ..., "note": ...}


def content_of(event: models.Model) -> EventContent:
    """The content of an event read with `for_api()` (its relations prefetched)."""
    return EventContent(
        event=event,
        involved=involved_actors(event),
        place=getattr(event, "place", None),
        topics=list(event.topics.all()),
        citations=[
            {"source": c.source.slug, "quote": c.quote, "note": c.note}
            for c in event.citations.all()
        ],
    )


def entry_fields(
    content: EventContent, aliases: dict[int, list[str]], place_aliases: dict[int, list[str]]
) -> dict[str, Any]:
    """The timeline row of one event (without the actor/topic relations)."""
    event, involved, place = content.event, content.involved, content.place
    topics, citations = content.topics, content.citations
    summary = event.text if isinstance(event, Statement) else event.summary
    words = [event.title, summary, *(c["quote"] for c in citations)]
    for actor, _role in involved:
        words += [actor.name, *aliases.get(actor.pk, [])]
    if place is not None:
        words += [place.name, *place_aliases.get(place.pk, [])]
    words += [topic.name for topic in topics]
    return {
        "kind": event.kind,
        "date": event.date,
        "end_date": event.end_date,
        "ongoing": getattr(event, "ongoing", False),
        "date_precision": event.date_precision,
        "title": event.title,
        "place_id": place.pk if place else None,
        "country": place.country if place else None,
        "search_text": "\n".join(word for word in words if word),
        "updated_at": event.updated_at,
        "payload": {
            "status": getattr(event, "status", None),
            "summary": summary,
            "actors": [{**brief(actor), "role": role} for actor, role in involved],
            "place": brief(place),
            "topics": [topic.slug for topic in topics],
            "citations": citations,
        },
    }


def timeline_rows(
    event_type: str,
    contents: Iterable[EventContent],
    aliases: dict[int, list[str]],
    place_aliases: dict[int, list[str]],
    pks: Mapping[int, int],
) -> list[TimelineEntry]:
    """Unsaved timeline rows for these events; `pks` maps event ids to the row ids they
    keep or get (events missing from it get a new row)."""
    return [
        TimelineEntry(
            pk=pks.get(content.event.pk),
            event_type=event_type,
            event_id=content.event.pk,
            **entry_fields(content, aliases, place_aliases),
        )
        for content in contents
    ]


def link_rows(
    contents: Iterable[EventContent], entry_pks: Mapping[int, int]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The actor and topic relations of these events' rows (`entry_pks`: event id -> row
    id), as (row id, actor id) and (row id, topic id) pairs; each actor once per row."""
    actor_pairs: list[tuple[int, int]] = []
    topic_pairs: list[tuple[int, int]] = []
    for content in contents:
        entry_id = entry_pks[content.event.pk]
        actor_ids = dict.fromkeys(actor.pk for actor, _ in content.involved)
        actor_pairs += [(entry_id, actor_id) for actor_id in actor_ids]
        topic_pairs += [(entry_id, topic.pk) for topic in content.topics]
    return actor_pairs, topic_pairs


def create_links(contents: Iterable[EventContent], entry_pks: Mapping[int, int]) -> None:
    """Create the relations the feed's `actor`/`topic` filters and the statistics use."""
    actor_pairs, topic_pairs = link_rows(contents, entry_pks)
    actor_links = TimelineEntry.actors.through
    topic_links = TimelineEntry.topics.through
    actor_links.objects.bulk_create(
        actor_links(timelineentry_id=entry_id, actor_id=actor_id)
        for entry_id, actor_id in actor_pairs
    )
    topic_links.objects.bulk_create(
        topic_links(timelineentry_id=entry_id, topic_id=topic_id)
        for entry_id, topic_id in topic_pairs
    )


def alias_map(model: type[models.Model], owner_ids: Iterable[int]) -> dict[int, list[str]]:
    names: dict[int, list[str]] = defaultdict(list)
    for owner_id, name in model.objects.filter(owner_id__in=set(owner_ids)).values_list(
        "owner_id", "name"
    ):
        names[owner_id].append(name)
    return names


def chunks(ids: list[int], size: int = CHUNK) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


@transaction.atomic
def rebuild_entries(event_type: str, ids: Iterable[int] | None = None) -> int:
    """Recompute the timeline rows of the given events (all of the type by default).
    Events that no longer exist lose their row."""
    model = BY_NAME[event_type].model
    wanted = (
        sorted(set(ids))
        if ids is not None
        else list(model.objects.order_by("pk").values_list("pk", flat=True))
    )
    if ids is None:
        TimelineEntry.objects.filter(event_type=event_type).exclude(event_id__in=wanted).delete()
    done = 0
    for chunk in chunks(wanted):
        done += rebuild_chunk(event_type, model, chunk)
    return done


def rebuild_chunk(event_type: str, model: type[models.Model], ids: list[int]) -> int:
    contents = [content_of(event) for event in model.objects.for_api().filter(pk__in=ids)]
    event_ids = [content.event.pk for content in contents]
    entries = TimelineEntry.objects.filter(event_type=event_type, event_id__in=ids)
    entries.exclude(event_id__in=event_ids).delete()
    existing = dict(entries.values_list("event_id", "pk"))
    actor_ids = {actor.pk for content in contents for actor, _ in content.involved}
    aliases = alias_map(ActorAlias, actor_ids)
    place_ids = {content.place.pk for content in contents if content.place is not None}
    place_aliases = alias_map(PlaceAlias, place_ids)

    rows = timeline_rows(event_type, contents, aliases, place_aliases, existing)
    to_update = [row for row in rows if row.pk is not None]
    TimelineEntry.objects.bulk_update(to_update, FIELDS_TO_UPDATE)
    created = TimelineEntry.objects.bulk_create([row for row in rows if row.pk is None])
    by_event = {row.event_id: row.pk for row in to_update + created}

    TimelineEntry.actors.through.objects.filter(timelineentry_id__in=by_event.values()).delete()
    TimelineEntry.topics.through.objects.filter(timelineentry_id__in=by_event.values()).delete()
    create_links(contents, by_event)
    return len(contents)


FIELDS_TO_UPDATE = [
    "kind", "date", "end_date", "ongoing", "date_precision", "title", "place", "country",
    "search_text", "updated_at", "payload",
]  # fmt: skip


def rebuild_timeline() -> int:
    """Rebuild every row (after a bulk load)."""
    return sum(rebuild_entries(kind.name) for kind in EVENT_TYPES)


def timeline_is_complete() -> bool:
    return TimelineEntry.objects.count() == sum(kind.model.objects.count() for kind in EVENT_TYPES)


def affected_events(record: models.Model) -> dict[str, set[int]]:
    """Which events' rows show this record (so must change when it does)."""
    kind = BY_MODEL[type(record)]
    if kind.is_event:
        return {kind.name: {record.pk}}
    entries = TimelineEntry.objects.none()
    if isinstance(record, Actor):
        entries = TimelineEntry.objects.filter(actors=record)
    elif isinstance(record, Place):
        entries = TimelineEntry.objects.filter(place=record)
    elif isinstance(record, Topic):
        entries = TimelineEntry.objects.filter(topics=record)
    elif isinstance(record, Source):
        found: dict[str, set[int]] = defaultdict(set)
        for citation in Citation.objects.filter(source=record).values(
            *(k.name for k in EVENT_TYPES)
        ):
            for event_type, event_id in citation.items():
                if event_id is not None:
                    found[event_type].add(event_id)
        return found
    found = defaultdict(set)
    for event_type, event_id in entries.values_list("event_type", "event_id"):
        found[event_type].add(event_id)
    return found


def refresh_events(events: dict[str, set[int]], *, touch: bool) -> None:
    """Rebuild the timeline rows of these events. With `touch`, first move their
    `updated_at`: what they show changed (an actor's name, a deleted meeting), so clients
    syncing with `updated_since` or `If-Modified-Since` must fetch them again."""
    now = timezone.now()
    for event_type, ids in events.items():
        if touch:
            BY_NAME[event_type].model.objects.filter(pk__in=ids).update(updated_at=now)
        rebuild_entries(event_type, ids)
