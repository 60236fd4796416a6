"""Each filter of the contract, including AND semantics and date-range overlap."""

import pytest
from django.http import QueryDict

from events.api.filtersets import MeetingFilterSet
from events.models import Meeting

pytestmark = pytest.mark.django_db


def ids(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.json()
    return sorted(item.get("id", item.get("slug")) for item in response.json()["results"])


def test_participant_matches_any_role(client, sample):
    assert ids(client, "/api/v1/meetings/?participant=vladimir-putin") == [2]  # host
    assert ids(client, "/api/v1/meetings/?participant=charles-michel") == [1, 4]  # mediator


def test_repeated_participant_requires_all(client, sample):
    assert ids(client, "/api/v1/meetings/?participant=nikol-pashinyan") == [1, 2, 4]
    both = "/api/v1/meetings/?participant=nikol-pashinyan&participant=vladimir-putin"
    assert ids(client, both) == [2]
    none = "/api/v1/meetings/?participant=vladimir-putin&participant=charles-michel"
    assert ids(client, none) == []


def test_mediator_only_matches_mediators(client, sample):
    assert ids(client, "/api/v1/meetings/?mediator=charles-michel") == [1, 4]
    assert ids(client, "/api/v1/meetings/?mediator=nikol-pashinyan") == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=negotiation_round", [3]),
        ("kind=summit&kind=negotiation_round", [3, 4]),
        ("status=planned", [4]),
        ("place=moscow", [2]),
        ("country=BEL", [1]),
        ("country=FRA", []),
        ("topic=transport-links", [2]),
        ("search=brussels", [1]),
        ("search=trilateral moscow", [2]),
    ],
)
def test_meeting_filters(client, sample, query, expected):
    assert ids(client, f"/api/v1/meetings/?{query}") == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Washington talks run 1-4 May: any overlap matches.
        ("date_from=2023-05-02&date_to=2023-05-03", [3]),
        ("date_from=2023-05-04&date_to=2023-05-04", [3]),
        ("date_to=2023-04-30", []),
        ("date_from=2023-05-05&date_to=2023-05-20", [1]),
        ("date_from=2023-05-25", [2, 4]),
        ("date_to=2023-05-14", [1, 3]),
    ],
)
def test_date_filters_match_on_overlap(client, sample, query, expected):
    assert ids(client, f"/api/v1/meetings/?{query}") == expected


def test_a_long_incident_matches_a_window_inside_it(client, sample):
    # The blockade spans December 2022 to September 2023.
    assert ids(client, "/api/v1/incidents/?date_from=2023-07-01&date_to=2023-07-31") == [3]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("speaker=vladimir-putin", [2]),
        ("kind=paraphrase", [3]),
        ("meeting=2", [2]),
        ("mentions=ilham-aliyev", [1, 2]),
        ("mentions=ilham-aliyev&mentions=nikol-pashinyan", [2]),
        ("topic=peace-treaty", [1]),
        ("search=territorial", [3]),
    ],
)
def test_statement_filters(client, sample, query, expected):
    assert ids(client, f"/api/v1/statements/?{query}") == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=checkpoint", [2]),
        ("actor=azerbaijan", [1, 2]),
        ("actor=armenia", [1, 3]),
        ("place=lachin-corridor", [2, 3]),
        ("min_fatalities=1", [1]),
        ("min_fatalities=0", [1]),  # unknown (null) is not zero
        ("min_fatalities=2", []),
        ("country=AZE", [2, 3]),
    ],
)
def test_incident_filters(client, sample, query, expected):
    assert ids(client, f"/api/v1/incidents/?{query}") == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/api/v1/actors/?kind=state", ["armenia", "azerbaijan"]),
        ("/api/v1/actors/?country=RUS", ["vladimir-putin"]),
        ("/api/v1/actors/?search=pashinian", ["nikol-pashinyan"]),  # alias
        ("/api/v1/actors/?search=Michel", ["charles-michel"]),
        ("/api/v1/places/?search=latchine", ["lachin-corridor"]),  # alias
        ("/api/v1/places/?kind=corridor", ["lachin-corridor"]),
        ("/api/v1/topics/?search=lachin", ["lachin-corridor"]),
        ("/api/v1/sources/?search=document b", ["sample-b"]),
    ],
)
def test_reference_filters(client, sample, url, expected):
    assert ids(client, url) == expected


def test_ordering_by_date_ascending_with_id_tie_break(client, sample):
    results = client.get("/api/v1/statements/?ordering=date").json()["results"]
    assert [s["date"] for s in results] == sorted(s["date"] for s in results)
    newest = client.get("/api/v1/meetings/?ordering=-date").json()["results"]
    assert newest[0]["id"] == 4


def test_updated_since(client, sample):
    assert ids(client, "/api/v1/meetings/?updated_since=2000-01-01T00:00:00Z") == [1, 2, 3, 4]
    assert ids(client, "/api/v1/meetings/?updated_since=2999-01-01T00:00:00Z") == []


def test_page_size_and_pages(client, sample):
    first = client.get("/api/v1/meetings/?page_size=3").json()
    assert len(first["results"]) == 3
    assert first["next"] is not None
    second = client.get(first["next"]).json()
    assert len(second["results"]) == 1
    seen = {m["id"] for m in first["results"]} | {m["id"] for m in second["results"]}
    assert seen == {1, 2, 3, 4}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/api/v1/meetings/?date_precision=approximate", [3]),
        ("/api/v1/statements/?date_precision=approximate", [3]),
        ("/api/v1/meetings/?date_precision=day&date_precision=approximate", [1, 2, 3, 4]),
    ],
)
def test_date_precision_filter(client, sample, url, expected):
    assert ids(client, url) == expected


@pytest.mark.parametrize(
    "value", ["2024-01-01T00:00:00 00:00", "2024-01-01T00:00 02:00", "2024-01-01T00:00:00.5 0400"]
)
def test_an_unencoded_plus_in_a_timestamp_is_explained(client, sample, value):
    # `?updated_since=2024-01-01T00:00:00+00:00` typed into a URL: `+` arrives as a space.
    response = client.get("/api/v1/meetings/", {"updated_since": value})
    assert response.status_code == 400
    message = response.json()["updated_since"][0]
    assert "%2B" in message and "'+'" in message


def test_an_encoded_plus_and_z_work(client, sample):
    for value in ("2000-01-01T00:00:00+00:00", "2000-01-01T00:00:00Z"):
        response = client.get("/api/v1/meetings/", {"updated_since": value})
        assert response.status_code == 200
        assert response.json()["count"] > 0
    raw = client.get("/api/v1/meetings/?updated_since=2000-01-01T00:00:00%2B00:00")
    assert raw.status_code == 200


def test_filtersets_in_flight_together_keep_their_own_filters(sample):
    """Each FilterSet has its own copies of the filters (shallow ones, for speed): two
    requests' filters, built and applied interleaved as in a threaded worker, neither
    see nor change each other's, and the declared filters stay unbound."""
    michel = MeetingFilterSet(QueryDict("participant=charles-michel"), Meeting.objects.all())
    aliyev = MeetingFilterSet(QueryDict("participant=ilham-aliyev"), Meeting.objects.all())
    assert michel.filters["participant"] is not aliyev.filters["participant"]
    assert michel.filters["participant"].parent is michel
    assert aliyev.filters["participant"].parent is aliyev
    assert not hasattr(MeetingFilterSet.base_filters["participant"], "parent")
    expected_aliyev = set(
        Meeting.objects.filter(participations__actor__slug="ilham-aliyev").values_list(
            "pk", flat=True
        )
    )
    assert set(michel.qs.values_list("pk", flat=True)) == {1, 4}
    assert set(aliyev.qs.values_list("pk", flat=True)) == expected_aliyev != {1, 4}
