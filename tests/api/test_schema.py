"""The OpenAPI schema generates without warnings and the docs work offline."""

import pytest
import yaml
from django.core.management import call_command

from tests.support import REPO

pytestmark = pytest.mark.django_db


def test_schema_generates_without_warnings(tmp_path):
    target = tmp_path / "schema.yaml"
    # --fail-on-warn raises on any warning or error.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    schema = yaml.safe_load(target.read_text())
    assert schema["openapi"] == "3.0.3"
    assert "/api/v1/meetings/" in schema["paths"]


def test_schema_endpoint_serves_yaml_and_json(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    assert yaml.safe_load(response.content)["info"]["title"] == "Parley API"
    as_json = client.get("/api/schema/?format=json")
    assert as_json.status_code == 200
    assert as_json.json()["info"]["title"] == "Parley API"


def test_every_filter_of_the_contract_is_documented(client):
    schema = client.get("/api/schema/?format=json").json()

    def parameters(path):
        return {p["name"] for p in schema["paths"][path]["get"]["parameters"]}

    event_filters = {"date_from", "date_to", "topic", "search", "ordering", "updated_since"}
    assert parameters("/api/v1/meetings/") >= event_filters | {
        "participant",
        "mediator",
        "kind",
        "status",
        "place",
        "country",
    }
    assert parameters("/api/v1/statements/") >= event_filters | {
        "speaker",
        "kind",
        "meeting",
        "mentions",
    }
    assert parameters("/api/v1/incidents/") >= event_filters | {
        "kind",
        "actor",
        "place",
        "min_fatalities",
    }
    assert parameters("/api/v1/actors/") >= {"kind", "country", "search", "updated_since"}


def test_write_bodies_reference_by_slug_and_responses_nest(client):
    schemas = client.get("/api/schema/?format=json").json()["components"]["schemas"]
    request_place = schemas["MeetingWriteRequest"]["properties"]["place"]
    assert request_place["type"] == "string"
    assert "participants" in schemas["Meeting"]["properties"]


@pytest.mark.parametrize("url", ["/api/docs/", "/api/redoc/"])
def test_docs_pages_use_bundled_assets_not_a_cdn(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "drf_spectacular_sidecar" in html
    assert "cdn.jsdelivr" not in html and "unpkg.com" not in html
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_committed_schema_is_current(tmp_path):
    """docs/openapi.yaml is what clients generate from: regenerate it with `make schema`."""
    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--file", str(target))
    committed = REPO / "docs" / "openapi.yaml"
    assert committed.read_text() == target.read_text(), "docs/openapi.yaml is stale: make schema"


def test_every_property_parameter_and_response_is_described(client):
    schema = client.get("/api/schema/?format=json").json()
    for name, component in schema["components"]["schemas"].items():
        for prop, spec in (component.get("properties") or {}).items():
            assert spec.get("description"), f"{name}.{prop}"
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                assert parameter.get("description"), f"{method} {path} {parameter['name']}"
            for status_code, response in operation["responses"].items():
                assert response.get("description"), f"{method} {path} {status_code}"


def test_enums_have_explicit_names(client):
    names = client.get("/api/schema/?format=json").json()["components"]["schemas"]
    generated = [n for n in names if n.endswith("Enum") and any(c.isdigit() for c in n)]
    assert generated == []
    assert not {"BlankEnum", "NullEnum"} & set(names)


def test_query_parameter_enums_are_shared_components(client):
    """One component per enum: a query parameter refers to it instead of carrying its own
    copy (which generated clients turn into MeetingsListDatePrecisionItem and the like)."""
    schema = client.get("/api/schema/?format=json").json()
    refs = {}
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                spec = parameter["schema"]
                spec = spec.get("items", spec)
                assert "enum" not in spec, (method, path, parameter["name"])
                if "$ref" in spec:
                    refs[(path, parameter["name"])] = spec["$ref"].rsplit("/", 1)[-1]
    assert refs[("/api/v1/meetings/", "date_precision")] == "DatePrecisionEnum"
    assert refs[("/api/v1/events/", "type")] == "EventTypeEnum"
    assert refs[("/api/v1/meetings/", "ordering")] == "EventOrderingEnum"
    assert refs[("/api/v1/statements/", "ordering")] == "EventOrderingEnum"
    assert refs[("/api/v1/events/", "ordering")] == "TimelineOrderingEnum"
    assert refs[("/api/v1/stats/", "group_by")] == "StatsGroupByEnum"
    assert refs[("/api/v1/history/", "type")] == refs[("/api/v1/deletions/", "type")]
    components = schema["components"]["schemas"]
    assert "DATE_ASC" in components["EventOrderingEnum"]["x-enum-varnames"]
    status = components["TimelineItem"]["properties"]["status"]
    assert status["allOf"] == [{"$ref": "#/components/schemas/MeetingStatusEnum"}]
    assert status["nullable"] is True


def test_every_400_is_the_one_validation_error(client):
    schema = client.get("/api/schema/?format=json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            bad = operation["responses"].get("400")
            if bad is not None:
                assert bad["content"] == {
                    "application/json": {"schema": {"$ref": "#/components/schemas/ValidationError"}}
                }, (method, path)


def test_optional_strings_are_plain_nullable_strings(client):
    """No `oneOf: [pattern, {maxLength: 0}]`: the API refuses "" there (null is none)."""
    components = client.get("/api/schema/?format=json").json()["components"]["schemas"]
    for name, component in components.items():
        for prop, spec in (component.get("properties") or {}).items():
            assert "oneOf" not in spec, (name, prop)
    country = components["Actor"]["properties"]["country"]
    assert (country["type"], country["pattern"], country["nullable"]) == (
        "string",
        "^[A-Z]{3}$",
        True,
    )
    url = components["PatchedSourceRequest"]["properties"]["url"]
    assert (url["type"], url["format"], url["nullable"]) == ("string", "uri", True)


def test_operations_are_tagged_by_what_they_are_about(client):
    schema = client.get("/api/schema/?format=json").json()
    tags = {
        operation["operationId"]: operation["tags"]
        for operations in schema["paths"].values()
        for operation in operations.values()
    }
    assert tags["meetings_list"] == tags["meetings_create"] == ["meetings"]
    assert tags["statements_retrieve"] == ["statements"]
    assert tags["incidents_destroy"] == ["incidents"]
    assert tags["events_list"] == tags["actors_events_list"] == ["events"]
    assert tags["network_retrieve"] == tags["actors_network_list"] == ["network"]
    assert tags["meetings_history_list"] == tags["history_restore_create"] == ["history"]
    declared = {tag["name"] for tag in schema["tags"]}
    assert {tag for names in tags.values() for tag in names} == declared


def test_examples_come_from_the_curated_data_not_placeholders(client):
    text = client.get("/api/schema/?format=json").content.decode()
    assert "api.example.org" not in text
    assert "/accounts/" not in text
    schema = client.get("/api/schema/?format=json").json()
    content = schema["paths"]["/api/v1/meetings/"]["get"]["responses"]["200"]["content"]
    (example,) = content["application/json"]["examples"].values()
    assert example["value"]["count"] == 17  # the curated meetings (fixtures/meetings.yaml)
    assert example["value"]["results"][0]["slug"] == "2023-05-14-brussels-pashinyan-aliyev-michel"
    timeline = schema["paths"]["/api/v1/events/"]["get"]["responses"]["200"]["content"]
    (example,) = timeline["application/json"]["examples"].values()
    assert example["value"]["next"].endswith("?cursor=bz0yJnA9MjAyMi0xMi0xMg%3D%3D")
