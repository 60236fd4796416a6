"""What the serializers share: strict input checks (every write body taken literally),
nested writes that replace a collection whole, the brief forms records are embedded in
others with, and field helpers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from django.db import transaction
from django.db.models import Model
from rest_framework import serializers
from rest_framework.settings import api_settings

from events.choices import SupportedField
from events.models import Actor, Citation, IncidentActor, Participation, Place, Source
from events.provenance import citation_problems

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
    elif isinstance(field, serializers.BooleanField):
        if not isinstance(value, bool):
            return "Must be true or false."
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
    supports = serializers.ListField(
        child=serializers.ChoiceField(choices=SupportedField.choices),
        required=False,
        help_text=Citation._meta.get_field("supports").help_text,
    )

    class Meta:
        model = Citation
        fields = ["source", "quote", "note", "supports", "disagrees"]
        extra_kwargs = {
            "quote": {"required": False},
            "note": {"required": False},
            "disagrees": {"required": False},
        }

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        problems = dict(
            citation_problems(
                attrs["source"].kind, quote=attrs.get("quote"), note=attrs.get("note")
            )
        )
        if "quote" in problems and "quote" not in attrs:
            problems["quote"] = f"This field is required. {problems['quote'].capitalize()}."
        if problems:
            raise serializers.ValidationError(problems)
        return attrs


def slug_list_field(model: type[Model], help_text: str) -> serializers.SlugRelatedField:
    return serializers.SlugRelatedField(
        slug_field="slug",
        many=True,
        queryset=model.objects.all(),
        required=False,
        help_text=help_text,
    )


def detail_url(view_name: str, lookup_field: str = "slug") -> serializers.HyperlinkedIdentityField:
    return serializers.HyperlinkedIdentityField(
        view_name=view_name, lookup_field=lookup_field, help_text="Link to this record in the API."
    )


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
