"""Rendering: each model's and each enumeration's section of the page, in Markdown."""

from __future__ import annotations

import inspect
from dataclasses import dataclass

from django.apps import apps
from django.db import models
from rest_framework import serializers

from events.api.data_dictionary.introspection import DOCUMENTED_MODELS, ApiView, docstring, enum_of
from events.api.data_dictionary.meanings import VALUE_MEANINGS
from events.api.openapi import COMMON_DESCRIPTIONS
from events.models import (
    Event,
    country_code_validator,
)


def anchor(name: str) -> str:
    return f"#{name.lower()}"


def link(model: type[models.Model]) -> str:
    name = model.__name__
    return f"[{name}]({anchor(name)})" if model in DOCUMENTED_MODELS else name


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


def code(text: str) -> str:
    return f"`{text}`"


def object_shape(serializer: serializers.Serializer) -> str:
    return code("{" + ", ".join(serializer.fields) + "}")


def relation_shape(relation: serializers.RelatedField, many: bool, target: str) -> str:
    if isinstance(relation, serializers.SlugRelatedField):
        if relation.slug_field == "name":  # aliases: the names themselves
            return "list of strings" if many else "a string"
        what = relation.slug_field
        return f"list of {target} {what}s" if many else f"the {target}'s {what}"
    if isinstance(relation, serializers.PrimaryKeyRelatedField):
        return f"list of {target} ids" if many else f"the {target}'s `id`"
    return ""


def api_shape(api_field: serializers.Field, target: str) -> str:
    """The JSON shape of a serializer field, for anything that is not a plain value;
    `target` names the related model, if any."""
    if isinstance(api_field, serializers.ListSerializer):
        return f"list of {object_shape(api_field.child)}"
    if isinstance(api_field, serializers.Serializer):
        shape = object_shape(api_field)
        return f"{shape} or `null`" if api_field.allow_null else shape
    if isinstance(api_field, serializers.ManyRelatedField):
        return relation_shape(api_field.child_relation, many=True, target=target)
    if isinstance(api_field, serializers.RelatedField):
        return relation_shape(api_field, many=False, target=target)
    return ""


def api_cell(keys: list[tuple[str, serializers.Field]], target: str) -> str:
    if not keys:
        return "—"
    if len(keys) == 1:
        key, api_field = keys[0]
        shape = api_shape(api_field, target)
        return f"{code(key)}: {shape}" if shape else code(key)
    # Several keys read through one relation (a participant's `slug` and `name`).
    return ", ".join(code(key) for key, _ in keys) + f" of the {target}"


def type_text(model_field: models.Field | models.ForeignObjectRel) -> str:
    if isinstance(model_field, models.ForeignObjectRel):
        return f"list of {link(model_field.related_model)}"
    if isinstance(model_field, models.ManyToManyField):
        text = f"list of {link(model_field.related_model)}"
        through = model_field.remote_field.through
        if not through._meta.auto_created:
            text += f", through {link(through)}"
        return text
    if isinstance(model_field, models.ForeignKey):
        return f"reference to {link(model_field.related_model)}"
    if isinstance(model_field, models.AutoField):
        return "integer, assigned automatically"
    max_length = f", max {model_field.max_length}" if model_field.max_length else ""
    if isinstance(model_field, models.SlugField):
        text = f"slug{max_length}"
    elif isinstance(model_field, models.URLField):
        text = f"URL{max_length}"
    elif isinstance(model_field, models.CharField):
        text = f"text{max_length}"
    elif isinstance(model_field, models.TextField):
        text = "text"
    elif isinstance(model_field, models.DateTimeField):
        text = "timestamp (ISO 8601, UTC)"
    elif isinstance(model_field, models.DateField):
        text = "date (ISO 8601)"
    elif isinstance(model_field, models.PositiveIntegerField | models.PositiveBigIntegerField):
        text = "integer ≥ 0"
    elif isinstance(model_field, models.IntegerField):
        text = "integer"
    elif isinstance(model_field, models.DecimalField):
        text = f"decimal, {model_field.decimal_places} decimal places"
    elif isinstance(model_field, models.JSONField):
        text = "JSON"
    elif isinstance(model_field, models.BooleanField):
        text = "true or false"
    else:
        text = model_field.get_internal_type()
    if model_field.unique and not model_field.primary_key:
        text += ", unique"
    return text


def nullable_text(model_field: models.Field | models.ForeignObjectRel) -> str:
    if model_field.many_to_many or model_field.one_to_many:
        return "— (a list)"
    if model_field.null:
        return "yes"
    text_like = isinstance(model_field, models.CharField | models.TextField)
    if model_field.blank and text_like and not model_field.choices:
        return 'no (may be `""`)'
    return "no"


def allowed_text(model_field: models.Field | models.ForeignObjectRel) -> str:
    if isinstance(model_field, models.ForeignObjectRel):
        return ""
    enum = enum_of(model_field)
    if enum is not None:
        return f"[{enum.__name__}]({anchor(enum.__name__)})"
    if country_code_validator in model_field.validators:
        return "ISO 3166-1 alpha-3 code in capitals, e.g. `ARM`"
    return ""


def meaning_text(
    model_field: models.Field | models.ForeignObjectRel, keys: list[tuple[str, serializers.Field]]
) -> str:
    text = str(getattr(model_field, "help_text", "") or "")
    if not text and len(keys) == 1:
        key, api_field = keys[0]
        text = str(api_field.help_text or "") or COMMON_DESCRIPTIONS.get(key, "")
    if isinstance(model_field, models.AutoField) and not keys:
        text = text or "Internal key; the API does not show it."
    extras = []
    if getattr(model_field, "auto_now", False) or getattr(model_field, "auto_now_add", False):
        extras.append("Set automatically.")
    default = getattr(model_field, "default", models.NOT_PROVIDED)
    if default is not models.NOT_PROVIDED and not callable(default) and default not in ("", None):
        extras.append(f"Default `{default}`.")
    return " ".join(part for part in (text, *extras) if part)


def model_fields(model: type[models.Model]) -> list[models.Field]:
    """Every stored field and many-to-many field, in definition order, id first and the
    timestamps last."""
    fields = sorted(
        [*model._meta.concrete_fields, *model._meta.many_to_many], key=lambda f: f.creation_counter
    )
    timestamps = [f for f in fields if f.name in ("created_at", "updated_at")]
    return [f for f in fields if f not in timestamps] + timestamps


def reverse_relations(model: type[models.Model]) -> list[models.ForeignObjectRel]:
    return [
        relation
        for relation in model._meta.get_fields()
        if isinstance(relation, models.ForeignObjectRel) and relation.one_to_many
    ]


@dataclass
class Row:
    name: str
    type: str
    nullable: str
    meaning: str
    allowed: str
    api: str

    def markdown(self) -> str:
        cells = (
            code(self.name),
            self.type,
            self.nullable,
            self.meaning,
            self.allowed,
            self.api,
        )
        return "| " + " | ".join(cell(part) for part in cells) + " |"


def shown_keys(
    name: str, serializer: serializers.Serializer | None, used: set[str]
) -> list[tuple[str, serializers.Field]]:
    """The serializer fields showing the model field or relation `name`: the field whose
    source it is, else the field of that name (`participants` shows the participations),
    else the fields reading through it (a participant's `slug` is `actor.slug`)."""
    if serializer is None:
        return []
    available = [(key, f) for key, f in serializer.fields.items() if key not in used]
    for matches in (
        lambda key, f: f.source == name,
        lambda key, f: key == name,
        lambda key, f: (f.source or "").startswith(f"{name}."),
    ):
        found = [(key, f) for key, f in available if matches(key, f)]
        if found:
            return found
    return []


def model_rows(model: type[models.Model], view: ApiView) -> tuple[list[Row], list[str]]:
    """The table rows of a model, and the API keys its serializer adds of its own."""
    serializer = view.serializer_for(model)
    placements = view.placements.get(model, [])
    used: set[str] = set()
    rows = []

    def add(model_field: models.Field | models.ForeignObjectRel, name: str) -> None:
        keys = shown_keys(name, serializer, used)
        used.update(key for key, _ in keys)
        related = getattr(model_field, "related_model", None)
        target = related._meta.verbose_name if related is not None else ""
        meaning, api = meaning_text(model_field, keys), api_cell(keys, target)
        for placement in placements:
            owner = placement.parent._meta.verbose_name
            child = getattr(placement.api_field, "child_relation", None)
            if related is placement.parent and not keys:
                # The record it belongs to: implied by where the API lists it.
                meaning = meaning or f"The {owner} it belongs to."
                api = f"— (implied: it is listed in its {owner}'s {code(placement.key)})"
            elif isinstance(child, serializers.SlugRelatedField) and child.slug_field == name:
                api = f"each item of the {owner}'s {code(placement.key)}, a string"
        rows.append(
            Row(
                name,
                type_text(model_field),
                nullable_text(model_field),
                meaning,
                allowed_text(model_field),
                api,
            )
        )

    for model_field in model_fields(model):
        add(model_field, model_field.name)
    for relation in reverse_relations(model):
        accessor = relation.get_accessor_name()
        if shown_keys(accessor, serializer, used):
            add(relation, accessor)
    extra = [key for key in (serializer.fields if serializer else {}) if key not in used]
    return rows, extra


def where_in_api(model: type[models.Model], view: ApiView) -> str:
    if model in view.endpoints:
        return f"In the API: {view.endpoints[model].urls()}."
    placements = view.placements.get(model, [])
    if not placements:
        return "The API does not show these records."
    keys = sorted({placement.key for placement in placements})
    parents = ", ".join(
        link(placement.parent) for placement in sorted(placements, key=lambda p: p.parent.__name__)
    )
    lists = " or ".join(code(key) for key in keys)
    return (
        f"In the API: no endpoint of its own; each one is an item of the {lists} list of "
        f"the record it belongs to ({parents})."
    )


TABLE_HEADER = (
    "| field | type | nullable | meaning | allowed values | in the API (JSON) |\n"
    "|---|---|---|---|---|---|"
)


def model_section(model: type[models.Model], view: ApiView) -> str:
    rows, extra = model_rows(model, view)
    parts = [f"## {model.__name__}"]
    if doc := docstring(model):
        parts.append(doc)
    parts.append(where_in_api(model, view))
    parts.append("\n".join([TABLE_HEADER, *(row.markdown() for row in rows)]))
    notes = []
    serializer = view.serializer_for(model)
    if extra and serializer is not None:
        described = []
        for key in extra:
            help_text = str(serializer.fields[key].help_text or COMMON_DESCRIPTIONS.get(key, ""))
            described.append(f"{code(key)} ({help_text.rstrip('.')})" if help_text else code(key))
        notes.append(f"The API also gives {', '.join(described)}.")
    if notes:
        parts.append(" ".join(notes))
    return "\n\n".join(parts)


def enum_users(enum: type[models.Choices]) -> list[str]:
    """The fields that take the enum's values: the public ones linked, others by name."""
    users = []
    for model in apps.get_app_config("events").get_models():
        for model_field in model._meta.concrete_fields:
            if enum_of(model_field) is enum and model_field.model is model:
                owner = link(model) if model in DOCUMENTED_MODELS else code(model.__name__)
                users.append(f"{owner}.{code(model_field.name)}")
    return users


def enum_section(enum: type[models.Choices]) -> str:
    name = enum.__name__
    parts = [f"### {name}"]
    if doc := inspect.cleandoc(enum.__dict__.get("__doc__") or ""):
        parts.append(doc)
    users = enum_users(enum)
    parts.append(f"Used by {', '.join(users)}." if users else "No stored field uses it.")
    meanings = VALUE_MEANINGS.get(name, {})
    lines = ["| value | label | meaning |", "|---|---|---|"]
    for value, label in enum.choices:
        lines.append(f"| {code(value)} | {cell(label)} | {cell(meanings.get(value, ''))} |")
    parts.append("\n".join(lines))
    return "\n\n".join(parts)


def shared_event_fields() -> str:
    names = [f.name for f in (*Event._meta.local_fields, *Event._meta.local_many_to_many)]
    return ", ".join(code(name) for name in sorted(names, key=names.index))
