"""What the code says: the documented models, the enumerations, and how the API shows
each model (its endpoint, or the lists it appears in)."""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from rest_framework import serializers

from events import choices
from events.api.data_dictionary.meanings import VALUE_MEANINGS
from events.api.urls import router
from events.models import (
    Actor,
    ActorAlias,
    ActorIdentifier,
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
    Topic,
)

API_PREFIX = "/api/v1/"

# The records this page documents, in the order the template presents them.
DOCUMENTED_MODELS: tuple[type[models.Model], ...] = (
    Source,
    Citation,
    Actor,
    ActorAlias,
    ActorRole,
    ActorIdentifier,
    Place,
    PlaceAlias,
    Topic,
    Meeting,
    Participation,
    Statement,
    Incident,
    IncidentActor,
)


class DataDictionaryError(Exception):
    """The template and the code do not fit together (a missing or unknown section)."""


def enumerations() -> list[type[models.Choices]]:
    """Every enumeration defined in `events/choices.py`, in the order of the file."""
    return [
        value
        for value in vars(choices).values()
        if inspect.isclass(value)
        and issubclass(value, models.Choices)
        and value.__module__ == choices.__name__
    ]


def check_value_meanings(enums: Iterable[type[models.Choices]]) -> None:
    """`VALUE_MEANINGS` may only describe enums and values that exist."""
    by_name = {enum.__name__: enum for enum in enums}
    problems = []
    for enum_name, meanings in VALUE_MEANINGS.items():
        enum = by_name.get(enum_name)
        if enum is None:
            problems.append(f"VALUE_MEANINGS names {enum_name}, which is not in events/choices.py")
            continue
        for value in sorted(set(meanings) - set(enum.values)):
            problems.append(f"VALUE_MEANINGS[{enum_name!r}] describes unknown value {value!r}")
    if problems:
        raise DataDictionaryError("; ".join(problems))


def docstring(model: type[models.Model]) -> str:
    """The model's own docstring, or "" when it has none (Django writes one listing the
    fields, which says nothing)."""
    text = model.__dict__.get("__doc__") or ""
    if re.fullmatch(rf"{model.__name__}\(.*\)", text.strip()):
        return ""
    return inspect.cleandoc(text)


def enum_of(field: models.Field) -> type[models.Choices] | None:
    if not field.choices:
        return None
    for enum in enumerations():
        if list(enum.choices) == list(field.choices):
            return enum
    return None


@dataclass
class Endpoint:
    """A model's own API resource."""

    prefix: str
    lookup: str
    serializer: serializers.Serializer

    def urls(self) -> str:
        base = f"{API_PREFIX}{self.prefix}/"
        return f"`{base}` and `{base}{{{self.lookup}}}/`"


@dataclass
class Placement:
    """Where a model without an endpoint of its own shows in the API: a list inside the
    records of another model."""

    parent: type[models.Model]
    key: str
    api_field: serializers.Field


@dataclass
class ApiView:
    """How the API shows each model: its endpoint, or the lists it appears in."""

    endpoints: dict[type[models.Model], Endpoint] = field(default_factory=dict)
    placements: dict[type[models.Model], list[Placement]] = field(default_factory=dict)

    def serializer_for(self, model: type[models.Model]) -> serializers.Serializer | None:
        """The serializer that shows one record of the model."""
        if model in self.endpoints:
            return self.endpoints[model].serializer
        for placement in self.placements.get(model, []):
            child = getattr(placement.api_field, "child", None)
            if isinstance(child, serializers.Serializer):
                return child
        return None


def related_model(model: type[models.Model], api_field: serializers.Field) -> type | None:
    """The model whose records a list field of `model`'s serializer shows, if any."""
    source = (api_field.source or "").split(".")[0]
    try:
        model_field = model._meta.get_field(source)
    except FieldDoesNotExist:
        return None
    if model_field.one_to_many or model_field.many_to_many:
        return model_field.related_model
    return None


def api_view() -> ApiView:
    """Read the API's routes and read serializers."""
    view = ApiView()
    for prefix, viewset, _basename in router.registry:
        model = viewset.queryset.model
        if model not in DOCUMENTED_MODELS:
            continue
        lookup = getattr(viewset, "lookup_field", "pk")
        view.endpoints[model] = Endpoint(
            prefix, "id" if lookup == "pk" else lookup, viewset.serializer_class()
        )
    for parent, endpoint in view.endpoints.items():
        for key, api_field in endpoint.serializer.fields.items():
            if not isinstance(api_field, serializers.ListSerializer | serializers.ManyRelatedField):
                continue
            child_model = related_model(parent, api_field)
            if child_model in DOCUMENTED_MODELS and child_model not in view.endpoints:
                view.placements.setdefault(child_model, []).append(
                    Placement(parent, key, api_field)
                )
    return view
