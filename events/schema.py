"""OpenAPI schema refinements, in one place.

- `ParleyAutoSchema` names cursor-paginated list components apart from page-number ones
  (drf-spectacular would otherwise let one overwrite the other).
- `describe_everything` is a post-processing hook giving every property and path
  parameter a description: the common ones (slug, title, created_at, ...) are described
  once here instead of on each model field.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.openapi import AutoSchema
from rest_framework.pagination import CursorPagination

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
    "citations": "Sources: short verbatim quotes, each from a named source document.",
    "identifiers": "Identifiers of the actor in other datasets (scheme and value).",
    "roles": "Offices the actor held, with the organisation and dates where known.",
    "scheme": "The other dataset, e.g. wikidata.",
    "value": "The identifier within that dataset, e.g. Q7747.",
    "start_date": "First day in office; null when unknown.",
    "end_date": "Last day (of the event or office); null for a one-day event or when unknown.",
    "date": "The event's (first) day; read it with date_precision.",
    "publisher": "Publisher named in the document; empty when the text names none.",
    "published_on": "Publication date; null when the document does not give it.",
    "url": "Where the document was published; null when unknown.",
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
    ("path", "id"): "The event's id.",
    ("path", "slug"): "The record's slug.",
    ("query", "format"): "Response format; the `Accept` header works too.",
}


class ParleyAutoSchema(AutoSchema):
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


def describe_everything(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """Post-processing hook: fill in missing descriptions of properties and parameters."""
    for component in result.get("components", {}).get("schemas", {}).values():
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
                key = (parameter["in"], parameter["name"])
                if not parameter.get("description") and key in PARAMETER_DESCRIPTIONS:
                    parameter["description"] = PARAMETER_DESCRIPTIONS[key]
            for status_code, response in operation.get("responses", {}).items():
                if not response.get("description"):
                    response["description"] = RESPONSE_DESCRIPTIONS.get(status_code, "")
    return result
