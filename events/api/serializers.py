"""API representations.

Read serializers embed related records in their brief `{slug, name}` form; write
serializers take references by slug and replace nested collections (participants,
citations, aliases...) as a whole, inside one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_EVEN, Decimal
from functools import reduce
from operator import or_
from typing import Any, ClassVar

from django.db import transaction
from django.db.models import Model, Q, Value
from django.db.models.functions import Lower
from django.urls import reverse
from rest_framework import serializers
from rest_framework.settings import api_settings

from events.choices import DatePrecision, EventType
from events.models import (
    Actor,
    ActorAlias,
    ActorIdentifier,
    ActorRole,
    Citation,
    Event,
    Incident,
    IncidentActor,
    Meeting,
    Participation,
    Place,
    PlaceAlias,
    Revision,
    Source,
    Statement,
    TimelineEntry,
    Tombstone,
    Topic,
)

# --- Strict input: every write serializer takes its body literally ----------------------

# Fields by the JSON type the schema documents for them (json_type_problem checks it).
STRING_FIELDS = (
    serializers.CharField,
    serializers.ChoiceField,
    serializers.DateField,
    serializers.DateTimeField,
    serializers.SlugRelatedField,
)
INTEGER_FIELDS = (serializers.IntegerField, serializers.PrimaryKeyRelatedField)
NUMBER_FIELDS = (serializers.DecimalField, serializers.FloatField)
LIST_FIELDS = (serializers.ListField, serializers.ManyRelatedField, serializers.ListSerializer)
# The largest count every supported database stores (PostgreSQL's integer), so the schema
# and the answers are the same whichever database serves them.
MAX_COUNT = 2**31 - 1


def is_storable_text(value: str) -> bool:
    """False for text holding half a UTF-16 surrogate pair (JSON can spell one as
    "\\ud800"): no database stores it and no response could echo it."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def printable(name: str) -> str:
    return name if is_storable_text(name) else name.encode("utf-8", "backslashreplace").decode()


def json_type_problem(field: serializers.Field, value: Any) -> str | None:
    """Why `value` is not of the JSON type `field` documents; None if it is, or is null
    (the field's own `allow_null` decides that)."""
    if value is None:
        return None
    if isinstance(field, STRING_FIELDS):
        if not isinstance(value, str):
            return "Not a valid string."
        if not is_storable_text(value):
            return "Not valid text: it holds an unpaired UTF-16 surrogate."
        if not value.strip() and (field.allow_null or isinstance(field, serializers.RelatedField)):
            # Where null means "none" or "unknown" (a place, a country, a url), "" would blur
            # it, or be read as null for a reference: the schema allows neither.
            return "This field may not be blank." + (
                " Send null for none." if field.allow_null else ""
            )
    elif isinstance(field, INTEGER_FIELDS):
        if isinstance(value, bool) or not isinstance(value, int):
            return "A valid integer is required."
    elif isinstance(field, NUMBER_FIELDS):
        if isinstance(value, bool) or not isinstance(value, int | float):
            return "A valid number is required."
    elif isinstance(field, LIST_FIELDS) and not isinstance(value, list):
        return f'Expected a list of items but got type "{type(value).__name__}".'
    return None


def list_item_problems(field: serializers.Field, items: list[Any]) -> dict[int, list[str]]:
    """Problems of the items of a list of plain values (aliases, slugs), by index."""
    child = getattr(field, "child", None) or getattr(field, "child_relation", None)
    if child is None or isinstance(child, serializers.BaseSerializer):
        return {}  # nested serializers check their own items
    problems = {index: json_type_problem(child, item) for index, item in enumerate(items)}
    return {index: [problem] for index, problem in problems.items() if problem}


class StrictInputMixin:
    """Takes a write body literally, for a curated dataset where silence loses data.

    A field the serializer does not write is refused by name instead of silently dropped
    (a misspelt `titel` would otherwise be lost without a word), and a value of the wrong
    JSON type is refused instead of coerced (DRF stores 12 as "12", reads "5" as 5 and a
    dict as the list of its keys). The schema says the same: `additionalProperties: false`
    (see events.api.openapi).
    """

    fields: dict[str, serializers.Field]

    def to_internal_value(self, data: Any) -> Any:
        problems = self.input_problems(data) if isinstance(data, Mapping) else {}
        try:
            value = super().to_internal_value(data)  # type: ignore[misc]
        except serializers.ValidationError as exc:
            if not problems:
                raise
            detail = exc.detail
            if not isinstance(detail, Mapping):
                detail = {api_settings.NON_FIELD_ERRORS_KEY: detail}
            raise serializers.ValidationError({**detail, **problems}) from exc
        if problems:
            raise serializers.ValidationError(problems)
        return value

    def input_problems(self, data: Mapping[str, Any]) -> dict[str, Any]:
        writable = sorted(name for name, field in self.fields.items() if not field.read_only)
        problems: dict[str, Any] = {}
        for name, value in data.items():
            field = self.fields.get(name)
            if field is None:
                problems[printable(name)] = [
                    f"Unknown field. Fields that can be written: {', '.join(writable)}."
                ]
            elif field.read_only:
                problems[name] = ["This field is read-only; it cannot be written."]
            elif problem := json_type_problem(field, value):
                problems[name] = [problem]
            elif isinstance(value, list) and (items := list_item_problems(field, value)):
                problems[name] = items
        if self.root is not self and getattr(self.root, "partial", False):
            # A nested item replaces the stored collection whole, so even in a PATCH it is
            # complete: DRF would skip its required fields (and store a role without title).
            for name, field in self.fields.items():
                if field.required and not field.read_only and name not in data:
                    problems.setdefault(name, [field.error_messages["required"]])
        return problems


def reject_repeats(items: list[Any], message: str) -> list[Any]:
    if len(set(items)) != len(items):
        raise serializers.ValidationError(message)
    return items


# --- Brief forms, used wherever a record is embedded in another -----------------------


class BriefActorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Actor
        fields = ["slug", "name"]


class BriefPlaceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Place
        fields = ["slug", "name"]


class ActorWithRoleSerializer(serializers.Serializer):
    """An actor's brief form plus the part they played."""

    slug = serializers.CharField(source="actor.slug", read_only=True)
    name = serializers.CharField(source="actor.name", read_only=True)
    role = serializers.CharField(read_only=True, help_text="The actor's part in this event.")


class ParticipantSerializer(ActorWithRoleSerializer):
    role = serializers.ChoiceField(choices=Participation._meta.get_field("role").choices)


class IncidentActorSerializer(ActorWithRoleSerializer):
    role = serializers.ChoiceField(choices=IncidentActor._meta.get_field("role").choices)


class CitationSerializer(StrictInputMixin, serializers.ModelSerializer):
    source = serializers.SlugRelatedField(
        slug_field="slug", queryset=Source.objects.all(), help_text="Slug of the cited source."
    )

    class Meta:
        model = Citation
        fields = ["source", "quote", "note"]
        extra_kwargs = {"note": {"required": False}}


def slug_list_field(model: type[Model], help_text: str) -> serializers.SlugRelatedField:
    return serializers.SlugRelatedField(
        slug_field="slug",
        many=True,
        queryset=model.objects.all(),
        required=False,
        help_text=help_text,
    )


# --- Reference data -------------------------------------------------------------------


def detail_url(view_name: str, lookup_field: str = "slug") -> serializers.HyperlinkedIdentityField:
    return serializers.HyperlinkedIdentityField(
        view_name=view_name, lookup_field=lookup_field, help_text="Link to this record in the API."
    )


class TopicSerializer(StrictInputMixin, serializers.ModelSerializer):
    api_url = detail_url("topic-detail")

    class Meta:
        model = Topic
        fields = ["api_url", "slug", "name", "description", "created_at", "updated_at"]


class SourceSerializer(StrictInputMixin, serializers.ModelSerializer):
    api_url = detail_url("source-detail")

    class Meta:
        model = Source
        fields = [
            "api_url",
            "slug",
            "title",
            "publisher",
            "published_on",
            "url",
            "language",
            "document",
            "note",
            "created_at",
            "updated_at",
        ]


class ActorRoleSerializer(StrictInputMixin, serializers.ModelSerializer):
    organization = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Actor.objects.all(),
        allow_null=True,
        required=False,
        help_text="Slug of the organisation (an actor) the office belongs to.",
    )

    class Meta:
        model = ActorRole
        fields = ["title", "organization", "start_date", "end_date", "note"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        start, end = attrs.get("start_date"), attrs.get("end_date")
        if start and end and end < start:
            raise serializers.ValidationError({"end_date": "The role cannot end before it starts."})
        return attrs


class ActorIdentifierSerializer(StrictInputMixin, serializers.ModelSerializer):
    class Meta:
        model = ActorIdentifier
        fields = ["scheme", "value"]
        validators: ClassVar[list] = []  # uniqueness is checked across the whole actor list


class NestedWriteMixin:
    """Saves nested collections by replacing them, in the same transaction as the record.

    `nested_collections` maps a serializer field to (child model, parent FK name,
    function turning one validated item into child model kwargs).
    """

    nested_collections: ClassVar[dict[str, tuple[type[Model], str]]] = {}

    @staticmethod
    def child_kwargs(field: str, item: Any) -> dict[str, Any]:
        return {"name": item} if isinstance(item, str) else dict(item)

    def _pop_nested(self, validated_data: dict[str, Any]) -> dict[str, Any]:
        return {
            field: validated_data.pop(field)
            for field in list(self.nested_collections)
            if field in validated_data
        }

    def _write_nested(self, instance: Model, nested: dict[str, Any]) -> None:
        for field, items in nested.items():
            child_model, parent_field = self.nested_collections[field]
            child_model.objects.filter(**{parent_field: instance}).delete()
            child_model.objects.bulk_create(
                child_model(**{parent_field: instance}, **self.child_kwargs(field, item))
                for item in items
            )

    @transaction.atomic
    def create(self, validated_data: dict[str, Any]) -> Model:
        nested = self._pop_nested(validated_data)
        instance = super().create(validated_data)
        self._write_nested(instance, nested)
        return instance

    @transaction.atomic
    def update(self, instance: Model, validated_data: dict[str, Any]) -> Model:
        nested = self._pop_nested(validated_data)
        instance = super().update(instance, validated_data)
        self._write_nested(instance, nested)
        return instance


def unique_names(values: list[str]) -> list[str]:
    seen = {value.casefold() for value in values}
    if len(seen) != len(values):
        raise serializers.ValidationError("Names must be unique.")
    return values


class AliasedWriteSerializer(StrictInputMixin, NestedWriteMixin, serializers.ModelSerializer):
    """Actors and places: `aliases` is a list of strings, unique across all records."""

    aliases = serializers.ListField(
        child=serializers.CharField(max_length=200),
        required=False,
        help_text="Other spellings met in the sources.",
    )

    def validate_aliases(self, value: list[str]) -> list[str]:
        unique_names(value)
        if not value:
            return value
        alias_model = self.Meta.model.alias_model
        # Compared as the database's unique constraint compares them: Lower(name).
        taken = alias_model.objects.annotate(folded=Lower("name")).filter(
            reduce(or_, (Q(folded=Lower(Value(name))) for name in value))
        )
        if self.instance is not None:
            taken = taken.exclude(owner=self.instance)
        clashes = sorted(taken.values_list("name", flat=True))
        if clashes:
            raise serializers.ValidationError(f"Already an alias of another record: {clashes}.")
        return value


class ActorSerializer(serializers.ModelSerializer):
    api_url = detail_url("actor-detail")
    aliases = serializers.SlugRelatedField(
        slug_field="name",
        many=True,
        read_only=True,
        help_text="Other spellings met in the sources.",
    )
    identifiers = ActorIdentifierSerializer(many=True, read_only=True)
    roles = ActorRoleSerializer(many=True, read_only=True)

    citations = CitationSerializer(many=True, read_only=True)

    class Meta:
        model = Actor
        fields = [
            "api_url",
            "slug",
            "name",
            "kind",
            "country",
            "aliases",
            "description",
            "identifiers",
            "roles",
            "note",
            "citations",
            "created_at",
            "updated_at",
        ]


class ActorWriteSerializer(AliasedWriteSerializer):
    identifiers = ActorIdentifierSerializer(many=True, required=False)
    roles = ActorRoleSerializer(many=True, required=False)
    nested_collections: ClassVar = {
        "aliases": (ActorAlias, "owner"),
        "identifiers": (ActorIdentifier, "actor"),
        "roles": (ActorRole, "actor"),
    }

    class Meta:
        model = Actor
        fields = [
            "slug",
            "name",
            "kind",
            "country",
            "aliases",
            "description",
            "identifiers",
            "roles",
            "note",
        ]

    def validate_identifiers(self, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        keys = reject_repeats(
            [(item["scheme"], item["value"]) for item in value], "An identifier is listed twice."
        )
        if not keys:
            return value
        taken = ActorIdentifier.objects.filter(
            reduce(or_, (Q(scheme=scheme, value=key) for scheme, key in keys))
        )
        if self.instance is not None:
            taken = taken.exclude(actor=self.instance)
        clashes = sorted(
            f"{i.scheme}:{i.value} ({i.actor.slug})" for i in taken.select_related("actor")
        )
        if clashes:
            raise serializers.ValidationError(f"Already an identifier of another actor: {clashes}.")
        return value


class CoordinateField(serializers.DecimalField):
    """Decimal degrees, rounded to the five decimals stored (about a metre): a position as
    precise as a GPS gives is taken, not refused for its last digits (which the schema,
    a JSON number, could not warn about)."""

    def validate_precision(self, value: Decimal) -> Decimal:
        if abs(value) <= self.max_value:  # out of range: left for the range check to refuse
            step = Decimal(1).scaleb(-self.decimal_places)
            value = value.quantize(step, rounding=ROUND_HALF_EVEN)
        return super().validate_precision(value)


def coordinate_field(limit: int) -> serializers.DecimalField:
    return CoordinateField(
        max_digits=8,
        decimal_places=5,
        coerce_to_string=False,
        allow_null=True,
        required=False,
        min_value=-limit,
        max_value=limit,
        help_text="Decimal degrees (WGS 84); null when unknown.",
    )


class PlaceSerializer(serializers.ModelSerializer):
    api_url = detail_url("place-detail")
    aliases = serializers.SlugRelatedField(
        slug_field="name",
        many=True,
        read_only=True,
        help_text="Other spellings met in the sources.",
    )
    latitude = coordinate_field(90)
    longitude = coordinate_field(180)

    citations = CitationSerializer(many=True, read_only=True)

    class Meta:
        model = Place
        fields = [
            "api_url",
            "slug",
            "name",
            "kind",
            "country",
            "latitude",
            "longitude",
            "aliases",
            "citations",
            "created_at",
            "updated_at",
        ]


class PlaceWriteSerializer(AliasedWriteSerializer):
    latitude = coordinate_field(90)
    longitude = coordinate_field(180)
    nested_collections: ClassVar = {"aliases": (PlaceAlias, "owner")}

    class Meta:
        model = Place
        fields = ["slug", "name", "kind", "country", "latitude", "longitude", "aliases"]


# --- Events ---------------------------------------------------------------------------

EVENT_FIELDS = [
    "id",
    "api_url",
    "slug",
    "title",
    "date",
    "end_date",
    "date_precision",
    "date_note",
]
EVENT_TRAILING_FIELDS = ["topics", "plover_type", "plover_mode", "note", "citations"]
TIMESTAMPS = ["created_at", "updated_at"]


class EventSerializer(serializers.ModelSerializer):
    topics = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True, help_text="Topic slugs."
    )
    citations = CitationSerializer(many=True, read_only=True)


class MeetingSerializer(EventSerializer):
    api_url = detail_url("meeting-detail", "pk")
    place = BriefPlaceSerializer(allow_null=True, read_only=True)
    participants = ParticipantSerializer(
        source="participations",
        many=True,
        read_only=True,
        help_text="Every actor taking part, with their role.",
    )

    class Meta:
        model = Meeting
        fields = [
            *EVENT_FIELDS,
            "kind",
            "status",
            "place",
            "participants",
            "summary",
            *EVENT_TRAILING_FIELDS,
            *TIMESTAMPS,
        ]


class StatementSerializer(EventSerializer):
    api_url = detail_url("statement-detail", "pk")
    speaker = BriefActorSerializer(read_only=True)
    mentions = BriefActorSerializer(many=True, read_only=True, help_text="Actors it is about.")
    meeting = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True, help_text="Id of the meeting it was made at."
    )

    class Meta:
        model = Statement
        fields = [
            *EVENT_FIELDS,
            "kind",
            "speaker",
            "text",
            "meeting",
            "mentions",
            *EVENT_TRAILING_FIELDS,
            *TIMESTAMPS,
        ]


class IncidentSerializer(EventSerializer):
    api_url = detail_url("incident-detail", "pk")
    place = BriefPlaceSerializer(allow_null=True, read_only=True)
    actors = IncidentActorSerializer(
        source="incident_actors",
        many=True,
        read_only=True,
        help_text="Actors involved, with their role.",
    )

    class Meta:
        model = Incident
        fields = [
            *EVENT_FIELDS,
            "kind",
            "place",
            "actors",
            "fatalities",
            "injuries",
            "summary",
            *EVENT_TRAILING_FIELDS,
            *TIMESTAMPS,
        ]
        extra_kwargs = {
            "fatalities": {"max_value": MAX_COUNT},
            "injuries": {"max_value": MAX_COUNT},
        }


class ActorRoleWriteSerializer(StrictInputMixin, serializers.Serializer):
    actor = serializers.SlugRelatedField(
        slug_field="slug", queryset=Actor.objects.all(), help_text="Actor slug."
    )


class ParticipantWriteSerializer(ActorRoleWriteSerializer):
    role = serializers.ChoiceField(choices=Participation._meta.get_field("role").choices)


class IncidentActorWriteSerializer(ActorRoleWriteSerializer):
    role = serializers.ChoiceField(choices=IncidentActor._meta.get_field("role").choices)


def reject_repeated_actors(items: list[dict[str, Any]], *, with_role: bool) -> list[dict[str, Any]]:
    keys = [(item["actor"].pk, item["role"] if with_role else None) for item in items]
    if len(set(keys)) != len(keys):
        raise serializers.ValidationError("An actor is listed twice.")
    return items


class EventWriteSerializer(StrictInputMixin, NestedWriteMixin, serializers.ModelSerializer):
    """Common write rules: topics by slug, at least one citation, end not before start."""

    topics = slug_list_field(Topic, "Topic slugs.")
    citations = CitationSerializer(
        many=True, allow_empty=False, help_text="At least one citation: every event is sourced."
    )
    many_to_many_fields: ClassVar[tuple[str, ...]] = ("topics",)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        def current(name: str) -> Any:
            if name in attrs:
                return attrs[name]
            return getattr(self.instance, name, None)

        start, end = current("date"), current("end_date")
        if start and end and end < start:
            raise serializers.ValidationError({"end_date": "The end date is before the date."})
        return attrs

    def validate_topics(self, value: list[Topic]) -> list[Topic]:
        return reject_repeats(value, "A topic is listed twice.")

    def validate_citations(self, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        quotes = [(item["source"].pk, item["quote"]) for item in value]
        reject_repeats(quotes, "The same quote of the same source is cited twice.")
        return value

    def _pop_many_to_many(self, validated_data: dict[str, Any]) -> dict[str, Any]:
        return {
            field: validated_data.pop(field)
            for field in self.many_to_many_fields
            if field in validated_data
        }

    @transaction.atomic
    def create(self, validated_data: dict[str, Any]) -> Event:
        related = self._pop_many_to_many(validated_data)
        instance = super().create(validated_data)
        for field in self.many_to_many_fields:
            getattr(instance, field).set(related.get(field, []))
        return instance

    @transaction.atomic
    def update(self, instance: Event, validated_data: dict[str, Any]) -> Event:
        related = self._pop_many_to_many(validated_data)
        instance = super().update(instance, validated_data)
        for field, values in related.items():
            getattr(instance, field).set(values)
        return instance


EVENT_WRITE_FIELDS = [
    "slug",
    "title",
    "date",
    "end_date",
    "date_precision",
    "date_note",
    "topics",
    "plover_type",
    "plover_mode",
    "note",
    "citations",
]


def place_slug_field() -> serializers.SlugRelatedField:
    return serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Place.objects.all(),
        allow_null=True,
        required=False,
        help_text="Place slug.",
    )


class MeetingWriteSerializer(EventWriteSerializer):
    place = place_slug_field()
    participants = ParticipantWriteSerializer(many=True, allow_empty=False)
    nested_collections: ClassVar = {
        "participants": (Participation, "meeting"),
        "citations": (Citation, "meeting"),
    }

    class Meta:
        model = Meeting
        fields = [*EVENT_WRITE_FIELDS, "kind", "status", "place", "participants", "summary"]

    def validate_participants(self, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return reject_repeated_actors(value, with_role=False)


class StatementWriteSerializer(EventWriteSerializer):
    speaker = serializers.SlugRelatedField(
        slug_field="slug", queryset=Actor.objects.all(), help_text="Actor slug of the speaker."
    )
    mentions = slug_list_field(Actor, "Slugs of the actors the statement is about.")
    nested_collections: ClassVar = {"citations": (Citation, "statement")}
    many_to_many_fields: ClassVar = ("topics", "mentions")

    class Meta:
        model = Statement
        fields = [*EVENT_WRITE_FIELDS, "kind", "speaker", "text", "meeting", "mentions"]

    def validate_mentions(self, value: list[Actor]) -> list[Actor]:
        return reject_repeats(value, "An actor is listed twice.")


class IncidentWriteSerializer(EventWriteSerializer):
    place = place_slug_field()
    actors = IncidentActorWriteSerializer(many=True, required=False)
    nested_collections: ClassVar = {
        "actors": (IncidentActor, "incident"),
        "citations": (Citation, "incident"),
    }

    class Meta:
        model = Incident
        fields = [
            *EVENT_WRITE_FIELDS,
            "kind",
            "place",
            "actors",
            "fatalities",
            "injuries",
            "summary",
        ]
        extra_kwargs = IncidentSerializer.Meta.extra_kwargs

    def validate_actors(self, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return reject_repeated_actors(value, with_role=True)


# --- Timeline and statistics ----------------------------------------------------------


class TimelineActorSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    role = serializers.CharField(
        help_text="Part played: a meeting role, an incident role, or speaker/mentioned."
    )


class TimelinePlaceSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class TimelineCitationSerializer(serializers.Serializer):
    source = serializers.CharField(help_text="Slug of the cited source.")
    quote = serializers.CharField(help_text="Verbatim quote from the source.")
    note = serializers.CharField(allow_blank=True)


class TimelineItemSerializer(serializers.Serializer):
    """One meeting, statement or incident in the unified timeline."""

    type = serializers.ChoiceField(source="event_type", choices=EventType.choices)
    id = serializers.IntegerField(source="event_id", help_text="The record's id within its type.")
    api_url = serializers.SerializerMethodField(help_text="Link to the full record.")
    kind = serializers.CharField(help_text="The record's kind within its type.")
    status = serializers.SerializerMethodField(
        help_text="Meetings: held, planned or cancelled. Null for statements and incidents."
    )
    date = serializers.DateField()
    end_date = serializers.DateField(allow_null=True)
    date_precision = serializers.ChoiceField(choices=DatePrecision.choices)
    title = serializers.CharField()
    summary = serializers.CharField(
        source="payload.summary", help_text="Meeting/incident summary or statement text."
    )
    actors = TimelineActorSerializer(source="payload.actors", many=True)
    place = TimelinePlaceSerializer(source="payload.place", allow_null=True)
    topics = serializers.ListField(
        source="payload.topics", child=serializers.CharField(), help_text="Topic slugs."
    )
    citations = TimelineCitationSerializer(source="payload.citations", many=True)
    updated_at = serializers.DateTimeField()

    def get_status(self, entry: TimelineEntry) -> str | None:
        return entry.payload.get("status")

    def get_api_url(self, entry: TimelineEntry) -> str:
        path = reverse(f"{entry.event_type}-detail", args=[entry.event_id])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path


class StatsRowSerializer(serializers.Serializer):
    key = serializers.CharField(
        allow_null=True, help_text="Period (YYYY or YYYY-MM), type, slug or country; null: none."
    )
    label = serializers.CharField(help_text="Human-readable form of the key.")
    meeting = serializers.IntegerField(help_text="Number of meetings.")
    statement = serializers.IntegerField(help_text="Number of statements.")
    incident = serializers.IntegerField(help_text="Number of incidents.")
    total = serializers.IntegerField()


class StatsSerializer(serializers.Serializer):
    group_by = serializers.CharField()
    results = StatsRowSerializer(many=True)


# --- Co-participation network (read-only; see events/queries/network.py) ----------------------


class NetworkNodeSerializer(serializers.Serializer):
    slug = serializers.CharField(help_text="Actor slug; the node's identifier.")
    name = serializers.CharField(help_text="Actor's canonical English name.")
    kind = serializers.ChoiceField(choices=Actor._meta.get_field("kind").choices)
    meetings = serializers.IntegerField(
        help_text="Number of the selected meetings the actor took part in, in any role."
    )


class NetworkEdgeSerializer(serializers.Serializer):
    source = serializers.CharField(help_text="Slug of one actor (the smaller of the two slugs).")
    target = serializers.CharField(help_text="Slug of the other actor.")
    weight = serializers.IntegerField(help_text="Number of meetings the two actors shared.")
    meeting_ids = serializers.ListField(
        child=serializers.IntegerField(), help_text="Ids of the shared meetings, ascending."
    )
    first_date = serializers.DateField(help_text="First day of the earliest shared meeting.")
    last_date = serializers.DateField(
        help_text="Last day of the latest shared meeting (its end date if it spanned days)."
    )


class NetworkSerializer(serializers.Serializer):
    nodes = NetworkNodeSerializer(many=True, help_text="Actors, sorted by slug.")
    edges = NetworkEdgeSerializer(
        many=True, help_text="Undirected ties between actors, sorted by source then target."
    )


class ActorNetworkEntrySerializer(serializers.Serializer):
    actor = BriefActorSerializer(help_text="An actor the requested actor met.")
    shared_meetings = serializers.IntegerField(
        help_text="Number of the selected meetings both actors took part in."
    )
    first_date = serializers.DateField(help_text="First day of the earliest shared meeting.")
    last_date = serializers.DateField(
        help_text="Last day of the latest shared meeting (its end date if it spanned days)."
    )
    meeting_ids = serializers.ListField(
        child=serializers.IntegerField(), help_text="Ids of the shared meetings, ascending."
    )


class DeletionSerializer(serializers.ModelSerializer):
    type = serializers.CharField(source="record_type", help_text="meeting, actor, topic, ...")
    key = serializers.CharField(help_text="The deleted record's id (events) or slug.")

    class Meta:
        model = Tombstone
        fields = ["type", "key", "deleted_at"]


class RevisionSerializer(serializers.ModelSerializer):
    type = serializers.CharField(source="record_type", help_text="actor, meeting, topic, ...")
    user = serializers.SlugRelatedField(
        slug_field="username",
        read_only=True,
        allow_null=True,
        help_text="Who made it; null for load_curated.",
    )

    class Meta:
        model = Revision
        fields = ["id", "type", "key", "action", "via", "user", "created_at", "changes", "snapshot"]
        extra_kwargs = {"id": {"help_text": "The revision's id."}}
