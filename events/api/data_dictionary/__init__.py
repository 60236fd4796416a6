"""The data dictionary, `docs/data-dictionary.md`, generated from the code so it cannot drift.

`python manage.py data_dictionary` writes it; `--check` fails when the committed file is
stale. What comes from where:

- the hand-written prose (overview, conventions, dates, database rules, notes after each
  table) is the template `events/templates/events/data_dictionary.md`;
- each model's section (heading, docstring, where it appears in the API, and a table of
  every field: type, nullable, meaning, allowed values, JSON key and shape) is generated
  from `events/models/` and the API's read serializers (`events/api/serializers/`);
- each enumeration's section (values and labels) is generated from `events/choices.py`,
  with the longer meaning of each value from `VALUE_MEANINGS` (`meanings`).

The template places each generated section with a line of its own:

    <!-- data-dictionary: model Meeting -->
    <!-- data-dictionary: enum MeetingKind -->
    <!-- data-dictionary: other enums -->
    <!-- data-dictionary: shared event fields -->

Every public model (`DOCUMENTED_MODELS`) must be placed exactly once: a model without a place
in the template is an error, not a silent omission. An enumeration the template does not
place by name is listed where it says "other enums", so a new enum is never left out.
Lines starting with `<!--#` are comments for template editors and are left out of the
output.

A field's meaning is its model `help_text`; failing that, the help text of the API field
that shows it, or the schema's description of that JSON key (`events.api.openapi`), so this
page and the OpenAPI schema say the same thing.

The modules: `meanings` (the value meanings, data), `introspection` (what the code says:
the documented models, the enumerations, how the API shows each model), `rendering` (each
section in Markdown) and `page` (the template filled in: `render`).
"""

from events.api.data_dictionary.introspection import (
    API_PREFIX,
    DOCUMENTED_MODELS,
    ApiView,
    DataDictionaryError,
    Endpoint,
    Placement,
    api_view,
    check_value_meanings,
    docstring,
    enum_of,
    enumerations,
    related_model,
)
from events.api.data_dictionary.meanings import (
    VALUE_MEANINGS,
)
from events.api.data_dictionary.page import (
    ANY_PLACEHOLDER,
    GENERATED_NOTICE,
    PLACEHOLDER,
    TEMPLATE,
    TEMPLATE_COMMENT,
    other_enums_section,
    placeholder,
    render,
    template_lines,
)
from events.api.data_dictionary.rendering import (
    TABLE_HEADER,
    Row,
    allowed_text,
    anchor,
    api_cell,
    api_shape,
    cell,
    code,
    enum_section,
    enum_users,
    link,
    meaning_text,
    model_fields,
    model_rows,
    model_section,
    nullable_text,
    object_shape,
    relation_shape,
    reverse_relations,
    shared_event_fields,
    shown_keys,
    type_text,
    where_in_api,
)

__all__ = [
    "ANY_PLACEHOLDER",
    "API_PREFIX",
    "DOCUMENTED_MODELS",
    "GENERATED_NOTICE",
    "PLACEHOLDER",
    "TABLE_HEADER",
    "TEMPLATE",
    "TEMPLATE_COMMENT",
    "VALUE_MEANINGS",
    "ApiView",
    "DataDictionaryError",
    "Endpoint",
    "Placement",
    "Row",
    "allowed_text",
    "anchor",
    "api_cell",
    "api_shape",
    "api_view",
    "cell",
    "check_value_meanings",
    "code",
    "docstring",
    "enum_of",
    "enum_section",
    "enum_users",
    "enumerations",
    "link",
    "meaning_text",
    "model_fields",
    "model_rows",
    "model_section",
    "nullable_text",
    "object_shape",
    "other_enums_section",
    "placeholder",
    "related_model",
    "relation_shape",
    "render",
    "reverse_relations",
    "shared_event_fields",
    "shown_keys",
    "template_lines",
    "type_text",
    "where_in_api",
]
