"""The habits of well-kept HTTP APIs, as a client sees them: `Link` headers to the
neighbouring pages, `RateLimit-*` headers before the 429, HEAD answered with GET's
caching headers, no validators on errors, and JSON 404s for unknown API URLs."""

from __future__ import annotations

import re

import pytest
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

pytestmark = pytest.mark.django_db


def links(response) -> dict[str, str]:
    """The `Link` header as {rel: url}."""
    found = re.findall(r'<([^>]*)>; rel="([^"]+)"', response.get("Link", ""))
    return {rel: url for url, rel in found}


def test_page_number_lists_link_first_prev_next_last(client, sample):
    response = client.get("/api/v1/actors/", {"page_size": 1, "page": 2, "kind": "person"})
    body = response.json()
    last_page = body["count"]
    assert last_page >= 3
    found = links(response)
    assert set(found) == {"first", "prev", "next", "last"}
    assert found["next"] == body["next"]
    assert found["prev"] == body["previous"]
    assert "page=" not in found["first"] and "page_size=1" in found["first"]
    assert f"page={last_page}" in found["last"]
    # The filters and the page size are kept in every link.
    assert all("kind=person" in url for url in found.values())


def test_the_first_page_has_no_prev_and_the_last_no_next(client, sample):
    first = links(client.get("/api/v1/actors/", {"page_size": 2}))
    assert "prev" not in first and "next" in first
    last = links(client.get(first["last"]))
    assert "next" not in last and "prev" in last


def test_cursor_feeds_link_first_and_the_neighbours(client, sample):
    response = client.get("/api/v1/events/", {"page_size": 2})
    found = links(response)
    assert set(found) == {"first", "next"}
    assert found["next"] == response.json()["next"]
    second = client.get(found["next"])
    found = links(second)
    assert set(found) == {"first", "prev", "next"}
    assert "cursor=" not in found["first"]


@pytest.fixture
def low_rates(monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "5/minute"})


def test_rate_limit_headers_count_down_to_the_429(client, sample, low_rates):
    answers = [client.get("/api/v1/topics/") for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert [a["RateLimit-Remaining"] for a in answers] == ["2", "1", "0", "0"]
    assert {a["RateLimit-Limit"] for a in answers} == {"3"}
    for answer in answers:
        assert 1 <= int(answer["RateLimit-Reset"]) <= 61
    assert int(answers[-1]["Retry-After"]) > 0


def test_accounts_see_their_own_quota(curator_client, low_rates):
    response = curator_client.get("/api/v1/topics/")
    assert response["RateLimit-Limit"] == "5"
    assert response["RateLimit-Remaining"] == "4"


@pytest.mark.parametrize(
    "url", ["/api/v1/meetings/", "/api/v1/meetings/1/", "/api/v1/events/", "/api/v1/stats/"]
)
def test_head_answers_with_the_caching_headers_of_get(client, sample, url):
    get = client.get(url)
    head = client.head(url)
    assert get.status_code == head.status_code == 200
    assert head.content == b""
    for header in ("ETag", "Cache-Control", "Vary"):
        assert head[header] == get[header], header
    if "Last-Modified" in get:
        assert head["Last-Modified"] == get["Last-Modified"]
    # ...and revalidates like GET.
    again = client.head(url, HTTP_IF_NONE_MATCH=get["ETag"])
    assert again.status_code == 304


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/v1/meetings/999999/", 404),
        ("/api/v1/meetings/?date_from=yesterday", 400),
        ("/api/v1/meetings/?page=999", 404),
        ("/api/v1/nothing-here/", 404),
    ],
)
def test_errors_carry_no_validators(client, sample, url, status):
    for response in (client.get(url), client.head(url)):
        assert response.status_code == status
        assert "ETag" not in response
        assert "Last-Modified" not in response


def test_a_throttled_answer_carries_no_validators(client, sample, low_rates):
    for _ in range(3):
        client.get("/api/v1/topics/")
    refused = client.get("/api/v1/topics/")
    assert refused.status_code == 429
    assert "ETag" not in refused and "Last-Modified" not in refused


@pytest.mark.parametrize("debug", [False, True])
def test_unknown_api_urls_answer_json_404(client, settings, debug):
    settings.DEBUG = debug
    response = client.get("/api/v1/meetngs/", HTTP_ACCEPT="text/html")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Not found."}


def test_a_missing_slash_is_still_redirected(client, settings):
    settings.DEBUG = True
    response = client.get("/api/v1/meetings")
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/meetings/"
