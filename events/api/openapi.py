"""OpenAPI schema refinements, in one place.

- `ParleyAutoSchema` names cursor-paginated list components apart from page-number ones
  (drf-spectacular would otherwise let one overwrite the other).
- `describe_everything` is a post-processing hook giving every property and path
  parameter a description: the common ones (slug, title, created_at, ...) are described
  once here instead of on each model field.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import force_instance
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers
from rest_framework.pagination import CursorPagination
from rest_framework.permissions import SAFE_METHODS

from events.api import examples
from events.api.graph_renderers import GEXFRenderer, GraphMLRenderer
from events.api.permissions import StaffWriteOrReadOnly
from events.api.renderers import CSVRenderer, GeoJSONRenderer
from events.api.serializers import StrictInputMixin

# Descriptions of properties that recur across resources; a field's own help_text wins.
COMMON_DESCRIPTIONS = {
    "id": "The record's fixed public id (events). It never changes between loads.",
    "slug": "The record's fixed public key: lowercase letters, digits and hyphens.",
    "name": "Name (canonical English form for actors and places).",
    "title": "One-line neutral title.",
    "summary": "Neutral summary saying only what the cited sources support.",
    "description": "Short description.",
    "note": "Curator's note: judgement calls and disagreements between sources.",
    "created_at": "When the record was created in Parley.",
    "updated_at": "When the record, or anything it shows, last changed (for sync clients).",
    "deleted_at": "When the record was deleted.",
    "citations": "Sources: short verbatim quotes from held documents, or notes on what an "
    "outside reference attests; each names the fields it supports.",
    "identifiers": "Identifiers of the actor in other datasets (scheme and value).",
    "roles": "Offices the actor held, with the organisation and dates where known.",
    "scheme": "The other dataset, e.g. wikidata.",
    "value": "The identifier within that dataset, e.g. Q7747.",
    "start_date": "First day in office; null when unknown.",
    "end_date": "Last day (of the event or office); null for a one-day event or when unknown.",
    "date": "The event's (first) day; read it with date_precision.",
    "publisher": "Publisher named in the document; empty when the text names none. Required "
    "for a reference.",
    "published_on": "Publication date; null when the document does not give it. Required for a "
    "reference.",
    "url": "Where the source was published; null when unknown. Required for a reference.",
    "participants": "Every actor taking part, each with its role.",
    "actors": "Actors involved, each with its role.",
    "meeting": "Id of the meeting the statement was made at; null if none.",
    "features": "One Feature per record.",
    "group_by": "The grouping used.",
    "results": "The records of this page.",
    "count": "Number of records matching the filters (all pages).",
    "next": "Link to the next page; null on the last page.",
    "previous": "Link to the previous page; null on the first page.",
    "total": "Events of all types in the group.",
    "kind": "What sort of record this is, within its type (see the enum).",
    "status": "Whether the meeting was held, is planned, or was cancelled.",
    "role": "The part the actor played.",
    "type": "meeting, statement or incident.",
    "date_precision": "How much of `date` the sources support: day, month, year or approximate.",
    "plover_type": "PLOVER event type, for joining with POLECAT-style data; null if none fits.",
    "place": "Where it happened, `{slug, name}`; null when unknown or not applicable.",
    "speaker": "Who said it, `{slug, name}`.",
    "action": "What happened: created, updated, deleted or restored.",
    "via": "Through what: api, admin or load_curated.",
}
PARAMETER_DESCRIPTIONS = {
    ("path", "id"): "The record's id.",
    ("path", "slug"): "The record's slug.",
    ("query", "format"): "Response format; the `Accept` header works too.",
}


class ErrorDetailSerializer(serializers.Serializer):
    """An error that is not about one parameter or field."""

    detail = serializers.CharField(help_text="What went wrong, for a person to read.")


VALIDATION_ERROR_SCHEMA = {
    "type": "object",
    "description": "Each offending query parameter or body field, mapped to its messages "
    "(a list of strings; nested fields map to nested objects of the same shape).",
    "additionalProperties": {},
    "example": {"date_from": ["Enter a valid date."]},
}
VALIDATION_ERROR_REF = {"$ref": "#/components/schemas/ValidationError"}
WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
# status -> (description, methods it applies to; None for all)
ERROR_RESPONSES: dict[str, tuple[str, tuple[str, ...] | None]] = {
    "400": ("Invalid query parameter, format or body field: see the body.", None),
    "401": ("Authentication needed for writes, or the token sent is invalid.", None),
    "403": ("Authenticated, but not allowed to change this kind of record.", WRITE_METHODS),
    "404": ("No such record, or no such page.", None),
    "406": ("The Accept header asks for a format this endpoint cannot give.", ("GET",)),
    "409": ("The database refused the change (e.g. the record is still in use).", WRITE_METHODS),
    "412": ("If-Match names an older version: the record changed since you read it.",
            ("PUT", "PATCH", "DELETE")),
    "413": ("The request body is too large.", ("POST", "PUT", "PATCH")),
    "415": ("Request bodies must be JSON.", ("POST", "PUT", "PATCH")),
    "428": ("If-Match is required: send the ETag of the record as you read it.",
            ("PUT", "PATCH", "DELETE")),
    "429": ("Too many requests: wait for the number of seconds in Retry-After.", None),
}  # fmt: skip


class ParleyAutoSchema(AutoSchema):
    def is_public_read(self) -> bool:
        return self.method in SAFE_METHODS and any(
            isinstance(permission, StaffWriteOrReadOnly)
            for permission in self.view.get_permissions()
        )

    def get_operation(self, *args: Any, **kwargs: Any) -> dict[str, Any] | None:
        """Reads are public: `security: []` (no requirement at all). Generators read any
        non-empty list, even `[{}]`, as "needs credentials" and type reads as wanting an
        authenticated client."""
        operation = super().get_operation(*args, **kwargs)
        if operation is not None and self.is_public_read():
            operation["security"] = []
        return operation

    def get_tags(self) -> list[str]:
        """One tag per kind of thing, from the path: `meetings`, `events` (the timelines,
        an actor's too), `network`, `history` (every record's, and restoring), ..."""
        segments = [s for s in self.path.removeprefix("/api/v1/").split("/") if s]
        named = [s for s in segments if not s.startswith("{")]
        tag = named[-1] if named else "api"
        return ["history" if tag == "restore" else tag]

    def _get_response_for_code(
        self,
        serializer: Any,
        status_code: str,
        media_types: Any = None,
        direction: str = "response",
    ) -> dict[str, Any]:
        """A CSV answer is text, whatever the JSON answer's schema (views that offer CSV
        through the default renderers, such as /history/ and /stats/)."""
        response = super()._get_response_for_code(serializer, status_code, media_types, direction)
        csv = response.get("content", {}).get(CSVRenderer.media_type)
        if csv is not None:
            csv["schema"] = {"type": "string"}
        return response

    def _map_serializer_field(
        self, field: Any, direction: str, bypass_extensions: bool = False
    ) -> dict[str, Any]:
        """A list that may not be empty (citations, participants) says so: minItems 1."""
        schema = super()._map_serializer_field(field, direction, bypass_extensions)
        if schema.get("type") == "array" and getattr(field, "allow_empty", True) is False:
            schema.setdefault("minItems", 1)
        return schema

    def _get_filter_parameters(self) -> list[dict[str, Any]]:
        """A filter given an empty value is left out (StrictDjangoFilterBackend): say so,
        or `?date_to=` reads as an invalid date."""
        parameters = super()._get_filter_parameters()
        for parameter in parameters:
            if parameter.get("in") == "query":
                parameter["allowEmptyValue"] = True
        return parameters

    def _map_basic_serializer(self, serializer: Any, direction: str) -> dict[str, Any]:
        """Write bodies refuse fields they do not know (StrictInputMixin): say so."""
        schema = super()._map_basic_serializer(serializer, direction)
        if direction == "request" and isinstance(force_instance(serializer), StrictInputMixin):
            schema["additionalProperties"] = False
        return schema

    def _get_response_bodies(self, direction: str = "response") -> dict[str, Any]:
        """The documented answers, plus every error answer the operation can give."""
        responses = super()._get_response_bodies(direction)
        if direction != "response" or not self.path.startswith("/api/v1/"):
            return responses
        error_ref = self.resolve_serializer(ErrorDetailSerializer, "response").ref
        for code, (description, methods) in ERROR_RESPONSES.items():
            schema = VALIDATION_ERROR_REF if code == "400" else error_ref
            if code in responses:  # declared by the view: give it a body if it has none
                if code == "400":  # one shape for every 400, whatever the view declared
                    responses[code]["content"] = {"application/json": {"schema": schema}}
                responses[code].setdefault("content", {"application/json": {"schema": schema}})
                continue
            if methods is not None and self.method not in methods:
                continue
            if code in ("412", "428") and not self.view_checks_if_match():
                continue
            responses[code] = {
                "content": {"application/json": {"schema": schema}},
                "description": description,
            }
        return responses

    def view_checks_if_match(self) -> bool:
        return hasattr(self.view, "locked_for_write") and getattr(self.view, "action", "") in (
            "update", "partial_update", "destroy"
        )  # fmt: skip

    def get_override_parameters(self) -> list[Any]:
        parameters = list(super().get_override_parameters())
        if self.view_checks_if_match():
            parameters.append(
                OpenApiParameter(
                    "If-Match",
                    OpenApiTypes.STR,
                    OpenApiParameter.HEADER,
                    required=True,
                    description="The ETag of the record as you read it (from GET); "
                    "412 if it changed since, 428 if missing.",
                )
            )
        return parameters

    def get_paginated_name(self, serializer_name: str) -> str:
        paginator = getattr(self.view, "pagination_class", None)
        if paginator is not None and issubclass(paginator, CursorPagination):
            return f"CursorPaginated{serializer_name}List"
        return super().get_paginated_name(serializer_name)


RESPONSE_DESCRIPTIONS = {
    "200": "OK.",
    "201": "Created; the body is the new record as it reads back.",
    "204": "Deleted.",
}


def enum_varnames(values: list[Any]) -> list[str] | None:
    """Stable member names for enums whose values start with '-' (ordering): DATE_DESC,
    not VALUE_0, so generated clients do not depend on the order of the values."""
    if not any(isinstance(v, str) and v.startswith("-") for v in values):
        return None
    return [f"{v.lstrip('-').upper()}_{'DESC' if v.startswith('-') else 'ASC'}" for v in values]


def tidy_parameter(parameter: dict[str, Any]) -> None:
    schema = parameter.get("schema", {})
    if parameter["in"] == "path" and schema.get("pattern") == "^[0-9]+$":
        parameter["schema"] = {"type": "integer", "minimum": 1}  # ids are numbers
    for candidate in (schema, schema.get("items", {})):
        names = enum_varnames(candidate.get("enum", []))
        if names:
            candidate["x-enum-varnames"] = names


def describe_everything(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """Post-processing hook: fill in missing descriptions, mark what every answer always
    contains as required, and give parameters the types and names clients need."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["ValidationError"] = VALIDATION_ERROR_SCHEMA
    for name, component in schemas.items():
        if component.get("properties") and not name.endswith("Request"):
            # Answers always carry every field (null when unknown): clients need no Unset.
            component["required"] = list(component["properties"])
    for component in schemas.values():
        for name, prop in (component.get("properties") or {}).items():
            if "description" in prop or name not in COMMON_DESCRIPTIONS:
                continue
            if "$ref" in prop:  # OpenAPI 3.0 ignores siblings of $ref: wrap it
                component["properties"][name] = {
                    "allOf": [{"$ref": prop.pop("$ref")}],
                    **prop,
                    "description": COMMON_DESCRIPTIONS[name],
                }
            else:
                prop["description"] = COMMON_DESCRIPTIONS[name]
    for path in result.get("paths", {}).values():
        for operation in path.values():
            for parameter in operation.get("parameters", []):
                tidy_parameter(parameter)
                key = (parameter["in"], parameter["name"])
                if not parameter.get("description") and key in PARAMETER_DESCRIPTIONS:
                    parameter["description"] = PARAMETER_DESCRIPTIONS[key]
            for status_code, response in operation.get("responses", {}).items():
                if not response.get("description"):
                    response["description"] = RESPONSE_DESCRIPTIONS.get(status_code, "")
    return result


class TokenOrBearerScheme(OpenApiAuthenticationExtension):
    """Parley's tokens (events.api.authentication): `Token <token>` or `Bearer <token>`."""

    target_class = "events.api.authentication.TokenOrBearerAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "A token from `manage.py issue_token`, sent as `Token <token>` "
            "(or `Bearer <token>`). Tokens expire; see docs/operations.md.",
        }


# --- The schema as generated clients read it ----------------------------------------------

# The `format` value of each media type a view may offer besides JSON.
OTHER_FORMATS = {
    renderer.media_type: renderer.format
    for renderer in (CSVRenderer, GeoJSONRenderer, GEXFRenderer, GraphMLRenderer)
}
JSON = "application/json"


def operations(result: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [
        (path, operation)
        for path, methods in result.get("paths", {}).items()
        for operation in methods.values()
    ]


def json_only_answers(result: dict[str, Any]) -> None:
    """Each operation's typed answer is JSON only. CSV, GeoJSON, GEXF and GraphML are
    files to download: listing them beside JSON in the 200 made generated clients parse
    every answer as `Page | str` (or crash on CSV), and a `format` parameter offered them
    through the typed function. They move to the operation's description and to
    `x-other-formats` (docs/api.md, Formats, says why)."""
    for _, operation in operations(result):
        parameters = operation.get("parameters", [])
        operation["parameters"] = [
            p for p in parameters if (p["in"], p["name"]) != ("query", "format")
        ]
        if not operation["parameters"]:
            del operation["parameters"]
        others: list[str] = []
        for code in ("200", "201"):
            content = operation.get("responses", {}).get(code, {}).get("content", {})
            for media_type in [m for m in content if m != JSON]:
                del content[media_type]
                if media_type not in others:
                    others.append(media_type)
        if not others:
            continue
        operation["x-other-formats"] = [
            {"format": OTHER_FORMATS[media_type], "mediaType": media_type} for media_type in others
        ]
        ways = "; ".join(f"`?format={OTHER_FORMATS[m]}` or `Accept: {m}`" for m in others)
        note = (
            f"**Other formats** (files, outside the typed JSON answer): {ways}. "
            "Errors are JSON whatever the format."
        )
        operation["description"] = f"{operation.get('description', '')}\n\n{note}".strip()


def parameter_enum_name(parameter: str, values: list[Any]) -> str:
    """The component name of a query parameter's enum that no field shares."""
    if parameter == "ordering":  # the timelines order by date only; record lists by more
        return "EventOrderingEnum" if "id" in values else "TimelineOrderingEnum"
    special = {"type": "RecordTypeEnum", "group_by": "StatsGroupByEnum"}
    if parameter in special:
        return special[parameter]
    return "".join(part.title() for part in parameter.split("_")) + "Enum"


ENUM_KEYS = ("type", "enum", "x-enum-varnames")


def shared_enums(result: dict[str, Any]) -> None:
    """One component per enum, referenced by query parameters too: otherwise generators
    make a copy per operation (`MeetingsListDatePrecisionItem` beside DatePrecisionEnum)."""
    schemas = result["components"]["schemas"]
    by_values = {
        frozenset(component["enum"]): name
        for name, component in schemas.items()
        if "enum" in component
    }
    for _, operation in operations(result):
        for parameter in operation.get("parameters", []):
            schema = parameter.get("schema", {})
            is_array = schema.get("type") == "array"
            holder, key = (schema, "items") if is_array else (parameter, "schema")
            inline = holder.get(key, {})
            values = inline.get("enum")
            if not values:
                continue
            name = by_values.get(frozenset(values))
            if name is None:
                name = parameter_enum_name(parameter["name"], values)
                if name in schemas:
                    raise ValueError(f"Two enums would be named {name}: rename one.")
                schemas[name] = {k: inline[k] for k in ENUM_KEYS if k in inline}
                values_text = parameter.get("description", "").partition("\n\n")[2]
                schemas[name]["description"] = (
                    f"Values of the `{parameter['name']}` query parameter.\n\n{values_text}"
                ).strip()
                by_values[frozenset(values)] = name
            extra = {k: v for k, v in inline.items() if k not in ENUM_KEYS}
            ref = {"$ref": f"#/components/schemas/{name}"}
            # OpenAPI 3.0 ignores siblings of $ref: a default rides in an allOf wrapper.
            holder[key] = {"allOf": [ref], **extra} if extra else ref


BLANK_STRING = {"type": "string", "maxLength": 0}


def plain_optional_strings(result: dict[str, Any]) -> None:
    """`oneOf: [<pattern or uri>, {maxLength: 0}]` (drf-spectacular's rendering of a
    blank-allowing field) becomes the plain string: the API refuses "" there and wants
    null for none, and generators turn the oneOf into wrapper types (ActorCountry)."""
    for component in result["components"]["schemas"].values():
        for prop in (component.get("properties") or {}).values():
            choices = prop.get("oneOf", [])
            if len(choices) == 2 and BLANK_STRING in choices:
                prop.pop("oneOf")
                prop.update(next(c for c in choices if c != BLANK_STRING))


def real_examples(result: dict[str, Any]) -> None:
    """Examples of lists carry the envelope the curated data really answers (count, next),
    not drf-spectacular's placeholders (`api.example.org/accounts/?page=4`, 123)."""
    for path, operation in operations(result):
        for response in operation.get("responses", {}).values():
            for content in response.get("content", {}).values():
                for example in content.get("examples", {}).values():
                    value = example.get("value")
                    if isinstance(value, dict) and "results" in value:
                        if path not in examples.PAGE_ENVELOPES:
                            raise ValueError(f"{path}: add its page to examples.PAGE_ENVELOPES")
                        example["value"] = {
                            **examples.PAGE_ENVELOPES[path],
                            "results": value["results"],
                        }
    for component in result["components"]["schemas"].values():
        for name in ("count", "next", "previous"):
            (component.get("properties") or {}).get(name, {}).pop("example", None)


def references(node: Any) -> set[str]:
    if isinstance(node, dict):
        found = {node["$ref"].rsplit("/", 1)[-1]} if isinstance(node.get("$ref"), str) else set()
        return found.union(*(references(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(references(value) for value in node))
    return set()


def drop_unused_components(result: dict[str, Any]) -> None:
    """Components no operation reaches any more (the GeoJSON shapes) would still become
    models in every generated client."""
    schemas = result["components"]["schemas"]
    reachable: set[str] = set()
    todo = references(result.get("paths", {}))
    while todo:
        name = todo.pop()
        if name not in reachable:
            reachable.add(name)
            todo |= references(schemas.get(name, {}))
    for name in set(schemas) - reachable:
        del schemas[name]


def for_generated_clients(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """Post-processing hook (after describe_everything): the schema shaped so that
    openapi-python-client and openapi-typescript generate clean, honest types."""
    json_only_answers(result)
    shared_enums(result)
    plain_optional_strings(result)
    real_examples(result)
    drop_unused_components(result)
    return result
