"""Parley's data model: actors, places and topics; meetings, statements and incidents;
and the sources and citations every fact is traced to.

One module an area: `base` (what every model shares), `reference` (topics, sources,
places, actors), `records` (meetings, statements, incidents), `provenance` (citations),
`derived` (the timeline) and `history` (tombstones, revisions). Import the models from
here (`from events.models import Meeting`); the submodules name one another's models by
their label ("events.Actor"), so none imports another but `base`.
"""

from events.choices import (
    ActorKind,
    DatePrecision,
    EventType,
    IncidentActorRole,
    IncidentKind,
    MeetingKind,
    MeetingStatus,
    ParticipantRole,
    PlaceKind,
    PloverType,
    RevisionAction,
    RevisionVia,
    StatementKind,
)
from events.models.base import (
    CuratedQuerySet,
    DateRangeQuerySet,
    SearchableQuerySet,
    TimestampedModel,
    citations_with_sources,
    country_code_validator,
    country_field,
)

# isort: off
# The order models are registered in is the order of reverse relations (`_meta.get_fields()`)
# and of `get_models()`, which the data dictionary follows: keep the areas in this order.
from events.models.reference import (
    Actor,
    ActorAlias,
    ActorIdentifier,
    ActorQuerySet,
    ActorRole,
    Alias,
    Place,
    PlaceAlias,
    PlaceQuerySet,
    Source,
    SourceQuerySet,
    Topic,
    TopicQuerySet,
)
from events.models.records import (
    Event,
    EventQuerySet,
    Incident,
    IncidentActor,
    Meeting,
    Participation,
    Statement,
)
from events.models.provenance import Citation
from events.models.derived import TimelineEntry, TimelineQuerySet
from events.models.history import Revision, Tombstone
# isort: on

__all__ = [
    "Actor",
    "ActorAlias",
    "ActorIdentifier",
    "ActorKind",
    "ActorQuerySet",
    "ActorRole",
    "Alias",
    "Citation",
    "CuratedQuerySet",
    "DatePrecision",
    "DateRangeQuerySet",
    "Event",
    "EventQuerySet",
    "EventType",
    "Incident",
    "IncidentActor",
    "IncidentActorRole",
    "IncidentKind",
    "Meeting",
    "MeetingKind",
    "MeetingStatus",
    "ParticipantRole",
    "Participation",
    "Place",
    "PlaceAlias",
    "PlaceKind",
    "PlaceQuerySet",
    "PloverType",
    "Revision",
    "RevisionAction",
    "RevisionVia",
    "SearchableQuerySet",
    "Source",
    "SourceQuerySet",
    "Statement",
    "StatementKind",
    "TimelineEntry",
    "TimelineQuerySet",
    "TimestampedModel",
    "Tombstone",
    "Topic",
    "TopicQuerySet",
    "citations_with_sources",
    "country_code_validator",
    "country_field",
]
