"""The co-participation network (`/network/`) and an actor's network
(`/actors/{slug}/network/`), in JSON, GEXF and GraphML.

Expected values are worked out by hand from tests/data/curated/meetings.yaml:

    1  2023-05-14             in_person          peace-treaty     pashinyan, aliyev, michel
    2  2023-05-25             in_person          transport-links  putin, pashinyan, aliyev
    3  2023-05-01..2023-05-04 negotiation_round  peace-treaty     armenia, azerbaijan
    4  2023-06-01 (planned)   summit             peace-treaty     pashinyan, aliyev, michel
"""

import datetime
import io
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Actor, Meeting
from events.queries.network import build_network

pytestmark = pytest.mark.django_db

NETWORK = "/api/v1/network/"
PASHINYAN_NETWORK = "/api/v1/actors/nikol-pashinyan/network/"


def edge(source, target, weight, meeting_ids, first, last):
    return {
        "source": source,
        "target": target,
        "weight": weight,
        "meeting_ids": meeting_ids,
        "first_date": first,
        "last_date": last,
    }


def node(slug, name, kind, meetings, first, last):
    return {
        "slug": slug,
        "name": name,
        "kind": kind,
        "meetings": meetings,
        "first_date": first,
        "last_date": last,
    }


FULL_NETWORK = {
    "nodes": [
        node("armenia", "Armenia", "state", 1, "2023-05-01", "2023-05-04"),
        node("azerbaijan", "Azerbaijan", "state", 1, "2023-05-01", "2023-05-04"),
        node("charles-michel", "Charles Michel", "person", 2, "2023-05-14", "2023-06-01"),
        node("ilham-aliyev", "Ilham Aliyev", "person", 3, "2023-05-14", "2023-06-01"),
        node("nikol-pashinyan", "Nikol Pashinyan", "person", 3, "2023-05-14", "2023-06-01"),
        node("vladimir-putin", "Vladimir Putin", "person", 1, "2023-05-25", "2023-05-25"),
    ],
    "edges": [
        # Meeting 3 spans four days: the tie lasts until its end date.
        edge("armenia", "azerbaijan", 1, [3], "2023-05-01", "2023-05-04"),
        edge("charles-michel", "ilham-aliyev", 2, [1, 4], "2023-05-14", "2023-06-01"),
        edge("charles-michel", "nikol-pashinyan", 2, [1, 4], "2023-05-14", "2023-06-01"),
        edge("ilham-aliyev", "nikol-pashinyan", 3, [1, 2, 4], "2023-05-14", "2023-06-01"),
        edge("ilham-aliyev", "vladimir-putin", 1, [2], "2023-05-25", "2023-05-25"),
        edge("nikol-pashinyan", "vladimir-putin", 1, [2], "2023-05-25", "2023-05-25"),
    ],
}


def get_json(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def weights(network):
    return {(e["source"], e["target"]): (e["weight"], e["meeting_ids"]) for e in network["edges"]}


def slugs(network):
    return [n["slug"] for n in network["nodes"]]


# --- /network/ in JSON ------------------------------------------------------------------


def test_network_of_every_meeting(client, sample):
    assert get_json(client, NETWORK) == FULL_NETWORK


def test_network_format_json_is_the_default(client, sample):
    assert get_json(client, NETWORK + "?format=json") == FULL_NETWORK


def test_edges_are_unordered_pairs_listed_once(client, sample):
    edges = get_json(client, NETWORK)["edges"]
    pairs = [(e["source"], e["target"]) for e in edges]
    assert all(source < target for source, target in pairs)
    assert len({frozenset(pair) for pair in pairs}) == len(pairs)


def test_date_from_keeps_meetings_ending_on_or_after_it(client, sample):
    network = get_json(client, NETWORK + "?date_from=2023-05-20")  # meetings 2 and 4
    assert slugs(network) == ["charles-michel", "ilham-aliyev", "nikol-pashinyan", "vladimir-putin"]
    assert weights(network) == {
        ("charles-michel", "ilham-aliyev"): (1, [4]),
        ("charles-michel", "nikol-pashinyan"): (1, [4]),
        ("ilham-aliyev", "nikol-pashinyan"): (2, [2, 4]),
        ("ilham-aliyev", "vladimir-putin"): (1, [2]),
        ("nikol-pashinyan", "vladimir-putin"): (1, [2]),
    }
    aliyev = next(n for n in network["nodes"] if n["slug"] == "ilham-aliyev")
    assert aliyev["meetings"] == 2
    pair = next(e for e in network["edges"] if e["target"] == "nikol-pashinyan")
    assert (pair["first_date"], pair["last_date"]) == ("2023-06-01", "2023-06-01")


def test_date_to_keeps_meetings_starting_on_or_before_it(client, sample):
    network = get_json(client, NETWORK + "?date_to=2023-05-14")  # meetings 1 and 3
    assert weights(network) == {
        ("armenia", "azerbaijan"): (1, [3]),
        ("charles-michel", "ilham-aliyev"): (1, [1]),
        ("charles-michel", "nikol-pashinyan"): (1, [1]),
        ("ilham-aliyev", "nikol-pashinyan"): (1, [1]),
    }


def test_date_range_uses_overlap_semantics(client, sample):
    # The Washington round (1-4 May) overlaps 3-10 May although it started before.
    network = get_json(client, NETWORK + "?date_from=2023-05-03&date_to=2023-05-10")
    assert network == {
        "nodes": [
            node("armenia", "Armenia", "state", 1, "2023-05-01", "2023-05-04"),
            node("azerbaijan", "Azerbaijan", "state", 1, "2023-05-01", "2023-05-04"),
        ],
        "edges": [edge("armenia", "azerbaijan", 1, [3], "2023-05-01", "2023-05-04")],
    }


def test_a_range_without_meetings_gives_an_empty_network(client, sample):
    network = get_json(client, NETWORK + "?date_from=2023-05-05&date_to=2023-05-13")
    assert network == {"nodes": [], "edges": []}


def test_topic_filter(client, sample):
    network = get_json(client, NETWORK + "?topic=transport-links")  # meeting 2
    assert slugs(network) == ["ilham-aliyev", "nikol-pashinyan", "vladimir-putin"]
    assert weights(network) == {
        ("ilham-aliyev", "nikol-pashinyan"): (1, [2]),
        ("ilham-aliyev", "vladimir-putin"): (1, [2]),
        ("nikol-pashinyan", "vladimir-putin"): (1, [2]),
    }
    peace = get_json(client, NETWORK + "?topic=peace-treaty")  # meetings 1, 3, 4
    assert weights(peace)[("ilham-aliyev", "nikol-pashinyan")] == (2, [1, 4])
    assert "vladimir-putin" not in slugs(peace)


def test_known_topic_without_meetings_gives_an_empty_network(client, sample):
    assert get_json(client, NETWORK + "?topic=lachin-corridor") == {"nodes": [], "edges": []}


def test_kind_filter_is_repeatable(client, sample):
    rounds = get_json(client, NETWORK + "?kind=negotiation_round")
    assert weights(rounds) == {("armenia", "azerbaijan"): (1, [3])}
    in_person = get_json(client, NETWORK + "?kind=in_person")
    assert weights(in_person)[("ilham-aliyev", "nikol-pashinyan")] == (2, [1, 2])
    either = get_json(client, NETWORK + "?kind=in_person&kind=summit")
    assert weights(either)[("ilham-aliyev", "nikol-pashinyan")] == (3, [1, 2, 4])
    assert "armenia" not in slugs(either)


def test_filters_combine(client, sample):
    network = get_json(client, NETWORK + "?topic=peace-treaty&kind=in_person&date_to=2023-05-31")
    assert weights(network) == {
        ("charles-michel", "ilham-aliyev"): (1, [1]),
        ("charles-michel", "nikol-pashinyan"): (1, [1]),
        ("ilham-aliyev", "nikol-pashinyan"): (1, [1]),
    }


def test_build_network_of_no_meetings(db):
    network = build_network(Meeting.objects.none())
    assert (network.nodes, network.edges) == ([], [])


# --- /actors/{slug}/network/ ------------------------------------------------------------


def counterpart(slug, name, shared, first, last, meeting_ids):
    return {
        "actor": {"slug": slug, "name": name},
        "shared_meetings": shared,
        "first_date": first,
        "last_date": last,
        "meeting_ids": meeting_ids,
    }


def test_actor_network_sorted_by_shared_meetings(client, sample):
    assert get_json(client, PASHINYAN_NETWORK) == [
        counterpart("ilham-aliyev", "Ilham Aliyev", 3, "2023-05-14", "2023-06-01", [1, 2, 4]),
        counterpart("charles-michel", "Charles Michel", 2, "2023-05-14", "2023-06-01", [1, 4]),
        counterpart("vladimir-putin", "Vladimir Putin", 1, "2023-05-25", "2023-05-25", [2]),
    ]


def test_actor_network_ties_are_sorted_by_name(client, sample):
    # In person only (meetings 1 and 2): Michel and Putin each shared one meeting.
    assert get_json(client, PASHINYAN_NETWORK + "?kind=in_person") == [
        counterpart("ilham-aliyev", "Ilham Aliyev", 2, "2023-05-14", "2023-05-25", [1, 2]),
        counterpart("charles-michel", "Charles Michel", 1, "2023-05-14", "2023-05-14", [1]),
        counterpart("vladimir-putin", "Vladimir Putin", 1, "2023-05-25", "2023-05-25", [2]),
    ]


def test_actor_network_applies_the_network_filters(client, sample):
    assert get_json(client, "/api/v1/actors/vladimir-putin/network/?date_from=2023-05-26") == []
    assert get_json(client, PASHINYAN_NETWORK + "?topic=transport-links&date_to=2023-05-31") == [
        counterpart("ilham-aliyev", "Ilham Aliyev", 1, "2023-05-25", "2023-05-25", [2]),
        counterpart("vladimir-putin", "Vladimir Putin", 1, "2023-05-25", "2023-05-25", [2]),
    ]
    assert get_json(client, "/api/v1/actors/armenia/network/") == [
        counterpart("azerbaijan", "Azerbaijan", 1, "2023-05-01", "2023-05-04", [3]),
    ]


def test_actor_who_met_nobody_has_an_empty_network(client, sample):
    assert get_json(client, "/api/v1/actors/european-council/network/") == []


def test_actor_network_agrees_with_the_whole_network(client, sample):
    whole = get_json(client, NETWORK)
    for actor in whole["nodes"]:
        own = get_json(client, f"/api/v1/actors/{actor['slug']}/network/")
        expected = {
            frozenset((e["source"], e["target"])): (e["weight"], e["meeting_ids"])
            for e in whole["edges"]
            if actor["slug"] in (e["source"], e["target"])
        }
        assert {
            frozenset((actor["slug"], c["actor"]["slug"])): (c["shared_meetings"], c["meeting_ids"])
            for c in own
        } == expected


def test_unknown_actor_answers_404_json(client, sample):
    response = client.get("/api/v1/actors/nobody/network/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in response.json()


# --- Bad input --------------------------------------------------------------------------


@pytest.mark.parametrize("path", [NETWORK, PASHINYAN_NETWORK])
@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("date_from=2023-13-01", "date_from"),
        ("date_to=yesterday", "date_to"),
        ("date_from=2023-06-01&date_to=2023-01-01", "date_to"),
        ("date_from=2023-01-01&date_from=2023-02-01", "date_from"),
        ("topic=nothing", "topic"),
        ("topic=peace-treaty&topic=transport-links", "topic"),
        ("kind=bogus", "kind"),
        ("kind=summit&kind=bogus", "kind"),
        ("partcipant=nikol-pashinyan", "partcipant"),
        ("search=talks", "search"),
        ("updated_since=2023-01-01T00:00:00Z", "updated_since"),
        ("page=2", "page"),
        ("format=xml", "format"),
    ],
)
def test_invalid_query_answers_400_json_naming_the_parameter(
    client, sample, path, query, parameter
):
    response = client.get(f"{path}?{query}")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert parameter in response.json()


@pytest.mark.parametrize("file_format", ["gexf", "graphml"])
def test_errors_are_json_even_when_a_graph_file_was_asked_for(client, sample, file_format):
    response = client.get(f"{NETWORK}?format={file_format}&date_from=2023-13-01")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "date_from" in response.json()
    assert "Content-Disposition" not in response


def test_graph_formats_are_only_for_the_whole_network(client, sample):
    response = client.get(PASHINYAN_NETWORK + "?format=gexf")
    assert response.status_code == 400
    assert "format" in response.json()


def test_the_network_is_not_a_table(client, sample):
    response = client.get(NETWORK + "?format=csv")
    assert response.status_code == 400
    assert "format" in response.json()


def test_an_actors_network_is_a_list_and_exports_like_one(client, sample):
    response = client.get(PASHINYAN_NETWORK + "?format=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")


# --- GEXF and GraphML -------------------------------------------------------------------


def read_graph(client, url, media_type, reader):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == f"{media_type}; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return reader(io.BytesIO(response.content))


def days(data):
    """An element's first and last day: GEXF's `start`/`end`, GraphML's attributes."""
    if "start" in data:
        return data["start"], data["end"]
    return data["first_date"], data["last_date"]


def assert_same_graph(graph, network):
    assert not graph.is_directed()
    assert graph.number_of_nodes() == len(network["nodes"])
    assert graph.number_of_edges() == len(network["edges"])
    for n in network["nodes"]:
        data = graph.nodes[n["slug"]]
        assert data["name"] == n["name"]
        assert data["kind"] == n["kind"]
        assert data["meetings"] == n["meetings"]
        assert days(data) == (n["first_date"], n["last_date"])
    for e in network["edges"]:
        data = graph.edges[e["source"], e["target"]]
        assert data["weight"] == e["weight"]
        assert data["meeting_ids"] == " ".join(str(i) for i in e["meeting_ids"])
        assert days(data) == (e["first_date"], e["last_date"])


@pytest.mark.parametrize(
    ("file_format", "media_type", "reader"),
    [
        ("gexf", "application/gexf+xml", nx.read_gexf),
        ("graphml", "application/graphml+xml", nx.read_graphml),
    ],
)
def test_graph_files_open_in_networkx(client, sample, file_format, media_type, reader):
    graph = read_graph(client, f"{NETWORK}?format={file_format}", media_type, reader)
    assert graph.number_of_nodes() == 6
    assert graph.number_of_edges() == 6
    pair = graph.edges["nikol-pashinyan", "ilham-aliyev"]
    assert pair["weight"] == 3
    assert pair["meeting_ids"] == "1 2 4"
    assert days(pair) == ("2023-05-14", "2023-06-01")
    assert graph.edges["armenia", "azerbaijan"]["weight"] == 1
    assert graph.nodes["nikol-pashinyan"]["meetings"] == 3
    assert_same_graph(graph, FULL_NETWORK)


@pytest.mark.parametrize(
    ("file_format", "media_type", "reader"),
    [
        ("gexf", "application/gexf+xml", nx.read_gexf),
        ("graphml", "application/graphml+xml", nx.read_graphml),
    ],
)
def test_graph_files_follow_the_filters(client, sample, file_format, media_type, reader):
    query = "kind=in_person&kind=summit"
    graph = read_graph(client, f"{NETWORK}?{query}&format={file_format}", media_type, reader)
    assert_same_graph(graph, get_json(client, f"{NETWORK}?{query}"))
    assert graph.number_of_nodes() == 4
    assert graph.number_of_edges() == 5


def test_gexf_is_dynamic_for_gephis_timeline(client, sample):
    # Gephi reads `start`/`end` of a dynamic graph as each element's life on the timeline.
    root = ET.fromstring(client.get(f"{NETWORK}?format=gexf").content)
    ns = {"g": "http://gexf.net/1.3"}
    graph = root.find("g:graph", ns)
    assert graph.get("mode") == "dynamic"
    assert graph.get("timeformat") == "date"
    nodes = {n.get("id"): (n.get("start"), n.get("end")) for n in graph.findall(".//g:node", ns)}
    assert nodes["armenia"] == ("2023-05-01", "2023-05-04")
    assert nodes["vladimir-putin"] == ("2023-05-25", "2023-05-25")
    spans = {
        (e.get("source"), e.get("target")): (e.get("start"), e.get("end"))
        for e in graph.findall(".//g:edge", ns)
    }
    assert spans[("charles-michel", "ilham-aliyev")] == ("2023-05-14", "2023-06-01")
    # The dates are the elements' time, not plain attributes any more.
    declared = {a.get("id") for a in graph.findall(".//g:attribute", ns)}
    assert not declared & {"first_date", "last_date"}


def test_graph_files_are_negotiated_by_accept_header(client, sample):
    response = client.get(NETWORK, HTTP_ACCEPT="application/graphml+xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/graphml+xml")
    assert nx.read_graphml(io.BytesIO(response.content)).number_of_edges() == 6


def test_empty_network_files_are_valid(client, sample):
    for file_format, reader in (("gexf", nx.read_gexf), ("graphml", nx.read_graphml)):
        response = client.get(f"{NETWORK}?topic=lachin-corridor&format={file_format}")
        assert response.status_code == 200
        assert reader(io.BytesIO(response.content)).number_of_nodes() == 0


# --- Cost -------------------------------------------------------------------------------


EXTRA_PARTICIPANTS = ["armenia", "european-council", "nikol-pashinyan", "vladimir-putin"]


def add_meetings(count):
    """`count` extra meetings (ids 5, 6...), each with four participants: six ties each."""
    actors = list(Actor.objects.filter(slug__in=EXTRA_PARTICIPANTS))
    for n in range(count):
        meeting = Meeting.objects.create(
            slug=f"extra-{n}",
            title=f"Extra meeting {n}",
            kind="phone_call" if n % 2 else "in_person",
            date=datetime.date(2022, 1, 1) + datetime.timedelta(days=n),
        )
        for actor in actors:
            meeting.participations.create(actor=actor, role="participant")


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize(
    "url",
    [
        NETWORK,
        NETWORK + "?topic=peace-treaty&kind=in_person&kind=phone_call&date_from=2020-01-01",
        NETWORK + "?format=gexf",
        NETWORK + "?format=graphml",
        PASHINYAN_NETWORK,
        "/api/v1/actors/armenia/network/?kind=in_person&kind=phone_call&date_to=2030-01-01",
    ],
)
def test_query_count_does_not_grow_with_the_number_of_meetings(client, sample, url):
    before, small = count_queries(client, url)
    add_meetings(30)
    after, large = count_queries(client, url)
    assert len(large.content) > len(small.content) or "topic=" in url
    assert after == before


def test_network_takes_one_query(client, sample, django_assert_num_queries):
    add_meetings(10)
    with django_assert_num_queries(1):
        client.get(NETWORK)
    with django_assert_num_queries(2):  # the actor, then the participations
        client.get(PASHINYAN_NETWORK)


def test_extra_meetings_are_counted(client, sample):
    add_meetings(5)
    network = get_json(client, NETWORK)
    extra = list(range(5, 10))
    assert weights(network)[("nikol-pashinyan", "vladimir-putin")] == (6, [2, *extra])
    assert weights(network)[("armenia", "european-council")] == (5, extra)
    assert weights(network)[("armenia", "azerbaijan")] == (1, [3])
    assert len(network["edges"]) == 6 + 5  # armenia and the council tied to four actors more
    meetings = {n["slug"]: n["meetings"] for n in network["nodes"]}
    assert meetings["armenia"] == 6
    assert meetings["european-council"] == 5
    assert meetings["nikol-pashinyan"] == 8


# --- Schema -----------------------------------------------------------------------------


def test_schema_documents_both_endpoints(client):
    schema = client.get("/api/schema/?format=json").json()
    network = schema["paths"]["/api/v1/network/"]["get"]
    # `format` is not a parameter of the typed operation: GEXF and GraphML are files,
    # listed beside the JSON answer (docs/api.md, "Formats in the OpenAPI schema").
    assert {p["name"] for p in network["parameters"]} == {
        "date_from",
        "date_to",
        "topic",
        "kind",
        "status",
    }
    assert set(network["responses"]["200"]["content"]) == {"application/json"}
    assert [f["mediaType"] for f in network["x-other-formats"]] == [
        "application/gexf+xml",
        "application/graphml+xml",
    ]
    assert network["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Network"
    }
    actor = schema["paths"]["/api/v1/actors/{slug}/network/"]["get"]
    assert {p["name"] for p in actor["parameters"]} >= {
        "slug",
        "date_from",
        "date_to",
        "topic",
        "kind",
    }
    ok = actor["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok == {"type": "array", "items": {"$ref": "#/components/schemas/ActorNetworkEntry"}}
    assert "404" in actor["responses"]


def test_network_status_filter_keeps_held_meetings_only(client, sample):
    body = client.get("/api/v1/network/?status=held").json()
    pair = next(
        e
        for e in body["edges"]
        if {e["source"], e["target"]} == {"ilham-aliyev", "nikol-pashinyan"}
    )
    assert pair["meeting_ids"] == [1, 2]  # meeting 4 is only planned
    assert client.get("/api/v1/network/?status=maybe").status_code == 400
