"""Reference data: topics, sources, actors and places, read and written."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from functools import reduce
from operator import or_
from typing import Any, ClassVar

from django.db.models import Q, Value
from django.db.models.functions import Lower
from rest_framework import serializers

from events.api.serializers.base import (
    CitationSerializer,
    NestedWriteMixin,
    StrictInputMixin,
    detail_url,
    reject_repeats,
)
from events.models import (
    Actor,
    ActorAlias,
    ActorIdentifier,
    ActorRole,
    Place,
    PlaceAlias,
    Source,
    Topic,
)
from events.provenance import source_problems

# The fields actors and places are written with; their read forms add a link, the
# citations and the timestamps.
ACTOR_FIELDS = [
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
PLACE_FIELDS = ["slug", "name", "kind", "country", "latitude", "longitude", "aliases"]


def alias_names_field() -> serializers.SlugRelatedField:
    return serializers.SlugRelatedField(
        slug_field="name",
        many=True,
        read_only=True,
        help_text="Other spellings met in the sources.",
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
            "kind",
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

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        def current(name: str) -> Any:
            if name in attrs:
                return attrs[name]
            default = Source._meta.get_field(name).get_default()
            return getattr(self.instance, name, default)

        problems = source_problems(
            current("kind"),
            url=current("url"),
            publisher=current("publisher"),
            published_on=current("published_on"),
            document=current("document"),
        )
        if problems:
            raise serializers.ValidationError(dict(problems))
        return attrs


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
    aliases = alias_names_field()
    identifiers = ActorIdentifierSerializer(many=True, read_only=True)
    roles = ActorRoleSerializer(many=True, read_only=True)

    citations = CitationSerializer(many=True, read_only=True)

    class Meta:
        model = Actor
        fields = ["api_url", *ACTOR_FIELDS, "citations", "created_at", "updated_at"]


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
        fields = ACTOR_FIELDS

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
    aliases = alias_names_field()
    latitude = coordinate_field(90)
    longitude = coordinate_field(180)

    citations = CitationSerializer(many=True, read_only=True)

    class Meta:
        model = Place
        fields = ["api_url", *PLACE_FIELDS, "citations", "created_at", "updated_at"]


class PlaceWriteSerializer(AliasedWriteSerializer):
    latitude = coordinate_field(90)
    longitude = coordinate_field(180)
    nested_collections: ClassVar = {"aliases": (PlaceAlias, "owner")}

    class Meta:
        model = Place
        fields = PLACE_FIELDS
