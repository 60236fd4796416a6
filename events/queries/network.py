"""The co-participation network: who sat at the same table as whom.

Two actors are tied when they took part, in any role, in the same meeting; a tie's
weight is the number of meetings they shared. Everything is computed from the
Participation rows of a set of meetings in one query, then aggregated in Python, so
the cost in queries does not depend on the number of meetings or actors.

A tie's `first_date` is the first day of the earliest meeting the two shared and its
`last_date` the last day (the end date of multi-day meetings) of the latest one, so
[first_date, last_date] covers every day they met, consistent with the overlap
semantics of the `date_from` / `date_to` filters.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from django.db.models import QuerySet

from events.models import Actor, Meeting, Participation


@dataclass(frozen=True)
class NetworkNode:
    """An actor who took part in at least one meeting of the set."""

    slug: str
    name: str
    kind: str
    meetings: int
    first_date: datetime.date
    last_date: datetime.date


@dataclass(frozen=True)
class NetworkEdge:
    """Two actors who shared at least one meeting; `source` < `target` (by slug)."""

    source: str
    target: str
    weight: int
    meeting_ids: list[int]
    first_date: datetime.date
    last_date: datetime.date


@dataclass(frozen=True)
class Network:
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


@dataclass(frozen=True)
class ActorRef:
    slug: str
    name: str


@dataclass(frozen=True)
class Counterpart:
    """An actor met by the actor whose network is asked for."""

    actor: ActorRef
    shared_meetings: int
    first_date: datetime.date
    last_date: datetime.date
    meeting_ids: list[int]


@dataclass
class _Tie:
    """Accumulates the meetings two actors shared."""

    meeting_ids: list[int] = field(default_factory=list)
    first_date: datetime.date = datetime.date.max
    last_date: datetime.date = datetime.date.min

    def add(self, meeting_id: int, start: datetime.date, end: datetime.date) -> None:
        self.meeting_ids.append(meeting_id)
        self.first_date = min(self.first_date, start)
        self.last_date = max(self.last_date, end)


def _meeting_pks(meetings: QuerySet[Meeting]) -> QuerySet:
    # Used as a subquery: ordering and prefetches of the caller's queryset do not apply.
    return meetings.order_by().values("pk")


def build_network(meetings: QuerySet[Meeting]) -> Network:
    """The co-participation network of the given meetings, in one query.

    Nodes are sorted by slug, edges by (source, target).
    """
    rows = (
        Participation.objects.filter(meeting__in=_meeting_pks(meetings))
        .order_by()
        .values_list(
            "meeting_id",
            "meeting__date",
            "meeting__end_date",
            "actor__slug",
            "actor__name",
            "actor__kind",
        )
    )
    actors: dict[str, tuple[str, str]] = {}
    meeting_count: dict[str, int] = defaultdict(int)
    spans: dict[str, _Tie] = defaultdict(_Tie)  # each actor's own meetings
    participants: dict[int, list[str]] = defaultdict(list)
    days: dict[int, tuple[datetime.date, datetime.date]] = {}
    for meeting_id, date, end_date, slug, name, kind in rows:
        actors[slug] = (name, kind)
        meeting_count[slug] += 1
        spans[slug].add(meeting_id, date, end_date or date)
        participants[meeting_id].append(slug)
        days[meeting_id] = (date, end_date or date)

    ties: dict[tuple[str, str], _Tie] = defaultdict(_Tie)
    for meeting_id in sorted(participants):
        start, end = days[meeting_id]
        for pair in combinations(sorted(participants[meeting_id]), 2):
            ties[pair].add(meeting_id, start, end)

    nodes = [
        NetworkNode(
            slug=slug,
            name=name,
            kind=kind,
            meetings=meeting_count[slug],
            first_date=spans[slug].first_date,
            last_date=spans[slug].last_date,
        )
        for slug, (name, kind) in sorted(actors.items())
    ]
    edges = [
        NetworkEdge(
            source=source,
            target=target,
            weight=len(tie.meeting_ids),
            meeting_ids=tie.meeting_ids,
            first_date=tie.first_date,
            last_date=tie.last_date,
        )
        for (source, target), tie in sorted(ties.items())
    ]
    return Network(nodes=nodes, edges=edges)


def actor_network(actor: Actor, meetings: QuerySet[Meeting]) -> list[Counterpart]:
    """The actors `actor` met in the given meetings, in one query.

    Sorted by number of shared meetings (most first), then by name.
    """
    shared = meetings.filter(participations__actor=actor)
    rows = (
        Participation.objects.filter(meeting__in=_meeting_pks(shared))
        .exclude(actor=actor)
        .order_by("meeting_id")
        .values_list(
            "meeting_id", "meeting__date", "meeting__end_date", "actor__slug", "actor__name"
        )
    )
    names: dict[str, str] = {}
    ties: dict[str, _Tie] = defaultdict(_Tie)
    for meeting_id, date, end_date, slug, name in rows:
        names[slug] = name
        ties[slug].add(meeting_id, date, end_date or date)

    counterparts = [
        Counterpart(
            actor=ActorRef(slug=slug, name=names[slug]),
            shared_meetings=len(tie.meeting_ids),
            first_date=tie.first_date,
            last_date=tie.last_date,
            meeting_ids=tie.meeting_ids,
        )
        for slug, tie in ties.items()
    ]
    counterparts.sort(key=lambda c: (-c.shared_meetings, c.actor.name, c.actor.slug))
    return counterparts
