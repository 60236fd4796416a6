"""A synthetic dataset at scale, for benchmarks: `generate()`, run by
`manage.py generate_synthetic --events N --seed S`.

What it makes, for N events (40% meetings, 45% statements, 15% incidents):

- reference data scaled with N: actors (~N/200, at least 50: persons, states,
  organisations and groups, 0-3 aliases each such as transliterations, persons with
  dated roles), places (~N/1000, at least 30, with aliases and coordinates around their
  country), the 30 topics, and sources (~N/1000, at least 5; slugs `synthetic-source-<id>`,
  URLs under example.org, every one noted as synthetic);
- meetings with 2-6 participants (hosts, mediators in about a third, observers),
  statements with a speaker and mentions (some made at a meeting), incidents with the
  actors involved and casualties (null where "unknown", zero only when the text says no
  one was hurt); texts of a few sentences (200-1,500 characters) from a fixed vocabulary,
  so full-text search finds things; 0-3 topics and 1-3 citations (quoting the text) each;
  dates from 1990 to 2025 with day, month, year or approximate precision following the
  curation rules (a month is its first to its last day, and so on);
- the timeline index (`TimelineEntry`) of every event, built by the same functions as
  `events.timeline.rebuild_entries` (`entry_fields`, `link_rows`) from what is already in
  memory, so it equals what a rebuild would write.

Deterministic: the same N and seed give the same records (ids, slugs, texts, dates,
links) on an empty database; only `created_at`/`updated_at` differ. Every random choice
comes from a `random.Random` stream seeded by (seed, stream name), and the content never
depends on the batch size.

Fast and bounded in memory: the reference data (a few thousand rows) stays in memory;
events are made and written `batch_size` at a time, one transaction per batch, with
primary keys handed out from counters, so children are linked without reading anything
back. Only a few small arrays per meeting (dates and two participants, for statements
made at meetings) grow with N. Rows go in by one prepared statement per table and batch
(`executemany` on SQLite, COPY on PostgreSQL; see `Table`), with durability relaxed for
the run; full-text indexes (PostgreSQL's GIN, SQLite's FTS5) are built once at the end
instead of row by row.
Afterwards sequences are moved past the ids used and planner statistics refreshed.

Synthetic rows get no revision history (`Revision`): they were never curated. Everything
else works on them as on curated rows (ETags, `updated_since`, deletions, tombstones).
"""

from __future__ import annotations

import datetime
import random
import re
import string
import time
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache, partial
from itertools import accumulate
from operator import attrgetter, itemgetter
from typing import Any, Generic, TypeVar

from django.db import DatabaseError, connection, models, reset_queries, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from bench.synthetic import words
from events.choices import (
    ActorKind,
    DatePrecision,
    EventType,
    IncidentActorRole,
    IncidentKind,
    MeetingKind,
    MeetingStatus,
    ParticipantRole,
    PloverType,
    StatementKind,
)
from events.curated.loading import reset_sequences
from events.models import (
    Actor,
    ActorAlias,
    ActorRole,
    Citation,
    Incident,
    IncidentActor,
    Meeting,
    Participation,
    Place,
    PlaceAlias,
    Source,
    Statement,
    TimelineEntry,
    Topic,
)
from events.services import untracked_writes
from events.timeline import EventContent, alias_map, entry_fields, link_rows

MAX_EVENTS = 10_000_000
DEFAULT_BATCH_SIZE = 5000
MAX_BATCH_SIZE = 100_000
# Records whose presence means the database is not empty: the curated record types that
# events hang on (topics and places alone do not count).
GUARDED_MODELS: tuple[type[models.Model], ...] = (Meeting, Statement, Incident, Actor, Source)

FIRST_DAY = datetime.date(1990, 1, 1)
LAST_DAY = datetime.date(2025, 12, 31)
SPAN_DAYS = (LAST_DAY - FIRST_DAY).days
SYNTHETIC_NOTE = "Synthetic record made by generate_synthetic for benchmarks; not real data."
DATE_NOTES = {
    DatePrecision.DAY: "Synthetic: the day is known.",
    DatePrecision.MONTH: "Synthetic: only the month is known (first to last day).",
    DatePrecision.YEAR: "Synthetic: only the year is known (first to last day).",
    DatePrecision.APPROXIMATE: "Synthetic: a best estimate; the dates bound the window.",
}
PRECISIONS = (
    DatePrecision.DAY,
    DatePrecision.MONTH,
    DatePrecision.YEAR,
    DatePrecision.APPROXIMATE,
)

T = TypeVar("T")


class SyntheticError(Exception):
    """The generator refuses to run; the message says why and what to do."""


class Weighted(Generic[T]):
    """A weighted choice among fixed values."""

    def __init__(self, pairs: Sequence[tuple[T, int]]) -> None:
        self.values = [value for value, _ in pairs]
        self.cumulative = list(accumulate(weight for _, weight in pairs))
        self.total = self.cumulative[-1]

    def __call__(self, rng: random.Random) -> T:
        # What rng.choices(cum_weights=...) does, without its overhead (millions of calls).
        return self.values[bisect_right(self.cumulative, rng.random() * self.total)]


MEETING_KINDS = Weighted(
    [
        (MeetingKind.IN_PERSON, 34),
        (MeetingKind.PHONE_CALL, 22),
        (MeetingKind.VIDEO_CALL, 6),
        (MeetingKind.SUMMIT, 8),
        (MeetingKind.NEGOTIATION_ROUND, 16),
        (MeetingKind.COMMISSION_SESSION, 9),
        (MeetingKind.OTHER, 5),
    ]
)
MEETING_STATUSES = Weighted(
    [(MeetingStatus.HELD, 86), (MeetingStatus.PLANNED, 10), (MeetingStatus.CANCELLED, 4)]
)
MEETING_SIZES = Weighted([(2, 40), (3, 25), (4, 15), (5, 10), (6, 10)])
STATEMENT_KINDS = Weighted(
    [
        (StatementKind.DIRECT_QUOTE, 25),
        (StatementKind.PARAPHRASE, 35),
        (StatementKind.READOUT, 20),
        (StatementKind.ANNOUNCEMENT, 20),
    ]
)
INCIDENT_KINDS = Weighted(
    [
        (IncidentKind.ARMED_CLASH, 24),
        (IncidentKind.CASUALTIES, 14),
        (IncidentKind.CHECKPOINT, 10),
        (IncidentKind.BLOCKADE, 5),
        (IncidentKind.WAR, 2),
        (IncidentKind.CEASEFIRE, 5),
        (IncidentKind.CEASEFIRE_VIOLATION, 24),
        (IncidentKind.DEPLOYMENT, 8),
        (IncidentKind.OTHER, 8),
    ]
)
TOPIC_COUNTS = Weighted([(0, 10), (1, 55), (2, 27), (3, 8)])
CITATION_COUNTS = Weighted([(1, 60), (2, 30), (3, 10)])
ALIAS_COUNTS = Weighted([(0, 25), (1, 35), (2, 25), (3, 15)])
ROLE_COUNTS = Weighted([(0, 20), (1, 55), (2, 25)])
PLACE_KINDS = Weighted([((kind, pattern), weight) for kind, weight, pattern in words.PLACE_KINDS])

IN_PLACE = {
    MeetingKind.IN_PERSON,
    MeetingKind.SUMMIT,
    MeetingKind.NEGOTIATION_ROUND,
    MeetingKind.COMMISSION_SESSION,
}
VIOLENT = {
    IncidentKind.ARMED_CLASH,
    IncidentKind.CASUALTIES,
    IncidentKind.WAR,
    IncidentKind.CEASEFIRE_VIOLATION,
}
PRESSURE = {IncidentKind.CHECKPOINT, IncidentKind.BLOCKADE}
LASTING = {IncidentKind.BLOCKADE, IncidentKind.WAR, IncidentKind.DEPLOYMENT}
INCIDENT_PLOVER = {
    IncidentKind.ARMED_CLASH: PloverType.ASSAULT,
    IncidentKind.CASUALTIES: PloverType.ASSAULT,
    IncidentKind.WAR: PloverType.ASSAULT,
    IncidentKind.CEASEFIRE_VIOLATION: PloverType.ASSAULT,
    IncidentKind.CHECKPOINT: PloverType.COERCE,
    IncidentKind.BLOCKADE: PloverType.COERCE,
    IncidentKind.DEPLOYMENT: PloverType.MOBILIZE,
    IncidentKind.CEASEFIRE: PloverType.AGREE,
}
EVENT_SUBJECTS = ("meeting", "statement", "incident")  # Citation's columns, in CHILD_COLUMNS
STATEMENT_PLOVER = (
    PloverType.ACCUSE,
    PloverType.REJECT,
    PloverType.SUPPORT,
    PloverType.REQUEST,
    PloverType.THREATEN,
    PloverType.AGREE,
    None,
)


# --- Sizes ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """How many records of each kind N events come with."""

    events: int
    meetings: int
    statements: int
    incidents: int
    states: int
    organizations: int
    groups: int
    persons: int
    places: int
    sources: int

    @classmethod
    def for_events(cls, events: int) -> Plan:
        meetings = events * 40 // 100
        statements = events * 45 // 100
        actors = max(50, events // 200)
        states = min(len(words.COUNTRIES), max(10, actors // 20))
        organizations = max(5, actors // 20)
        groups = max(5, actors // 25)
        return cls(
            events=events,
            meetings=meetings,
            statements=statements,
            incidents=events - meetings - statements,
            states=states,
            organizations=organizations,
            groups=groups,
            persons=actors - states - organizations - groups,
            places=max(30, events // 1000),
            sources=max(5, events // 1000),
        )

    @property
    def actors(self) -> int:
        return self.states + self.organizations + self.groups + self.persons


@dataclass
class Report:
    """What a run wrote: rows per table (labelled), and how long it took."""

    plan: Plan
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


# --- Names ----------------------------------------------------------------------------

SLUG_TRANSLATION = str.maketrans(
    {"\u0131": "i", "ə": "e", "Ə": "E", "ß": "ss", "\u02bb": "", "'": ""}
)


def fold(name: str) -> str:
    """The key under which two names count as one: case, accents and the dotted/dotless
    i ignored. Stricter than any database's lower(), so the case-insensitive unique
    constraints on aliases can never fire on names this module let through."""
    decomposed = unicodedata.normalize("NFKD", name.replace("\u0131", "i"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


class Names:
    """Names and slugs in use for one record type: a name or alias must name one record
    only (the curation rule), and slugs are unique."""

    def __init__(self, names: set[str] | None = None, slugs: set[str] | None = None) -> None:
        self.names = {fold(name) for name in names or ()}
        self.slugs = set(slugs or ())

    def claim(self, name: str) -> bool:
        key = fold(name)
        if not name.strip() or key in self.names:
            return False
        self.names.add(key)
        return True

    def slug(self, name: str) -> str:
        base = slugify(name.translate(SLUG_TRANSLATION))[:90].strip("-") or "record"
        candidate, number = base, 2
        while candidate in self.slugs:
            candidate, number = f"{base}-{number}", number + 1
        self.slugs.add(candidate)
        return candidate

    def aliases(self, rng: random.Random, candidates: list[str]) -> list[str]:
        """0-3 of the candidates (in random order) that no record uses yet."""
        wanted = ALIAS_COUNTS(rng)
        rng.shuffle(candidates)
        chosen: list[str] = []
        for candidate in candidates:
            if len(chosen) == wanted:
                break
            if self.claim(candidate):
                chosen.append(candidate)
        return chosen


# Respellings that apply to any generated name (place names, whatever their language).
GENERIC_VARIANTS = words.NameStyle((), (), (("kh", "x"), ("sh", "ch"), ("y", "i"), ("u", "ou")), ())


def spelling_variants(name: str, style: words.NameStyle) -> list[str]:
    """Other spellings met in sources: each of the style's substitutions that applies,
    and all of them at once (e.g. Petrosyan -> Petrosian)."""
    variants = [name.replace(old, new) for old, new in style.variants if old in name]
    every = name
    for old, new in style.variants:
        every = every.replace(old, new)
    variants.append(every)
    return [variant for variant in dict.fromkeys(variants) if variant != name]


def in_text(country: words.Country) -> str:
    """The country's name as running text writes it: "the United States"."""
    return (
        f"the {country.name}"
        if country.name.startswith(("United", "Netherlands"))
        else country.name
    )


def acronym(name: str) -> str:
    """Initials as an alias ("CCSC"); none for two words, which would be ambiguous."""
    letters = "".join(word[0] for word in name.replace("-", " ").split() if word[0].isupper())
    return letters if len(letters) >= 3 else ""


# --- Texts ----------------------------------------------------------------------------


class Writer:
    """Texts of a few sentences from the templates in `synthetic_words`."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def fields(self, a: str, b: str, m: str, place: str, place2: str, topic: str) -> dict:
        rng = self.rng
        issue, issue2, issue3 = rng.sample(words.ISSUES, 3)
        return {
            "a": a,
            "b": b,
            "m": m,
            "place": place,
            "place2": place2,
            "topic": topic,
            "issue": issue,
            "issue2": issue2,
            "issue3": issue3,
            "bad": rng.choice(words.BAD_ACTIONS),
            "adj": rng.choice(words.ADJECTIVES),
            "month": rng.choice(words.MONTHS),
            "year": str(rng.randint(1992, 2025)),
            "n": str(rng.randint(2, 12)),
        }

    def sentences(self, templates: Sequence[str], fields: dict, low: int, high: int) -> list[str]:
        """Sentences from distinct templates until the text is at least a target length
        drawn from [low, high] (or the templates run out); never longer than `high`."""
        rng = self.rng
        target = rng.randint(low, max(low, high - 250))
        chosen: list[str] = []
        length = -1
        # Enough templates for the target (sentences run 50-200 characters), not all of
        # them: drawing a full permutation per event is a measurable share of the run.
        wanted = min(len(templates), 2 + target // 70)
        for template in rng.sample(templates, wanted):
            sentence = template.format_map(fields)
            sentence = sentence[0].upper() + sentence[1:]  # "the mediators ..." opens one
            if chosen and length + 1 + len(sentence) > high:
                continue
            chosen.append(sentence)
            length += 1 + len(sentence)
            if length >= target:
                break
        return chosen


# --- Primary keys and batches ---------------------------------------------------------


class Ids:
    """Primary keys from counters, each starting after the highest id in its table, so
    rows can be linked before they are written and nothing is read back."""

    def __init__(self) -> None:
        self.next: dict[type[models.Model], int] = {}

    def take(self, model: type[models.Model]) -> int:
        if model not in self.next:
            highest = model.objects.aggregate(highest=Max("pk"))["highest"]
            self.next[model] = (highest or 0) + 1
        pk = self.next[model]
        self.next[model] = pk + 1
        return pk


MeetingTopic = Meeting.topics.through
StatementTopic = Statement.topics.through
IncidentTopic = Incident.topics.through
StatementMention = Statement.mentions.through
TimelineActor = TimelineEntry.actors.through
TimelineTopic = TimelineEntry.topics.through

# The columns of the rows events hang on, in the order the generator writes them as tuples.
CHILD_COLUMNS: dict[type[models.Model], tuple[str, ...]] = {
    Participation: ("id", "meeting_id", "actor_id", "role"),
    MeetingTopic: ("id", "meeting_id", "topic_id"),
    StatementMention: ("id", "statement_id", "actor_id"),
    StatementTopic: ("id", "statement_id", "topic_id"),
    IncidentActor: ("id", "incident_id", "actor_id", "role"),
    IncidentTopic: ("id", "incident_id", "topic_id"),
    Citation: (
        "id",
        "source_id",
        "quote",
        "note",
        "supports",
        "disagrees",
        "meeting_id",
        "statement_id",
        "incident_id",
    ),
    TimelineActor: ("id", "timelineentry_id", "actor_id"),
    TimelineTopic: ("id", "timelineentry_id", "topic_id"),
}
# Every table this module writes (for sequences and statistics afterwards).
WRITTEN_MODELS: tuple[type[models.Model], ...] = (
    Topic,
    Source,
    Place,
    PlaceAlias,
    Actor,
    ActorAlias,
    ActorRole,
    Meeting,
    Statement,
    Incident,
    TimelineEntry,
    *CHILD_COLUMNS,
)
# Field types whose values both drivers take as they are (ints, strings, None).
PLAIN_FIELDS = (models.IntegerField, models.CharField, models.TextField, models.ForeignKey)


class Table:
    """Writes rows into one table with a single prepared statement: `executemany` of an
    INSERT on SQLite, COPY on PostgreSQL.

    `bulk_create` builds and compiles SQL row by row: profiled at 20,000 events, that was
    57% of the run against 7% for SQLite's own work, and the run took twice as long as
    now. Rows are tuples in `columns` order (all concrete fields by default); `prepare()`
    passes dates, timestamps and JSON through the field's own `get_db_prep_save`, as
    `bulk_create` would, and plain values (ints, strings, None) as they are.
    """

    def __init__(self, model: type[models.Model], columns: Sequence[str] | None = None) -> None:
        opts = model._meta
        fields = (
            list(opts.concrete_fields)
            if columns is None
            else [opts.get_field(name) for name in columns]
        )
        self.model = model
        quote = connection.ops.quote_name
        names = ", ".join(quote(f.column) for f in fields)
        table = quote(opts.db_table)
        placeholders = ", ".join(["%s"] * len(fields))
        self.insert_sql = f"INSERT INTO {table} ({names}) VALUES ({placeholders})"
        self.copy_sql = f"COPY {table} ({names}) FROM STDIN"
        attnames = [f.attname for f in fields]
        self.values_of = attrgetter(*attnames)  # instance -> tuple, in one C call
        self.items_of = itemgetter(*attnames)  # dict -> tuple
        self.preparers = [
            (index, self.preparer(f))
            for index, f in enumerate(fields)
            if not isinstance(f, PLAIN_FIELDS)
        ]

    @staticmethod
    def preparer(field: models.Field) -> Callable[[Any], Any]:
        prepare = partial(field.get_db_prep_save, connection=connection)
        if isinstance(field, models.JSONField):
            return prepare
        # Dates and timestamps repeat a lot (one timestamp per batch, ~13,000 days), and
        # adapting them is most of the cost of a row: remember the adapted values.
        return lru_cache(maxsize=1 << 16)(prepare)

    def new(self, values: dict[str, Any]) -> models.Model:
        """An instance from every field's value, by Django's positional fast path (as
        `Model.from_db` does): keyword construction costs several times more."""
        return self.model(*self.items_of(values))

    def prepare(self, row: tuple) -> tuple:
        if not self.preparers:
            return row
        values = list(row)
        for index, prepare in self.preparers:
            values[index] = prepare(values[index])
        return tuple(values)

    def write_instances(self, objs: Sequence[models.Model]) -> None:
        self.write([self.prepare(self.values_of(obj)) for obj in objs])

    def write_dicts(self, rows: Sequence[dict[str, Any]]) -> None:
        self.write([self.prepare(self.items_of(row)) for row in rows])

    def write(self, rows: Sequence[tuple]) -> None:
        if not rows:
            return
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(self.copy_sql) as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                cursor.executemany(self.insert_sql, rows)


@dataclass
class Batch:
    """Events of one type with everything that hangs on them, ready to be written."""

    event_type: str
    events: list[models.Model] = field(default_factory=list)
    rows: dict[type[models.Model], list[tuple]] = field(default_factory=dict)
    contents: list[EventContent] = field(default_factory=list)

    def add(self, model: type[models.Model], row: tuple) -> None:
        self.rows.setdefault(model, []).append(row)


LABELS: dict[type[models.Model], str] = {
    MeetingTopic: "meeting topics",
    StatementMention: "statement mentions",
    StatementTopic: "statement topics",
    IncidentTopic: "incident topics",
    TimelineActor: "timeline actor links",
    TimelineTopic: "timeline topic links",
}


def label(model: type[models.Model]) -> str:
    return LABELS.get(model) or str(model._meta.verbose_name_plural)


# --- The generator --------------------------------------------------------------------


class Generator:
    def __init__(
        self,
        plan: Plan,
        seed: int,
        batch_size: int,
        progress: Callable[[str], None],
    ) -> None:
        self.plan = plan
        self.seed = seed
        self.batch_size = batch_size
        self.progress = progress
        self.report = Report(plan)
        self.ids = Ids()
        self.tables: dict[type[models.Model], Table] = {}

    def stream(self, name: str) -> random.Random:
        """An independent random stream, so adding draws to one kind of record never
        changes the others."""
        return random.Random(f"parley-synthetic:{self.seed}:{name}")

    def count(self, model: type[models.Model], rows: int) -> None:
        key = label(model)
        self.report.rows[key] = self.report.rows.get(key, 0) + rows

    def insert(self, model: type[models.Model], rows: list[models.Model]) -> None:
        """Reference data (a few thousand rows at most): plain `bulk_create`."""
        model.objects.bulk_create(rows, batch_size=1000)
        self.count(model, len(rows))

    def table(self, model: type[models.Model]) -> Table:
        if model not in self.tables:
            self.tables[model] = Table(model, CHILD_COLUMNS.get(model))
        return self.tables[model]

    # -- reference data

    def reference_data(self) -> None:
        rng = self.stream("reference")
        self.countries = list(words.COUNTRIES[: self.plan.states])
        self.country_weights = list(accumulate(c.weight for c in self.countries))
        self.make_topics()
        self.make_sources(rng)
        self.make_places(rng)
        self.make_actors(rng)
        # The timeline lists topics and a statement's mentions in the models' default
        # order (by name, under the database's collation), and aliases as the database
        # sorts them: ask the database once rather than imitate its collation.
        topic_order = Topic.objects.filter(pk__in=[t.pk for t in self.topics]).order_by(
            *Topic._meta.ordering
        )
        self.topic_rank = {pk: i for i, pk in enumerate(topic_order.values_list("pk", flat=True))}
        actor_order = Actor.objects.filter(pk__gte=self.first_actor_pk).order_by(
            *Actor._meta.ordering
        )
        self.actor_rank = {pk: i for i, pk in enumerate(actor_order.values_list("pk", flat=True))}
        self.actor_aliases = alias_map(ActorAlias, [actor.pk for actor in self.actors])
        self.place_aliases = alias_map(PlaceAlias, [place.pk for place in self.places])

    def country(self, rng: random.Random) -> words.Country:
        return rng.choices(self.countries, cum_weights=self.country_weights)[0]

    def make_topics(self) -> None:
        # An existing topic with the same slug (curated data, --allow-curated) is reused:
        # the vocabulary is shared.
        slugs = [slug for slug, _, _ in words.TOPICS]
        existing = {topic.slug: topic for topic in Topic.objects.filter(slug__in=slugs)}
        self.topics: list[Topic] = []
        new = []
        for slug, name, description in words.TOPICS:
            topic = existing.get(slug)
            if topic is None:
                topic = Topic(pk=self.ids.take(Topic), slug=slug, name=name)
                topic.description = description
                new.append(topic)
            self.topics.append(topic)
        self.insert(Topic, new)

    def make_sources(self, rng: random.Random) -> None:
        count = self.plan.sources
        self.sources: list[Source] = []
        for index in range(count):
            pk = self.ids.take(Source)
            slug = f"synthetic-source-{pk}"
            published = FIRST_DAY + datetime.timedelta(
                days=(index * 2 + 1) * SPAN_DAYS // count // 2
            )
            topic_name = rng.choice(words.TOPICS)[1]
            self.sources.append(
                Source(
                    pk=pk,
                    slug=slug,
                    title=f"{topic_name}: synthetic report no. {pk}",
                    publisher=rng.choice(words.PUBLISHERS),
                    published_on=published,
                    url=f"https://example.org/synthetic/{slug}",
                    language="en",
                    document=f"{slug}.txt",
                    note=SYNTHETIC_NOTE,
                )
            )
        self.insert(Source, self.sources)

    def proper_name(self, rng: random.Random, style: words.NameStyle) -> str:
        syllables = rng.randint(1, 2)
        core = "".join(
            rng.choice(words.ONSETS) + rng.choice(words.VOWELS) + rng.choice(words.CODAS)
            for _ in range(syllables)
        )
        suffix = rng.choice(style.place_suffixes) if rng.random() < 0.75 else ""
        return (core + suffix).capitalize()

    def make_places(self, rng: random.Random) -> None:
        taken = Names(
            set(Place.objects.values_list("name", flat=True))
            | set(PlaceAlias.objects.values_list("name", flat=True)),
            set(Place.objects.values_list("slug", flat=True)),
        )
        self.places: list[Place] = []
        aliases: list[PlaceAlias] = []
        for _ in range(self.plan.places):
            country = self.country(rng)
            style = words.NAME_STYLES[country.style]
            kind, pattern = PLACE_KINDS(rng)
            for attempt in range(20):
                proper = self.proper_name(rng, style)
                name = pattern.format(name=proper)
                if attempt == 19:
                    name = f"{name} {len(self.places) + 1}"  # give up on euphony
                if taken.claim(name):
                    break
            pk = self.ids.take(Place)
            latitude = min(89.9, max(-89.9, country.latitude + rng.uniform(-1.5, 1.5)))
            longitude = min(179.9, max(-179.9, country.longitude + rng.uniform(-2.0, 2.0)))
            self.places.append(
                Place(
                    pk=pk,
                    slug=taken.slug(name),
                    name=name,
                    kind=kind,
                    country=country.code,
                    latitude=Decimal(f"{latitude:.5f}"),
                    longitude=Decimal(f"{longitude:.5f}"),
                )
            )
            candidates = [pattern.format(name=v) for v in spelling_variants(proper, style)]
            candidates += spelling_variants(name, GENERIC_VARIANTS)
            for alias in taken.aliases(rng, candidates):
                aliases.append(PlaceAlias(pk=self.ids.take(PlaceAlias), owner_id=pk, name=alias))
        self.insert(Place, self.places)
        self.insert(PlaceAlias, aliases)

    def make_actors(self, rng: random.Random) -> None:
        taken = Names(
            set(Actor.objects.values_list("name", flat=True))
            | set(ActorAlias.objects.values_list("name", flat=True)),
            set(Actor.objects.values_list("slug", flat=True)),
        )
        self.actors: list[Actor] = []
        self.aliases: list[ActorAlias] = []
        self.states: list[Actor] = []
        self.state_of: dict[str, Actor] = {}
        for country in self.countries:
            name = country.name if taken.claim(country.name) else self.unique(taken, country.name)
            state = self.actor(taken, name, ActorKind.STATE, country.code)
            state.description = f"The state of {in_text(country)} (synthetic record)."
            candidates = [f"Government of {in_text(country)}", f"Official {country.name}"]
            if country.native:
                candidates.append(country.native)
            self.add_aliases(rng, taken, state, candidates)
            self.states.append(state)
            self.state_of[country.code] = state
        self.organizations = [self.organization(rng, taken) for _ in range(self.plan.organizations)]
        self.groups = [self.group(rng, taken) for _ in range(self.plan.groups)]
        roles: list[ActorRole] = []
        self.persons = [self.person(rng, taken, roles) for _ in range(self.plan.persons)]
        self.first_actor_pk = self.actors[0].pk
        self.insert(Actor, self.actors)
        self.insert(ActorAlias, self.aliases)
        self.insert(ActorRole, roles)
        # Pools events draw their actors from.
        self.principals = self.persons + self.states  # meeting parties
        self.belligerents = self.states + self.groups  # incident sides
        self.actor_by_pk = {actor.pk: actor for actor in self.actors}

    def unique(self, taken: Names, name: str) -> str:
        """`name`, made unique by a number when the database already uses it."""
        number = 2
        while not taken.claim(f"{name} ({number})"):
            number += 1
        return f"{name} ({number})"

    def actor(self, taken: Names, name: str, kind: str, country: str | None) -> Actor:
        actor = Actor(
            pk=self.ids.take(Actor),
            slug=taken.slug(name),
            name=name,
            kind=kind,
            country=country,
            note=SYNTHETIC_NOTE,
        )
        self.actors.append(actor)
        return actor

    def add_aliases(
        self, rng: random.Random, taken: Names, actor: Actor, candidates: list[str]
    ) -> None:
        for alias in taken.aliases(rng, candidates):
            self.aliases.append(ActorAlias(pk=self.ids.take(ActorAlias), owner=actor, name=alias))

    def organization(self, rng: random.Random, taken: Names) -> Actor:
        regions, bodies, purposes = words.ORGANIZATION_PARTS
        for _ in range(30):
            region, body, purpose = rng.choice(regions), rng.choice(bodies), rng.choice(purposes)
            name = f"{region} {body} for {purpose}"
            if taken.claim(name):
                break
        else:
            name = self.unique(taken, name)
        country = self.country(rng).code if rng.random() < 0.3 else None
        actor = self.actor(taken, name, ActorKind.ORGANIZATION, country)
        actor.description = f"An international {body.lower()} (synthetic record)."
        candidates = [acronym(name), f"{region} {body} on {purpose}", f"{body} for {purpose}"]
        self.add_aliases(rng, taken, actor, candidates)
        return actor

    def group(self, rng: random.Random, taken: Names) -> Actor:
        country = self.country(rng)
        style = words.NAME_STYLES[country.style]
        for _ in range(30):
            proper, noun = self.proper_name(rng, style), rng.choice(words.GROUP_NOUNS)
            name = f"{proper} {noun}"
            if taken.claim(name):
                break
        else:
            name = self.unique(taken, name)
        actor = self.actor(taken, name, ActorKind.GROUP, country.code)
        actor.description = f"A non-state group active in {in_text(country)} (synthetic record)."
        candidates = [acronym(name), f"{noun} of {proper}"]
        candidates += [f"{v} {noun}" for v in spelling_variants(proper, style)]
        self.add_aliases(rng, taken, actor, candidates)
        return actor

    def person(self, rng: random.Random, taken: Names, roles: list[ActorRole]) -> Actor:
        country = self.country(rng)
        style = words.NAME_STYLES[country.style]
        for attempt in range(12):
            given, family = rng.choice(style.given), rng.choice(style.family)
            if attempt < 4:
                name = f"{given} {family}"
            else:  # common names run out: a middle initial, as sources write them
                name = f"{given} {rng.choice(string.ascii_uppercase)}. {family}"
            if taken.claim(name):
                break
        else:
            name = self.unique(taken, name)
        actor = self.actor(taken, name, ActorKind.PERSON, country.code)
        candidates = [*spelling_variants(name, style), f"{given[0]}. {family}", family]
        self.add_aliases(rng, taken, actor, candidates)
        titles = []
        start = FIRST_DAY + datetime.timedelta(days=rng.randrange(SPAN_DAYS - 400))
        for _ in range(ROLE_COUNTS(rng)):
            if start > LAST_DAY:
                break
            end: datetime.date | None = start + datetime.timedelta(days=rng.randint(300, 3000))
            if end > LAST_DAY or rng.random() < 0.15:
                end = None  # still in office, or the end is not known
            if self.organizations and rng.random() < 0.2:
                organization = rng.choice(self.organizations)
                title = f"{rng.choice(words.ORGANIZATION_TITLES)} of the {organization.name}"
            else:
                organization = self.state_of[country.code]
                topic = rng.choice(words.TOPICS)[1].lower()
                title = rng.choice(words.STATE_TITLES).format(country=in_text(country), topic=topic)
            roles.append(
                ActorRole(
                    pk=self.ids.take(ActorRole),
                    actor=actor,
                    title=title,
                    organization=organization,
                    start_date=start,
                    end_date=end,
                    note=SYNTHETIC_NOTE,
                )
            )
            titles.append(title)
            if end is None:
                break
            start = end + datetime.timedelta(days=rng.randint(1, 700))
        actor.description = (
            f"{titles[0]} (synthetic record)."
            if titles
            else f"Public figure from {in_text(country)}."
        )
        return actor

    # -- event helpers

    def dating(
        self, rng: random.Random, *, lasting: bool = False, multi_day: float = 0.0
    ) -> tuple[datetime.date, datetime.date | None, str]:
        """A date, end date and precision following the curation rules: a month or year is
        its first to its last day; approximate dates bound a window (often a Monday-Sunday
        week); lasting states of affairs always get an end date."""
        # More events in recent years, as in real coverage.
        day = FIRST_DAY + datetime.timedelta(days=int(SPAN_DAYS * rng.random() ** 0.6))
        draw = rng.random()
        if draw < 0.80:
            end = None
            if lasting:
                end = day + datetime.timedelta(days=rng.randint(7, 900))
            elif rng.random() < multi_day:
                end = day + datetime.timedelta(days=rng.randint(1, 4))
            return day, end, DatePrecision.DAY
        if draw < 0.88:
            first = day.replace(day=1)
            following = (first + datetime.timedelta(days=32)).replace(day=1)
            return first, following - datetime.timedelta(days=1), DatePrecision.MONTH
        if draw < 0.91:
            return day.replace(month=1, day=1), day.replace(month=12, day=31), DatePrecision.YEAR
        if rng.random() < 0.6:
            monday = day - datetime.timedelta(days=day.weekday())
            return monday, monday + datetime.timedelta(days=6), DatePrecision.APPROXIMATE
        return day, day + datetime.timedelta(days=rng.randint(10, 60)), DatePrecision.APPROXIMATE

    def pick_topics(self, rng: random.Random) -> list[Topic]:
        topics = rng.sample(self.topics, TOPIC_COUNTS(rng))
        return sorted(topics, key=lambda topic: self.topic_rank[topic.pk])

    def cite(
        self,
        rng: random.Random,
        batch: Batch,
        subject: str,
        event: models.Model,
        sentences: list[str],
    ) -> list[dict[str, str]]:
        """1-3 citations quoting sentences of the event's text, from sources published
        around its date (later rather than earlier)."""
        offset = (event.date - FIRST_DAY).days
        count = len(self.sources)
        cited = []
        for quote in rng.sample(sentences, min(CITATION_COUNTS(rng), len(sentences))):
            index = min(count - 1, max(0, offset * count // SPAN_DAYS) + rng.randint(0, 2))
            source = self.sources[index]
            subjects = (event.pk if subject == name else None for name in EVENT_SUBJECTS)
            row = (self.ids.take(Citation), source.pk, quote, "", "[]", False, *subjects)
            batch.add(Citation, row)
            cited.append({"source": source.slug, "quote": quote, "note": ""})
        return cited

    def place_names(self, rng: random.Random, place: Place | None) -> tuple[str, str]:
        """The event's place for its text (a vague one when it has none) and another place
        the text may mention."""
        return (place.name if place else "the capital"), rng.choice(self.places).name

    def event_fields(self, pk: int, title: str, dating: tuple, plover: str | None) -> dict:
        day, end, precision = dating
        return {
            "id": pk,
            "created_at": None,  # set when the batch is written
            "updated_at": None,
            "title": title[:300],
            "date": day,
            "end_date": end,
            "date_precision": precision,
            "date_note": DATE_NOTES[precision],
            "plover_type": plover,
            "note": SYNTHETIC_NOTE,
        }

    # -- meetings

    def meetings(self) -> None:
        rng = self.stream("meetings")
        writer = Writer(rng)
        count = self.plan.meetings
        # What statements made at a meeting need to know of it, compactly (a few bytes a
        # meeting instead of the meeting itself).
        self.meeting_first_pk: int | None = None
        self.meeting_day = array("l")
        self.meeting_end = array("l")  # 0: no end date
        self.meeting_precision = array("b")
        self.meeting_party_a = array("l")
        self.meeting_party_b = array("l")
        self.write_all(EventType.MEETING, count, lambda batch: self.meeting(rng, writer, batch))

    def meeting(self, rng: random.Random, writer: Writer, batch: Batch) -> None:
        pk = self.ids.take(Meeting)
        if self.meeting_first_pk is None:
            self.meeting_first_pk = pk
        kind = MEETING_KINDS(rng)
        status = MEETING_STATUSES(rng)
        in_place = kind in IN_PLACE
        dating = self.dating(rng, multi_day=0.3 if in_place and kind != "in_person" else 0.05)
        place = rng.choice(self.places) if in_place and rng.random() < 0.9 else None
        mediated = rng.random() < (0.4 if in_place else 0.05)
        size = max(MEETING_SIZES(rng), 3 if mediated else 2)
        parties = rng.sample(self.principals, size - 1 if mediated else size)
        mediator = None
        if mediated:
            pool = self.organizations if rng.random() < 0.5 else self.persons
            mediator = rng.choice(pool)
            # Rare; do without rather than loop. (Identity: Model.__eq__ is slow.)
            if any(mediator is party for party in parties):
                mediator = None
        involved = [(actor, ParticipantRole.PARTICIPANT) for actor in parties]
        if place is not None and rng.random() < 0.35:
            involved[0] = (parties[0], ParticipantRole.HOST)
        if len(parties) >= 4 and rng.random() < 0.3:
            involved[-1] = (parties[-1], ParticipantRole.OBSERVER)
        if mediator is not None:
            involved.append((mediator, ParticipantRole.MEDIATOR))
        topics = self.pick_topics(rng)
        a, b = parties[0].name, parties[1].name
        third = mediator or (parties[2] if len(parties) > 2 else None)
        here, elsewhere = self.place_names(rng, place)
        subject = topics[0].name.lower() if topics else rng.choice(words.ISSUES)
        fields = writer.fields(
            a, b, third.name if third else "the mediators", here, elsewhere, subject
        )
        sentences = writer.sentences(words.MEETING_SENTENCES, fields, 200, 1200)
        title = {
            MeetingKind.PHONE_CALL: f"Phone call between {a} and {b}",
            MeetingKind.VIDEO_CALL: f"Video call between {a} and {b} on {subject}",
            MeetingKind.IN_PERSON: f"{a} and {b} meet" + (f" in {here}" if place else ""),
            MeetingKind.SUMMIT: f"Summit on {subject}" + (f" in {here}" if place else ""),
            MeetingKind.NEGOTIATION_ROUND: f"Negotiation round on {subject}"
            + (f", mediated by {mediator.name}" if mediator else ""),
            MeetingKind.COMMISSION_SESSION: f"Commission session on {subject}",
            MeetingKind.OTHER: f"Consultations between {a} and {b}",
        }[kind]
        plover = None
        if status == MeetingStatus.HELD:
            plover = PloverType.AGREE if rng.random() < 0.15 else PloverType.CONSULT
        mode = (
            "phone"
            if kind == MeetingKind.PHONE_CALL
            else "third-party"
            if mediator
            else "multilateral"
            if len(parties) > 2
            else ""
        )
        meeting = self.table(Meeting).new(
            {
                **self.event_fields(pk, title, dating, plover),
                "slug": f"synthetic-meeting-{pk}",
                "plover_mode": mode,
                "kind": kind,
                "status": status,
                "ongoing": False,  # synthetic events all have ended
                "place_id": place.pk if place else None,
                "summary": " ".join(sentences),
            }
        )
        batch.events.append(meeting)
        for actor, role in involved:
            batch.add(Participation, (self.ids.take(Participation), pk, actor.pk, role))
        for topic in topics:
            batch.add(MeetingTopic, (self.ids.take(MeetingTopic), pk, topic.pk))
        citations = self.cite(rng, batch, "meeting", meeting, sentences)
        batch.contents.append(EventContent(meeting, involved, place, topics, citations))
        day, end, precision = dating
        self.meeting_day.append(day.toordinal())
        self.meeting_end.append(end.toordinal() if end else 0)
        self.meeting_precision.append(PRECISIONS.index(precision))
        self.meeting_party_a.append(parties[0].pk)
        self.meeting_party_b.append(parties[1].pk)

    # -- statements

    def statements(self) -> None:
        rng = self.stream("statements")
        writer = Writer(rng)
        count = self.plan.statements
        self.write_all(EventType.STATEMENT, count, lambda batch: self.statement(rng, writer, batch))

    def statement(self, rng: random.Random, writer: Writer, batch: Batch) -> None:
        pk = self.ids.take(Statement)
        kind = STATEMENT_KINDS(rng)
        meeting_id = None
        if self.meeting_day and rng.random() < 0.3:
            # Made at a meeting: by one of its parties, about the other, on its dates.
            index = rng.randrange(len(self.meeting_day))
            meeting_id = self.meeting_first_pk + index
            party_a = self.actor_by_pk[self.meeting_party_a[index]]
            party_b = self.actor_by_pk[self.meeting_party_b[index]]
            speaker, other = (party_a, party_b) if rng.random() < 0.5 else (party_b, party_a)
            mentions = [other]
            precision = PRECISIONS[self.meeting_precision[index]]
            day = datetime.date.fromordinal(self.meeting_day[index])
            end_ordinal = self.meeting_end[index]
            end = None
            if end_ordinal and precision != DatePrecision.DAY:
                end = datetime.date.fromordinal(end_ordinal)
            dating = (day, end, precision)
        else:
            draw = rng.random()
            pool = (
                self.persons if draw < 0.8 else self.states if draw < 0.93 else self.organizations
            )
            speaker = rng.choice(pool)
            mentions = []
            dating = self.dating(rng)
        for _ in range(rng.choice((0, 0, 1, 1, 1, 2, 3))):
            candidate = rng.choice(self.actors)
            if candidate is not speaker and all(candidate is not m for m in mentions):
                mentions.append(candidate)
        mentions.sort(key=lambda actor: self.actor_rank[actor.pk])
        topics = self.pick_topics(rng)
        here, elsewhere = self.place_names(
            rng, rng.choice(self.places) if rng.random() < 0.5 else None
        )
        subject = topics[0].name.lower() if topics else rng.choice(words.ISSUES)
        other_name = mentions[0].name if mentions else "the other side"
        fields = writer.fields(speaker.name, other_name, other_name, here, elsewhere, subject)
        sentences = writer.sentences(words.STATEMENT_SENTENCES[kind], fields, 200, 1500)
        title = {
            StatementKind.DIRECT_QUOTE: f"{speaker.name} on {subject}",
            StatementKind.PARAPHRASE: f"{speaker.name} on {subject}",
            StatementKind.READOUT: f"Readout: {speaker.name} and {other_name}",
            StatementKind.ANNOUNCEMENT: f"{speaker.name} announces steps on {subject}",
        }[kind]
        plover = None if kind == StatementKind.READOUT else rng.choice(STATEMENT_PLOVER)
        statement = self.table(Statement).new(
            {
                **self.event_fields(pk, title, dating, plover),
                "slug": f"synthetic-statement-{pk}",
                "plover_mode": "",
                "speaker_id": speaker.pk,
                "kind": kind,
                "text": " ".join(sentences),
                "meeting_id": meeting_id,
            }
        )
        batch.events.append(statement)
        for actor in mentions:
            batch.add(StatementMention, (self.ids.take(StatementMention), pk, actor.pk))
        for topic in topics:
            batch.add(StatementTopic, (self.ids.take(StatementTopic), pk, topic.pk))
        citations = self.cite(rng, batch, "statement", statement, sentences)
        involved = [(speaker, "speaker")] + [(actor, "mentioned") for actor in mentions]
        batch.contents.append(EventContent(statement, involved, None, topics, citations))

    # -- incidents

    def incidents(self) -> None:
        rng = self.stream("incidents")
        writer = Writer(rng)
        count = self.plan.incidents
        self.write_all(EventType.INCIDENT, count, lambda batch: self.incident(rng, writer, batch))

    def casualties(self, rng: random.Random, kind: str) -> tuple[int | None, int | None, str]:
        """Fatalities and injuries as reported, with the sentence saying so. Unknown is
        null, never zero: zero only where the text says no one was hurt."""
        if kind in VIOLENT:
            scale = 2000 if kind == IncidentKind.WAR else 12
            fatalities = rng.randint(1, scale) if rng.random() < 0.6 else None
            injuries = rng.randint(1, scale * 2) if rng.random() < 0.5 else None
            if kind == IncidentKind.CEASEFIRE_VIOLATION and rng.random() < 0.25:
                return 0, 0, words.CASUALTY_SENTENCES["none"]
        elif rng.random() < 0.1:
            return 0, 0, words.CASUALTY_SENTENCES["none"]
        else:
            return None, None, words.CASUALTY_SENTENCES["unknown"]
        if fatalities is not None and injuries is not None:
            sentence = words.CASUALTY_SENTENCES["both"]
        elif fatalities is not None:
            sentence = words.CASUALTY_SENTENCES["dead"]
        elif injuries is not None:
            sentence = words.CASUALTY_SENTENCES["wounded"]
        else:
            sentence = words.CASUALTY_SENTENCES["unknown"]
        return fatalities, injuries, sentence.format(f=fatalities, i=injuries)

    def incident(self, rng: random.Random, writer: Writer, batch: Batch) -> None:
        pk = self.ids.take(Incident)
        kind = INCIDENT_KINDS(rng)
        dating = self.dating(rng, lasting=kind in LASTING, multi_day=0.15)
        place = rng.choice(self.places) if rng.random() < 0.92 else None
        side_a, side_b = rng.sample(self.belligerents, 2)
        if kind in VIOLENT:
            roles = (
                (IncidentActorRole.PERPETRATOR, IncidentActorRole.TARGET)
                if rng.random() < 0.5
                else (IncidentActorRole.PARTY, IncidentActorRole.PARTY)
            )
            group = "violent"
        elif kind in PRESSURE:
            roles = (IncidentActorRole.PERPETRATOR, IncidentActorRole.AFFECTED)
            group = "pressure"
        else:
            roles = (IncidentActorRole.PARTY, IncidentActorRole.PARTY)
            group = "calm"
        involved = [(side_a, roles[0])]
        if rng.random() < 0.85:
            involved.append((side_b, roles[1]))
        third = rng.choice(self.organizations)
        if group == "calm" and rng.random() < 0.3:
            involved.append((third, IncidentActorRole.MEDIATOR))
        elif rng.random() < 0.15:
            affected = rng.choice(self.belligerents)
            if affected is not side_a and affected is not side_b:
                involved.append((affected, IncidentActorRole.AFFECTED))
        fatalities, injuries, casualty_sentence = self.casualties(rng, kind)
        topics = self.pick_topics(rng)
        here, elsewhere = self.place_names(rng, place)
        subject = topics[0].name.lower() if topics else rng.choice(words.ISSUES)
        fields = writer.fields(side_a.name, side_b.name, third.name, here, elsewhere, subject)
        sentences = writer.sentences(words.INCIDENT_SENTENCES[group], fields, 200, 900)
        sentences.insert(1, casualty_sentence)
        kind_label = IncidentKind(kind).label
        title = f"{kind_label} near {here}" if place else f"{kind_label} involving {side_a.name}"
        incident = self.table(Incident).new(
            {
                **self.event_fields(pk, title, dating, INCIDENT_PLOVER.get(kind)),
                "slug": f"synthetic-incident-{pk}",
                "ongoing": False,
                "plover_mode": "",
                "kind": kind,
                "place_id": place.pk if place else None,
                "fatalities": fatalities,
                "injuries": injuries,
                "summary": " ".join(sentences),
            }
        )
        batch.events.append(incident)
        for actor, role in involved:
            batch.add(IncidentActor, (self.ids.take(IncidentActor), pk, actor.pk, role))
        for topic in topics:
            batch.add(IncidentTopic, (self.ids.take(IncidentTopic), pk, topic.pk))
        citations = self.cite(rng, batch, "incident", incident, sentences)
        batch.contents.append(EventContent(incident, involved, place, topics, citations))

    # -- writing

    def write_all(self, event_type: str, count: int, make: Callable[[Batch], None]) -> None:
        started = last_report = time.monotonic()
        done = 0
        while done < count:
            size = min(self.batch_size, count - done)
            batch = Batch(event_type)
            for _ in range(size):
                make(batch)
            self.write(batch)
            done += size
            now = time.monotonic()
            if now - last_report >= 5 or done == count:
                rate = done / max(now - started, 1e-9)
                self.progress(f"  {event_type}s: {done:,}/{count:,} ({rate:,.0f} events/s)")
                last_report = now

    def write(self, batch: Batch) -> None:
        # One timestamp per batch: what auto_now would give, to the batch's precision.
        now = timezone.now()
        for event in batch.events:
            event.created_at = event.updated_at = now
        model = type(batch.events[0])
        entry_pks = {content.event.pk: self.ids.take(TimelineEntry) for content in batch.contents}
        # The rows `rebuild_entries` would write, from the same builder, as plain values:
        # making TimelineEntry instances only to take them apart again costs ~10% of a run.
        entries = [
            {
                "id": entry_pks[content.event.pk],
                "event_type": batch.event_type,
                "event_id": content.event.pk,
                **entry_fields(content, self.actor_aliases, self.place_aliases),
            }
            for content in batch.contents
        ]
        actor_links, topic_links = link_rows(batch.contents, entry_pks)
        rows = dict(batch.rows)
        rows[TimelineActor] = [(self.ids.take(TimelineActor), *pair) for pair in actor_links]
        rows[TimelineTopic] = [(self.ids.take(TimelineTopic), *pair) for pair in topic_links]
        with transaction.atomic():
            self.table(model).write_instances(batch.events)
            self.table(TimelineEntry).write_dicts(entries)
            for child, child_rows in rows.items():
                self.table(child).write(child_rows)
        self.count(model, len(batch.events))
        self.count(TimelineEntry, len(entries))
        for child, child_rows in rows.items():
            self.count(child, len(child_rows))
        # With DEBUG on, Django keeps the text of recent queries: huge for bulk inserts.
        reset_queries()

    def run(self) -> None:
        plan = self.plan
        self.progress(
            f"Reference data: {plan.actors:,} actors, {plan.places:,} places, "
            f"{len(words.TOPICS)} topics, {plan.sources:,} sources"
        )
        with transaction.atomic():
            self.reference_data()
        self.progress(
            f"Events: {plan.meetings:,} meetings, {plan.statements:,} statements, "
            f"{plan.incidents:,} incidents"
        )
        self.meetings()
        self.statements()
        del self.meeting_day, self.meeting_end, self.meeting_precision
        del self.meeting_party_a, self.meeting_party_b
        self.incidents()


# --- Around the run -------------------------------------------------------------------


def existing_records() -> dict[str, int]:
    """Records already in the database that a synthetic run must not mix with unasked."""
    counts = {label(model): model.objects.count() for model in GUARDED_MODELS}
    return {name: count for name, count in counts.items() if count}


@contextmanager
def fast_writes() -> Iterator[None]:
    """Trade durability for speed while loading: a crash half-way leaves a benchmark
    database to drop and regenerate anyway, and syncing every batch to disk would cost
    more than writing it."""
    vendor = connection.vendor
    # SQLite cannot change it inside a transaction (a caller's, e.g. a test's): then the
    # caller's transaction decides durability anyway.
    relax_sync = vendor == "sqlite" and not connection.in_atomic_block
    with connection.cursor() as cursor:
        if vendor == "sqlite":
            cursor.execute("PRAGMA synchronous")
            synchronous = cursor.fetchone()[0]
            cursor.execute("PRAGMA cache_size")
            cache_size = cursor.fetchone()[0]
            if relax_sync:
                cursor.execute("PRAGMA synchronous = OFF")
            cursor.execute("PRAGMA cache_size = -65536")  # 64 MiB: index pages stay cached
        elif vendor == "postgresql":
            cursor.execute("SET synchronous_commit TO off")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            if vendor == "sqlite":
                if relax_sync:
                    cursor.execute(f"PRAGMA synchronous = {int(synchronous)}")
                cursor.execute(f"PRAGMA cache_size = {int(cache_size)}")
            elif vendor == "postgresql":
                cursor.execute("RESET synchronous_commit")


@contextmanager
def search_indexes_built_afterwards(progress: Callable[[str], None]) -> Iterator[None]:
    """Drop the full-text indexes of the tables written, and build them once all rows are
    in: PostgreSQL's GIN index, SQLite's FTS5 triggers.

    Kept up to date row by row they cost about as much as the rest of the load (to_tsvector
    and a GIN insertion per row: twice the load time; FTS5 triggers: +50%), while one build
    over all rows costs a fraction of that (the databases' own advice for bulk loads).
    Definitions are read back from the catalogue, so everything returns exactly as the
    migrations made it, also when the load fails. Other indexes stay: they cost little.
    """
    tables = [model._meta.db_table for model in WRITTEN_MODELS]
    if connection.vendor == "postgresql":
        build = defer_gin_indexes(tables, progress)
    elif connection.vendor == "sqlite":
        build = defer_fts_triggers(tables, progress)
    else:
        build = None
    if build is None:
        yield
        return
    try:
        yield
    except BaseException:
        # Inside a caller's transaction the drop is rolled back with everything else;
        # with our own transactions it was committed, so build the indexes back.
        if not connection.in_atomic_block:
            build()
        raise
    build()


def defer_gin_indexes(tables: list[str], progress: Callable[[str], None]) -> Callable[[], None]:
    """Drop the GIN indexes on `tables`; returns what builds them again."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
            "AND tablename = ANY(%s) AND indexdef LIKE '%% USING gin %%' ORDER BY indexname",
            [tables],
        )
        indexes = cursor.fetchall()
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")

    def build() -> None:
        with connection.cursor() as cursor:
            if connection.in_atomic_block:
                # A caller's transaction (a test's) still holds deferred foreign-key checks,
                # and PostgreSQL builds no index on a table with checks pending: run them.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            cursor.execute("SET maintenance_work_mem = '256MB'")  # a GIN build sorts in it
            for name, definition in indexes:
                progress(f"Building index {name}")
                cursor.execute(definition)
            cursor.execute("RESET maintenance_work_mem")

    return build


FTS5_CONTENT = re.compile(r"USING\s+fts5\s*\(.*\bcontent\s*=\s*['\"]?(\w+)", re.I | re.S)


def defer_fts_triggers(tables: list[str], progress: Callable[[str], None]) -> Callable[[], None]:
    """Drop the triggers that feed FTS5 indexes of `tables` (external-content tables);
    returns what rebuilds those indexes from the table and puts the triggers back."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name")
        schema = cursor.fetchall()
        indexes = [
            name
            for kind, name, _, sql in schema
            if kind == "table"
            and (found := FTS5_CONTENT.search(sql or ""))
            and found.group(1) in tables
        ]
        triggers = [
            (name, sql)
            for kind, name, table, sql in schema
            if kind == "trigger" and table in tables and any(fts in sql for fts in indexes)
        ]
        for name, _ in triggers:
            cursor.execute(f"DROP TRIGGER {connection.ops.quote_name(name)}")

    def build() -> None:
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            for name in indexes:
                progress(f"Building full-text index {name}")
                cursor.execute(f"INSERT INTO {quote(name)}({quote(name)}) VALUES ('rebuild')")
            for _, sql in triggers:
                cursor.execute(sql)

    return build


def finish() -> None:
    """After rows were inserted with explicit ids: move PostgreSQL's sequences past them
    (so later API writes get fresh ids) and refresh the planner's statistics."""
    reset_sequences(list(WRITTEN_MODELS))
    # VACUUM and checkpoints cannot run inside a transaction (a caller's, e.g. a test's).
    own_transaction = not connection.in_atomic_block
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            # A sample per index is enough for the planner, and keeps ANALYZE quick on
            # gigabytes of data.
            cursor.execute("PRAGMA analysis_limit = 1000")
            cursor.execute("ANALYZE")
            if own_transaction:
                cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # leave no large WAL
        elif connection.vendor == "postgresql":
            # VACUUM as well: it sets the visibility map (index-only scans) now, instead
            # of autovacuum doing it in the middle of whatever runs next, e.g. a benchmark.
            command = "VACUUM ANALYZE" if own_transaction else "ANALYZE"
            for model in WRITTEN_MODELS:
                cursor.execute(f"{command} {connection.ops.quote_name(model._meta.db_table)}")


def generate(
    events: int,
    seed: int = 1,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    allow_existing: bool = False,
    progress: Callable[[str], None] | None = None,
) -> Report:
    """Fill the database with a synthetic dataset of `events` events (see the module
    docstring). Refuses (SyntheticError) to mix with existing actors, sources or events
    unless `allow_existing`."""
    if isinstance(events, bool) or not isinstance(events, int) or not 1 <= events <= MAX_EVENTS:
        raise SyntheticError(f"--events must be a whole number from 1 to {MAX_EVENTS:,}.")
    if (
        isinstance(batch_size, bool)
        or not isinstance(batch_size, int)
        or not 1 <= batch_size <= MAX_BATCH_SIZE
    ):
        raise SyntheticError(f"--batch-size must be a whole number from 1 to {MAX_BATCH_SIZE:,}.")
    if not allow_existing:
        found = existing_records()
        if found:
            listed = ", ".join(f"{count:,} {name}" for name, count in found.items())
            raise SyntheticError(
                f"The database already holds data ({listed}). generate_synthetic is meant "
                "for an empty, freshly migrated database; pass --allow-curated to add "
                "synthetic records beside the existing ones anyway."
            )
    started = time.monotonic()
    output = progress or (lambda _: None)

    def stamped(message: str) -> None:
        output(f"[{time.monotonic() - started:7.1f} s] {message}")

    generator = Generator(Plan.for_events(events), seed, batch_size, stamped)
    try:
        # Written in bulk, with the timeline rows built alongside and no history: a
        # benchmark dataset, not curated changes (events.services.untracked_writes).
        with fast_writes(), search_indexes_built_afterwards(stamped), untracked_writes():
            generator.run()
        stamped("Resetting sequences and updating planner statistics")
        finish()
    except DatabaseError as exc:
        raise SyntheticError(
            f"The database refused a batch: {exc}\nBatches written before it stay (one "
            "transaction each): recreate the database before running again."
        ) from exc
    generator.report.seconds = time.monotonic() - started
    return generator.report
