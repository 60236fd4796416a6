"""Reading and checking the curated files in `fixtures/` — no database needed.

Each record type lives in its own YAML file (`topics.yaml`, ..., `incidents.yaml`), a
list of mappings whose keys are described by the schemas below. Records refer to each
other by slug; events also carry a fixed integer `id`, their public identifier.

`check_curated()` returns the records cleaned (dates parsed, coordinates as decimals)
together with every problem found, each naming its file, record and field.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml
from django.db import models

from events.choices import (
    ActorKind,
    DatePrecision,
    IncidentActorRole,
    IncidentKind,
    MeetingKind,
    MeetingStatus,
    ParticipantRole,
    PlaceKind,
    PloverType,
    SourceKind,
    StatementKind,
    SupportedField,
)
from events.provenance import (
    Cited,
    citation_problems,
    field_support,
    fields_to_support,
    open_ended_problems,
    source_problems,
)
from events.registry import BY_PLURAL, RECORD_TYPES

# One file per record type, named by its plural, in load order (events.registry).
FILES = tuple(kind.plural for kind in RECORD_TYPES)
EVENT_FILES = tuple(kind.plural for kind in RECORD_TYPES if kind.is_event)
MAX_QUOTE_LENGTH = 600
COORDINATE_DECIMALS = 5

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
COUNTRY_RE = re.compile(r"^[A-Z]{3}$")


class Invalid(ValueError):
    """A value that breaks the curation rules; the message says why."""


@dataclass
class Problem:
    file: str
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}, {self.record}"
        if self.field:
            where += f", field '{self.field}'"
        return f"{where}: {self.message}"


@dataclass
class Context:
    """What the checks need to know beyond the value itself."""

    slugs: dict[str, set[str]]
    documents: dict[str, str] = field(default_factory=dict)  # source slug -> document text
    source_kinds: dict[str, str] = field(default_factory=dict)  # source slug -> kind
    # The provenance rules the dataset is being brought up to (see `strict_rules`).
    strict_provenance: bool = False
    sources_checked: bool = False


Check = Callable[[Any, Context], Any]


# --- Field checks: each returns the cleaned value or raises Invalid -------------------


def text(value: Any, ctx: Context) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise Invalid(f"expected text, got {type(value).__name__}")
    return value


def web_address(value: Any, ctx: Context) -> str:
    """An http(s) URL in ASCII: the API documents `url` as an RFC 3986 URI, so a page
    whose address holds other characters is cited with them percent-encoded."""
    address = text(value, ctx)
    if not address:
        return address
    if not re.fullmatch(r"https?://[!-~]+", address):
        raise Invalid(
            f"not an http(s) URL in ASCII: percent-encode other characters ({address[:60]!r})"
        )
    return address


def nonempty_text(value: Any, ctx: Context) -> str:
    value = text(value, ctx)
    if not value.strip():
        raise Invalid("must not be empty")
    return value


def slug(value: Any, ctx: Context) -> str:
    if not isinstance(value, str) or not SLUG_RE.fullmatch(value):
        raise Invalid(f"{value!r} is not a slug (lowercase letters, digits and hyphens)")
    return value


def record_id(value: Any, ctx: Context) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise Invalid(f"{value!r} is not a positive whole number")
    return value


def optional_count(value: Any, ctx: Context) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise Invalid(f"{value!r} is not a count (a whole number, 0 or more, or null if unknown)")
    return value


def optional_date(value: Any, ctx: Context) -> datetime.date | None:
    if value is None:
        return None
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise Invalid(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


def required_date(value: Any, ctx: Context) -> datetime.date:
    if value is None:
        raise Invalid("a date is required")
    return optional_date(value, ctx)


def country(value: Any, ctx: Context) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not COUNTRY_RE.fullmatch(value):
        raise Invalid(f"{value!r} is not an ISO 3166-1 alpha-3 code such as ARM")
    return value


def choice(enum: type[models.TextChoices], *, optional: bool = False) -> Check:
    def check(value: Any, ctx: Context) -> str | None:
        if value is None and optional:
            return None
        if value not in enum.values:
            raise Invalid(f"{value!r} is not one of: {', '.join(enum.values)}")
        return value

    return check


def coordinate(limit: int) -> Check:
    def check(value: Any, ctx: Context) -> Decimal | None:
        if value is None:
            return None
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise Invalid(f"{value!r} is not a number") from None
        if not number.is_finite() or not -limit <= number <= limit:
            raise Invalid(f"{value} is outside -{limit}..{limit}")
        # Stored with 5 decimals (about a metre): more would be silently rounded, so refused.
        if number.normalize().as_tuple().exponent < -COORDINATE_DECIMALS:
            raise Invalid(f"{value} has more than {COORDINATE_DECIMALS} decimals")
        return number.quantize(Decimal(1).scaleb(-COORDINATE_DECIMALS))

    return check


def reference(record_type: str, *, optional: bool = False) -> Check:
    def check(value: Any, ctx: Context) -> str | None:
        if value is None and optional:
            return None
        if value not in ctx.slugs[record_type]:
            raise Invalid(f"no {BY_PLURAL[record_type].name} with slug {value!r}")
        return value

    return check


def list_of(item_check: Check, *, unique: bool = True) -> Check:
    def check(value: Any, ctx: Context) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            raise Invalid("expected a list")
        items = [item_check(item, ctx) for item in value]
        keys = [str(item).casefold() for item in items]
        if unique and len(set(keys)) != len(keys):
            raise Invalid("lists the same entry twice")
        return items

    return check


def mapping(schema: dict[str, tuple[Check, bool]]) -> Check:
    def check(value: Any, ctx: Context) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise Invalid("expected a mapping")
        unknown = sorted(set(value) - set(schema))
        if unknown:
            raise Invalid(f"unknown keys {unknown}")
        cleaned = {}
        for name, (field_check, required) in schema.items():
            if required and name not in value:
                raise Invalid(f"'{name}' is missing")
            try:
                cleaned[name] = field_check(value.get(name), ctx)
            except Invalid as exc:
                raise Invalid(f"'{name}': {exc}") from None
        return cleaned

    return check


SUPPORTABLE_FIELDS = frozenset(SupportedField.values)


def supported_fields(value: Any, ctx: Context) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise Invalid("must be a list of field names")
    unknown = sorted(set(value) - SUPPORTABLE_FIELDS)
    if unknown:
        raise Invalid(f"unknown field name(s) {', '.join(unknown)}")
    return value


def boolean(value: Any, ctx: Context) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        raise Invalid("must be true or false")
    return value


def citation(value: Any, ctx: Context) -> dict[str, Any]:
    cleaned = mapping(
        {
            "source": (reference("sources"), True),
            # A document's citations quote it; a reference's carry no quote (events.provenance).
            "quote": (text, False),
            "note": (text, False),
            "supports": (supported_fields, False),
            "disagrees": (boolean, False),
        }
    )(value, ctx)
    kind = ctx.source_kinds.get(cleaned["source"], SourceKind.DOCUMENT)
    for name, message in citation_problems(kind, quote=cleaned["quote"], note=cleaned["note"]):
        raise Invalid(f"'{name}': {message}")
    quote = cleaned["quote"]
    if len(quote) > MAX_QUOTE_LENGTH:
        raise Invalid(f"quote is {len(quote)} characters; keep quotes under {MAX_QUOTE_LENGTH}")
    document = ctx.documents.get(cleaned["source"])
    if ctx.sources_checked and document is not None and quote not in document:
        raise Invalid(f"quote not found verbatim in the source document: {quote[:80]!r}")
    return cleaned


def actor_with_role(roles: type[models.TextChoices]) -> Check:
    return mapping({"actor": (reference("actors"), True), "role": (choice(roles), True)})


citations = list_of(citation)
optional_text = (text, False)

EVENT_HEAD = {
    "id": (record_id, True),
    "slug": (slug, True),
    "title": (nonempty_text, True),
}
EVENT_DATES = {
    "date": (required_date, True),
    "end_date": (optional_date, False),
    "date_precision": (choice(DatePrecision), True),
    "date_note": (nonempty_text, True),
}
# Meetings and incidents only: written in the files only when true (curated/dumping.py).
OPEN_ENDED = {"ongoing": (boolean, False)}
EVENT_TAIL = {
    "topics": (list_of(reference("topics")), False),
    "plover_type": (choice(PloverType, optional=True), False),
    "plover_mode": optional_text,
    "note": optional_text,
    "citations": (citations, True),
}

SCHEMAS: dict[str, dict[str, tuple[Check, bool]]] = {
    "topics": {"slug": (slug, True), "name": (nonempty_text, True), "description": optional_text},
    "sources": {
        "slug": (slug, True),
        "kind": (choice(SourceKind), True),
        "title": optional_text,
        "publisher": optional_text,
        "published_on": (optional_date, False),
        "url": (web_address, False),
        "language": (nonempty_text, True),
        "document": optional_text,  # a document's file; null for a reference
        "note": optional_text,
    },
    "places": {
        "slug": (slug, True),
        "name": (nonempty_text, True),
        "kind": (choice(PlaceKind), True),
        "country": (country, False),
        "latitude": (coordinate(90), False),
        "longitude": (coordinate(180), False),
        "aliases": (list_of(nonempty_text), False),
        "citations": (citations, False),
    },
    "actors": {
        "slug": (slug, True),
        "name": (nonempty_text, True),
        "kind": (choice(ActorKind), True),
        "country": (country, False),
        "description": optional_text,
        "aliases": (list_of(nonempty_text), False),
        "identifiers": (
            list_of(mapping({"scheme": (nonempty_text, True), "value": (nonempty_text, True)})),
            False,
        ),
        "roles": (
            list_of(
                mapping(
                    {
                        "title": (nonempty_text, True),
                        "organization": (reference("actors", optional=True), False),
                        "start_date": (optional_date, False),
                        "end_date": (optional_date, False),
                        "note": optional_text,
                    }
                )
            ),
            False,
        ),
        "note": optional_text,
        "citations": (citations, False),
    },
    "meetings": {
        **EVENT_HEAD,
        "kind": (choice(MeetingKind), True),
        "status": (choice(MeetingStatus), True),
        **EVENT_DATES,
        **OPEN_ENDED,
        "place": (reference("places", optional=True), False),
        "participants": (list_of(actor_with_role(ParticipantRole)), True),
        "summary": optional_text,
        **EVENT_TAIL,
    },
    "statements": {
        **EVENT_HEAD,
        "speaker": (reference("actors"), True),
        "kind": (choice(StatementKind), True),
        "text": (nonempty_text, True),
        **EVENT_DATES,
        "meeting": (reference("meetings", optional=True), False),
        "mentions": (list_of(reference("actors")), False),
        **EVENT_TAIL,
    },
    "incidents": {
        **EVENT_HEAD,
        "kind": (choice(IncidentKind), True),
        **EVENT_DATES,
        **OPEN_ENDED,
        "place": (reference("places", optional=True), False),
        "actors": (list_of(actor_with_role(IncidentActorRole)), False),
        "fatalities": (optional_count, False),
        "injuries": (optional_count, False),
        "summary": optional_text,
        **EVENT_TAIL,
    },
}


# --- Whole-record rules ---------------------------------------------------------------


def strict_rules(
    record_type: str, record: dict[str, Any], ctx: Context
) -> Iterable[tuple[str, str]]:
    """The provenance rules of DESIGN.md, which `validate_curated` always applies (loading
    does not: a database the API produced must load back, issue 15): every
    filtered-on value an event has is supported by a citation that does not disagree,
    and an approximate date is a range."""
    if record_type not in EVENT_FILES:
        return
    cited = [
        Cited(ctx.source_kinds.get(c["source"], SourceKind.DOCUMENT), c["supports"], c["disagrees"])
        for c in record["citations"]
    ]
    for name, rests_on in field_support(fields_to_support(record_type, record), cited).items():
        if rests_on is None:
            yield (
                name,
                f"no citation supports it: cite a source whose `supports` names {name!r} "
                "(and does not disagree)",
            )
    if record["date_precision"] == DatePrecision.APPROXIMATE and not (
        record["end_date"] and record["end_date"] > record["date"]
    ):
        yield (
            "end_date",
            "an approximate date is a range: set end_date after the date (the window the "
            "sources allow)",
        )


def record_rules(
    record_type: str, record: dict[str, Any], ctx: Context | None = None
) -> Iterable[tuple[str, str]]:
    """Rules that span several fields; yields (field, message)."""
    if ctx is not None and ctx.strict_provenance:
        yield from strict_rules(record_type, record, ctx)
    if record_type in EVENT_FILES:
        if record["end_date"] and record["end_date"] < record["date"]:
            yield "end_date", f"{record['end_date']} is before the date {record['date']}"
        if not record["citations"]:
            yield "citations", "every event needs at least one citation"
        if "ongoing" in record:
            yield from open_ended_problems(ongoing=record["ongoing"], end_date=record["end_date"])
    if record_type == "sources":
        yield from source_problems(
            record["kind"],
            url=record["url"],
            publisher=record["publisher"],
            published_on=record["published_on"],
            document=record["document"],
        )
    for index, role in enumerate(record.get("roles", [])):
        if role["start_date"] and role["end_date"] and role["end_date"] < role["start_date"]:
            yield f"roles[{index}].end_date", "the role ends before it starts"


# --- Reading and checking -------------------------------------------------------------


@dataclass
class CuratedData:
    directory: Path
    records: dict[str, list[dict[str, Any]]]
    problems: list[Problem]

    def file_name(self, record_type: str) -> str:
        return str(self.directory / f"{record_type}.yaml")

    def count(self) -> dict[str, int]:
        return {record_type: len(items) for record_type, items in self.records.items()}


def describe(index: int, raw: Any) -> str:
    label = f"record {index + 1}"
    if isinstance(raw, dict):
        key = raw.get("slug") or raw.get("id")
        if key is not None:
            label += f" ({key})"
    return label


def read_raw(directory: Path) -> tuple[dict[str, list[Any]], list[Problem]]:
    raw: dict[str, list[Any]] = {}
    problems: list[Problem] = []
    for record_type in FILES:
        path = directory / f"{record_type}.yaml"
        raw[record_type] = []
        if not path.exists():
            problems.append(Problem(str(path), "file", "", "missing"))
            continue
        try:
            content = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            problems.append(Problem(str(path), "file", "", f"cannot be read: {exc}"))
            continue
        if content is None:
            continue
        if not isinstance(content, list):
            problems.append(Problem(str(path), "file", "", "must be a YAML list of records"))
            continue
        raw[record_type] = content
    return raw, problems


def load_documents(sources: list[Any], sources_dir: Path) -> tuple[dict[str, str], list[str]]:
    documents, missing = {}, []
    for source in sources:
        if not isinstance(source, dict) or not source.get("document"):
            continue
        path = sources_dir / str(source["document"])
        if path.is_file():
            documents[source.get("slug")] = path.read_text(encoding="utf-8")
        else:
            missing.append(str(path))
    return documents, missing


def check_curated(
    directory: Path, sources_dir: Path | None = None, *, strict_provenance: bool = False
) -> CuratedData:
    """Read every curated file and check it; with `sources_dir`, check quotes verbatim;
    with `strict_provenance`, the rules of `strict_rules()` and `cross_type_clashes()`."""
    raw, problems = read_raw(directory)
    data = CuratedData(directory, {record_type: [] for record_type in FILES}, problems)

    # First pass: identifiers, so references can be checked whatever the order in a file.
    slugs: dict[str, set[str]] = {record_type: set() for record_type in FILES}
    for record_type in FILES:
        ids: set[Any] = set()
        for index, item in enumerate(raw[record_type]):
            if not isinstance(item, dict):
                continue
            where = (data.file_name(record_type), describe(index, item))
            key = item.get("slug")
            if key in slugs[record_type]:
                problems.append(Problem(*where, "slug", f"duplicate slug {key!r}"))
            slugs[record_type].add(key)
            if record_type in EVENT_FILES:
                if item.get("id") in ids:
                    problems.append(Problem(*where, "id", f"duplicate id {item.get('id')!r}"))
                ids.add(item.get("id"))

    ctx = Context(slugs=slugs, strict_provenance=strict_provenance)
    ctx.source_kinds = {
        item.get("slug"): item.get("kind")
        for item in raw["sources"]
        if isinstance(item, dict) and item.get("kind") in SourceKind.values
    }
    if sources_dir is not None:
        ctx.documents, missing = load_documents(raw["sources"], sources_dir)
        ctx.sources_checked = True
        problems.extend(
            Problem(data.file_name("sources"), "documents", "document", f"{path} not found")
            for path in missing
        )

    for record_type in FILES:
        for index, item in enumerate(raw[record_type]):
            where = (data.file_name(record_type), describe(index, item))
            cleaned, found = check_record(record_type, item, ctx)
            problems.extend(Problem(*where, field, message) for field, message in found)
            if cleaned is not None and not found:
                data.records[record_type].append(cleaned)

    problems.extend(alias_clashes(data))
    if strict_provenance:
        problems.extend(cross_type_clashes(data))
    return data


def check_record(
    record_type: str, item: Any, ctx: Context
) -> tuple[dict[str, Any] | None, list[tuple[str, str]]]:
    """One record cleaned, with its problems as (field, message) pairs."""
    try:
        cleaned = mapping(SCHEMAS[record_type])(item, ctx)
    except Invalid as exc:
        name, _, message = str(exc).partition(": ")
        return None, [(name.strip("'"), message or name)]
    return cleaned, list(record_rules(record_type, cleaned, ctx))


def alias_clashes(data: CuratedData) -> Iterable[Problem]:
    """An alias must resolve to exactly one actor (or place)."""
    for record_type in ("actors", "places"):
        owner: dict[str, str] = {}
        for record in data.records[record_type]:
            for name in [record["name"], *record["aliases"]]:
                key = name.casefold()
                if owner.get(key, record["slug"]) != record["slug"]:
                    yield Problem(
                        data.file_name(record_type),
                        record["slug"],
                        "aliases",
                        f"{name!r} also names {owner[key]!r}",
                    )
                owner.setdefault(key, record["slug"])


def cross_type_clashes(data: CuratedData) -> Iterable[Problem]:
    """No alias names both an actor and a place ("Moscow" the city, and Russia's government
    by metonymy): a search for it must find one record. An alias of either is compared,
    ignoring case, with the other's names and aliases; the two canonical names may agree
    (the state Armenia and the country Armenia are one name for two kinds of thing).
    Reported on the actor."""
    place_names = {r["name"].casefold(): r["slug"] for r in data.records["places"]}
    place_aliases = {
        alias.casefold(): r["slug"] for r in data.records["places"] for alias in r["aliases"]
    }
    for record in data.records["actors"]:
        found = [("name", record["name"], place_aliases.get(record["name"].casefold()))]
        found += [
            ("aliases", alias, place_aliases.get(key) or place_names.get(key))
            for alias in record["aliases"]
            for key in [alias.casefold()]
        ]
        for key, name, place in found:
            if place is not None:
                yield Problem(
                    data.file_name("actors"),
                    record["slug"],
                    key,
                    f"{name!r} also names the place {place!r}",
                )
