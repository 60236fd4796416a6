"""CSV and GeoJSON exports of the lists, and the JSON Lines dump."""

import csv
import io
import json
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext

from events.api.views.records import MeetingViewSet
from events.models import (
    Actor,
    Citation,
    Incident,
    Meeting,
    Place,
    Source,
    Statement,
    Topic,
)
from tests.support import add_records

pytestmark = pytest.mark.django_db

LISTS = ["actors", "places", "topics", "sources", "meetings", "statements", "incidents"]
MODELS = {
    "actors": Actor,
    "places": Place,
    "topics": Topic,
    "sources": Source,
    "meetings": Meeting,
    "statements": Statement,
    "incidents": Incident,
}


def body(response) -> bytes:
    """The content, streamed or not (a stream can be read only once)."""
    if not hasattr(response, "_export_body"):
        response._export_body = response.getvalue()
    return response._export_body


def get_csv(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, body(response)
    return response, list(csv.DictReader(io.StringIO(body(response).decode("utf-8"))))


def get_geojson(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, body(response)
    assert response["Content-Type"] == "application/geo+json"
    return response, json.loads(body(response))


def by_key(rows, key="id"):
    return {row[key]: row for row in rows}


# --- CSV ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", LISTS)
def test_csv_has_a_header_and_one_row_per_record(client, sample, name):
    response, rows = get_csv(client, f"/api/v1/{name}/?format=csv")
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{name}.csv"'
    assert len(rows) == len(sample.records[name]) == MODELS[name].objects.count()
    # One column per field of the JSON representation, in the same order.
    json_fields = list(client.get(f"/api/v1/{name}/").json()["results"][0])
    assert list(rows[0]) == json_fields


@pytest.mark.parametrize("name", LISTS)
def test_accept_header_selects_csv(client, sample, name):
    response, rows = get_csv(client, f"/api/v1/{name}/", HTTP_ACCEPT="text/csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert len(rows) == len(sample.records[name])


def test_json_stays_the_default(client, sample):
    response = client.get("/api/v1/meetings/")
    assert response["Content-Type"] == "application/json"
    assert response.json()["count"] == 4


@pytest.mark.parametrize(
    ("url", "key", "expected"),
    [
        ("/api/v1/meetings/?format=csv&participant=charles-michel", "id", {"1", "4"}),
        ("/api/v1/meetings/?format=csv&date_from=2023-05-20&status=held", "id", {"2"}),
        ("/api/v1/statements/?format=csv&speaker=vladimir-putin", "id", {"2"}),
        ("/api/v1/incidents/?format=csv&min_fatalities=1", "id", {"1"}),
        ("/api/v1/incidents/?format=csv&place=lachin-corridor", "id", {"2", "3"}),
        ("/api/v1/actors/?format=csv&kind=state", "slug", {"armenia", "azerbaijan"}),
        ("/api/v1/places/?format=csv&search=chisinau", "slug", {"chisinau"}),
    ],
)
def test_csv_respects_the_filters(client, sample, url, key, expected):
    _, rows = get_csv(client, url)
    assert {row[key] for row in rows} == expected


def test_csv_ignores_pagination_and_keeps_the_order(client, sample):
    _, rows = get_csv(client, "/api/v1/meetings/?format=csv&page_size=1&page=2&ordering=date")
    assert [row["id"] for row in rows] == ["3", "1", "2", "4"]


def test_csv_flattens_nested_values(client, sample):
    _, rows = get_csv(client, "/api/v1/meetings/?format=csv")
    brussels = by_key(rows)["1"]
    assert brussels["participants"] == (
        "nikol-pashinyan (participant); ilham-aliyev (participant); charles-michel (mediator)"
    )
    assert brussels["place"] == "brussels"
    assert brussels["topics"] == "peace-treaty"
    assert brussels["citations"] == (
        "sample-a: The leaders of Armenia and Azerbaijan met in Brussels on Sunday for talks "
        "mediated by Charles Michel."
    )
    assert brussels["end_date"] == ""  # null
    assert brussels["api_url"].endswith("/api/v1/meetings/1/")

    _, statements = get_csv(client, "/api/v1/statements/?format=csv")
    putin = by_key(statements)["2"]
    assert putin["speaker"] == "vladimir-putin"
    assert putin["meeting"] == "2"
    assert putin["mentions"] == "ilham-aliyev; nikol-pashinyan"  # actors sort by name

    _, incidents = get_csv(client, "/api/v1/incidents/?format=csv")
    clash = by_key(incidents)["1"]
    assert clash["actors"] == "armenia (party); azerbaijan (party)"
    assert (clash["place"], clash["fatalities"], clash["injuries"]) == ("", "1", "4")
    assert by_key(incidents)["2"]["fatalities"] == ""  # unknown stays empty, not 0


def test_csv_joins_several_citations_with_a_bar(client, sample):
    meeting = Meeting.objects.get(pk=2)
    Citation.objects.create(
        source=Source.objects.get(slug="sample-a"), quote="x; y", meeting=meeting
    )
    _, rows = get_csv(client, "/api/v1/meetings/?format=csv")
    assert by_key(rows)["2"]["citations"] == (
        "sample-b: Vladimir Putin hosted Pashinyan and Aliyev in Moscow for trilateral talks."
        " | sample-a: x; y"
    )


def test_csv_of_actors_flattens_aliases_identifiers_and_roles(client, sample):
    _, rows = get_csv(client, "/api/v1/actors/?format=csv")
    actors = by_key(rows, "slug")
    assert actors["nikol-pashinyan"]["aliases"] == "Pashinian"
    assert actors["vladimir-putin"]["identifiers"] == "wikidata:Q7747"
    assert actors["nikol-pashinyan"]["roles"].startswith("Prime Minister of Armenia (armenia, ")


def test_csv_is_utf8_and_keeps_non_ascii_names(client, sample):
    response, rows = get_csv(client, "/api/v1/places/?format=csv")
    assert "Chișinău".encode() in body(response)
    chisinau = by_key(rows, "slug")["chisinau"]
    assert chisinau["name"] == "Chișinău"
    assert chisinau["aliases"] == "Chisinau"
    assert float(chisinau["latitude"]) == pytest.approx(47.0105)


def test_csv_of_one_record_is_one_row(client, sample):
    response, rows = get_csv(client, "/api/v1/meetings/1/?format=csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert len(rows) == 1
    assert rows[0]["participants"].endswith("charles-michel (mediator)")


def test_csv_with_no_matching_record_has_only_the_header(client, sample):
    _, rows = get_csv(client, "/api/v1/meetings/?format=csv&date_from=2030-01-01")
    assert rows == []
    response = client.get("/api/v1/meetings/?format=csv&date_from=2030-01-01")
    assert body(response).decode().startswith("id,api_url,")


def test_csv_export_is_read_in_chunks(client, sample, monkeypatch):
    """Chunked reads prefetch each chunk: the rows are the same whatever the chunk size."""
    _, whole = get_csv(client, "/api/v1/meetings/?format=csv")
    monkeypatch.setattr(MeetingViewSet, "export_chunk_size", 1)
    _, chunked = get_csv(client, "/api/v1/meetings/?format=csv")
    assert chunked == whole


# --- GeoJSON --------------------------------------------------------------------------


def test_geojson_of_meetings(client, sample):
    response, collection = get_geojson(client, "/api/v1/meetings/?format=geojson")
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Disposition"] == 'attachment; filename="meetings.geojson"'
    assert collection["type"] == "FeatureCollection"
    features = {feature["id"]: feature for feature in collection["features"]}
    assert set(features) == {"1", "2", "3", "4"}  # GeoJSON ids are strings throughout
    brussels = features["1"]
    assert brussels["type"] == "Feature"
    assert brussels["geometry"] == {"type": "Point", "coordinates": [4.3525, 50.8467]}
    assert features["3"]["geometry"]["coordinates"] == [-77.0369, 38.9072]  # west: negative
    # Properties are the record as in JSON, nothing removed.
    assert brussels["properties"] == client.get("/api/v1/meetings/1/").json()


def test_geojson_of_incidents_has_null_geometry_where_unknown(client, sample):
    _, collection = get_geojson(client, "/api/v1/incidents/?format=geojson")
    geometries = {feature["id"]: feature["geometry"] for feature in collection["features"]}
    assert geometries == {"1": None, "2": None, "3": None}  # no place; a place without coordinates
    place = Place.objects.get(slug="lachin-corridor")
    place.latitude, place.longitude = 39.6, 46.5
    place.save()
    _, collection = get_geojson(client, "/api/v1/incidents/?format=geojson&place=lachin-corridor")
    assert [feature["geometry"]["coordinates"] for feature in collection["features"]] == [
        [46.5, 39.6],
        [46.5, 39.6],
    ]


def test_geojson_respects_filters_and_the_accept_header(client, sample):
    _, collection = get_geojson(
        client, "/api/v1/meetings/?participant=charles-michel", HTTP_ACCEPT="application/geo+json"
    )
    assert sorted(feature["id"] for feature in collection["features"]) == ["1", "4"]
    _, empty = get_geojson(client, "/api/v1/meetings/?format=geojson&date_from=2030-01-01")
    assert empty == {"type": "FeatureCollection", "features": []}


def test_geojson_of_one_record_is_a_feature(client, sample):
    _, feature = get_geojson(client, "/api/v1/meetings/4/?format=geojson")
    assert feature["type"] == "Feature"
    assert feature["geometry"]["coordinates"] == [28.8638, 47.0105]
    assert feature["properties"]["place"] == {"slug": "chisinau", "name": "Chișinău"}


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/actors/?format=geojson",
        "/api/v1/places/?format=geojson",
        "/api/v1/statements/?format=geojson",
        "/api/v1/actors/nikol-pashinyan/?format=geojson",
    ],
)
def test_geojson_without_places_answers_400_naming_format(client, sample, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "format" in response.json()


# --- Errors stay JSON -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v1/meetings/?format=csv&date_from=2023-13-01", "date_from"),
        ("/api/v1/meetings/?format=csv&participant=nobody", "participant"),
        ("/api/v1/meetings/?format=csv&partcipant=nikol-pashinyan", "partcipant"),
        ("/api/v1/meetings/?format=geojson&kind=bogus", "kind"),
        ("/api/v1/incidents/?format=geojson&min_fatalities=-1", "min_fatalities"),
        ("/api/v1/actors/?format=csv&kind=robot", "kind"),
        ("/api/v1/statements/?format=csv&speaker=nobody", "speaker"),
    ],
)
def test_invalid_filters_answer_400_json_even_when_csv_is_asked(client, sample, url, parameter):
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert parameter in response.json()


def test_invalid_filter_with_accept_csv_answers_json(client, sample):
    response = client.get("/api/v1/meetings/?kind=bogus", HTTP_ACCEPT="text/csv")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "kind" in response.json()


@pytest.mark.parametrize("fmt", ["csv", "geojson"])
def test_missing_record_answers_404_json(client, sample, fmt):
    response = client.get(f"/api/v1/meetings/9999/?format={fmt}")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in response.json()


def test_writes_answer_json_only(curator_client, sample):
    response = curator_client.patch(
        "/api/v1/meetings/1/?format=csv", {"title": "Renamed"}, format="json"
    )
    assert response.status_code == 400
    assert "format" in response.json()
    assert Meeting.objects.get(pk=1).title != "Renamed"


# --- Query counts ---------------------------------------------------------------------


def count_export_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        content = body(response)  # the rows are read while streaming
    assert response.status_code == 200
    return len(queries), content.count(b"\n")


@pytest.mark.parametrize(
    "url",
    [
        *(f"/api/v1/{name}/?format=csv" for name in LISTS),
        "/api/v1/meetings/?format=geojson",
        "/api/v1/incidents/?format=geojson",
        "/api/v1/events/?format=geojson",
    ],
)
def test_export_query_count_does_not_grow_with_the_rows(client, sample, url):
    small, small_lines = count_export_queries(client, url)
    add_records(40)
    large, large_lines = count_export_queries(client, url)
    assert large_lines >= small_lines + 40
    assert large == small
    assert small <= 6


# --- JSON Lines -----------------------------------------------------------------------


def test_dump_jsonl_writes_every_record_once(client, sample):
    out, err = io.StringIO(), io.StringIO()
    call_command("dump_jsonl", stdout=out, stderr=err)
    lines = out.getvalue().splitlines()
    records = [json.loads(line) for line in lines]  # every line parses
    counts = Counter(record["type"] for record in records)
    assert counts == {
        "topic": Topic.objects.count(),
        "source": Source.objects.count(),
        "place": Place.objects.count(),
        "actor": Actor.objects.count(),
        "meeting": Meeting.objects.count(),
        "statement": Statement.objects.count(),
        "incident": Incident.objects.count(),
    }
    assert [record["type"] for record in records] == sorted(
        counts.elements(), key=list(counts).index
    )  # grouped by type, reference data first
    assert "meeting         4" in err.getvalue()
    assert "total" in err.getvalue()


def test_dump_jsonl_records_have_the_api_fields(client, sample):
    out = io.StringIO()
    call_command("dump_jsonl", stdout=out, stderr=io.StringIO())
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    meeting = next(r for r in records if r["type"] == "meeting" and r["id"] == 1)
    api = client.get("/api/v1/meetings/1/").json()
    assert meeting.pop("type") == "meeting"
    assert list(meeting) == list(api)
    assert meeting["api_url"] == "/api/v1/meetings/1/"  # no request: a path
    api.pop("api_url"), meeting.pop("api_url")
    assert meeting == api
    place = next(r for r in records if r["type"] == "place" and r["slug"] == "chisinau")
    assert place["name"] == "Chișinău"


def test_dump_jsonl_to_a_file(sample, tmp_path):
    target = tmp_path / "parley.jsonl"
    err = io.StringIO()
    call_command("dump_jsonl", "--output", str(target), stderr=err)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == sum(len(items) for items in sample.records.values())
    assert all(json.loads(line)["type"] for line in lines)
    assert "Chișinău" in target.read_text(encoding="utf-8")
    assert list(tmp_path.iterdir()) == [target]  # no partial file left behind


# --- OpenAPI --------------------------------------------------------------------------


def test_schema_documents_the_export_formats_outside_the_json_answer(client):
    """CSV and GeoJSON are files: each operation lists them in `x-other-formats` and in its
    description, while its typed 200 stays JSON only (no `format` parameter either), so
    generated clients never parse a CSV answer as a page."""
    schema = client.get("/api/schema/?format=json").json()

    def list_operation(name):
        return schema["paths"][f"/api/v1/{name}/"]["get"]

    def other_formats(operation):
        return {(f["format"], f["mediaType"]) for f in operation.get("x-other-formats", [])}

    for name in ("meetings", "incidents"):
        operation = list_operation(name)
        assert other_formats(operation) == {
            ("csv", "text/csv"),
            ("geojson", "application/geo+json"),
        }
        assert "`?format=geojson` or `Accept: application/geo+json`" in operation["description"]
        content = operation["responses"]["200"]["content"]
        assert set(content) == {"application/json"}
        assert content["application/json"]["schema"]["$ref"].endswith(
            f"Paginated{name[:-1].title()}List"
        )
        assert "format" not in {p["name"] for p in operation["parameters"]}
    for name in ("actors", "places", "topics", "sources", "statements"):
        operation = list_operation(name)
        assert other_formats(operation) == {("csv", "text/csv")}
        assert set(operation["responses"]["200"]["content"]) == {"application/json"}
    network = schema["paths"]["/api/v1/network/"]["get"]
    assert {f for f, _ in other_formats(network)} == {"gexf", "graphml"}
    post = schema["paths"]["/api/v1/meetings/"]["post"]
    assert "format" not in {p["name"] for p in post.get("parameters", [])}
    assert set(post["responses"]["201"]["content"]) == {"application/json"}


def test_every_other_format_documented_is_served(client, sample):
    """What `x-other-formats` promises, the API answers, with `?format=` and with `Accept`."""
    schema = client.get("/api/schema/?format=json").json()
    urls = {
        "/api/v1/meetings/": "/api/v1/meetings/",
        "/api/v1/meetings/{id}/": "/api/v1/meetings/1/",
        "/api/v1/events/": "/api/v1/events/",
        "/api/v1/actors/{slug}/network/": "/api/v1/actors/nikol-pashinyan/network/",
        "/api/v1/network/": "/api/v1/network/",
        "/api/v1/stats/": "/api/v1/stats/",
        "/api/v1/history/": "/api/v1/history/",
    }
    for template, url in urls.items():
        formats = schema["paths"][template]["get"]["x-other-formats"]
        assert formats, template
        for item in formats:
            for response in (
                client.get(url, {"format": item["format"]}),
                client.get(url, HTTP_ACCEPT=item["mediaType"]),
            ):
                assert response.status_code == 200, (url, item)
                assert response["Content-Type"].startswith(item["mediaType"]), (url, item)


def test_timeline_geojson_properties_are_the_timeline_items(client, sample):
    _, collection = get_geojson(client, "/api/v1/events/?format=geojson")
    items = client.get("/api/v1/events/?page_size=100").json()["results"]
    assert [feature["properties"] for feature in collection["features"]] == items
    brussels = next(f for f in collection["features"] if f["id"] == "meeting-1")
    assert brussels["geometry"] == {"type": "Point", "coordinates": [4.3525, 50.8467]}


def test_timeline_geojson_features_are_named_by_type_and_id(client, sample):
    _, collection = get_geojson(client, "/api/v1/events/?format=geojson&type=meeting")
    assert sorted(f["id"] for f in collection["features"]) == [
        "meeting-1",
        "meeting-2",
        "meeting-3",
        "meeting-4",
    ]


@pytest.mark.parametrize(
    ("url", "rows"),
    [
        (
            "/api/v1/actors/ilham-aliyev/events/?format=csv&page_size=1",
            6,
        ),  # 3 meetings, 3 statements
        ("/api/v1/deletions/?format=csv&page_size=1", 0),
    ],
)
def test_research_lists_export_every_row(client, sample, url, rows):
    response, records = get_csv(client, url)
    assert isinstance(response, StreamingHttpResponse)
    assert len(records) == rows


def test_csv_and_jsonl_say_what_a_citation_supports_and_whether_it_disagrees(client, sample):
    meeting = Meeting.objects.get(pk=2)
    Citation.objects.create(
        source=Source.objects.get(slug="sample-a"),
        quote="x",
        meeting=meeting,
        supports=["date", "place"],
        disagrees=True,
    )
    _, rows = get_csv(client, "/api/v1/meetings/?format=csv")
    assert by_key(rows)["2"]["citations"].endswith(" | sample-a [date, place; disagrees]: x")
    out = io.StringIO()
    call_command("dump_jsonl", stdout=out, stderr=io.StringIO())
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    meeting = next(r for r in records if r["type"] == "meeting" and r["id"] == 2)
    assert {"source": "sample-a", "quote": "x", "note": "", "supports": ["date", "place"],
            "disagrees": True} in meeting["citations"]  # fmt: skip


# --- A byte order mark for Excel ----------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["/api/v1/places/?format=csv&bom=1", "/api/v1/places/chisinau/?format=csv&bom=true"]
)
def test_bom_makes_csv_that_excel_reads_as_utf8(client, sample, url):
    response = client.get(url)
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body.startswith(b"\xef\xbb\xbf")
    # What Excel does with such a file: the mark tells it the encoding.
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert "Chișinău" in {row["name"] for row in rows}


def test_csv_has_no_bom_unless_asked(client, sample):
    for url in ("/api/v1/places/?format=csv", "/api/v1/places/?format=csv&bom=0"):
        body = b"".join(client.get(url).streaming_content)
        assert not body.startswith(b"\xef\xbb\xbf")
        assert "Chișinău" in body.decode("utf-8")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/api/v1/places/?format=csv&bom=yes please", "bom=1"),
        ("/api/v1/places/?bom=1", "CSV answers only"),
        ("/api/v1/stats/?bom=1", "CSV answers only"),
    ],
)
def test_bom_is_checked(client, sample, url, message):
    response = client.get(url)
    assert response.status_code == 400
    assert message in response.json()["bom"][0]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/actors/nikol-pashinyan/history/?bom=null",
        "/api/v1/actors/nikol-pashinyan/history/?format=csv&bom=null",
        "/api/v1/?bom=1",
    ],
)
def test_bom_is_checked_where_rows_are_not_filtered(client, sample, url):
    # The history of a record and the index filter nothing: `bom` is checked all the same.
    response = client.get(url)
    assert response.status_code == 400
    assert "bom" in response.json()


def test_a_records_history_as_csv_for_excel(client, sample):
    response = client.get("/api/v1/actors/nikol-pashinyan/history/?format=csv&bom=1")
    assert response.status_code == 200
    assert response.content.startswith(b"\xef\xbb\xbf")
