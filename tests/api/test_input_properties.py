"""Property tests of malformed input (issue 15): any cursor and any JSON body a client
can send is answered with a 2xx or a 4xx JSON naming what is wrong, never a 5xx."""

from __future__ import annotations

import base64
import json
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

DB = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TIMELINES = ["/api/v1/events/", "/api/v1/actors/armenia/events/"]

# A cursor is base64 of a query string with a position (p), reverse (r) and offset (o):
# forge those keys with values of every kind, and also plain garbage.
positions = st.one_of(
    st.dates().map(str),
    st.text(max_size=30),
    st.integers(-(10**20), 10**20).map(str),
    st.from_regex(r"\A\d{4}-\d{2}-\d{2}(\|\w{1,12}\|-?\d{1,25})?\Z"),
)
forged = st.fixed_dictionaries(
    {},
    optional={"p": positions, "r": st.sampled_from(["0", "1", "x", ""]), "o": positions},
).map(lambda fields: base64.b64encode(urlencode(fields).encode()).decode())
cursors = st.one_of(forged, st.text(max_size=60))


@DB
@given(path=st.sampled_from(TIMELINES), cursor=cursors)
def test_any_cursor_is_a_page_or_a_400_naming_it(client, sample, path, cursor):
    response = client.get(path, {"cursor": cursor})
    assert response.status_code in (200, 400), (cursor, response.status_code)
    if response.status_code == 400:
        assert "cursor" in response.json()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=25,
)
known_keys = st.sampled_from(
    ["slug", "name", "title", "date", "date_note", "participants", "citations", "topics"]
)
bodies = st.one_of(
    json_values,
    st.dictionaries(known_keys, json_values, max_size=6),
    st.integers(1, 3000).map(lambda depth: "[" * depth + "]" * depth),
)


@DB
@given(
    target=st.sampled_from(
        [
            ("POST", "/api/v1/topics/"),
            ("PATCH", "/api/v1/topics/peace-treaty/"),
            ("POST", "/api/v1/meetings/"),
            ("PUT", "/api/v1/meetings/1/"),
        ]
    ),
    body=bodies,
)
def test_any_json_body_is_answered_without_a_server_error(curator_client, sample, target, body):
    method, path = target
    raw = body if isinstance(body, str) and body.startswith("[") else json.dumps(body)
    response = curator_client.generic(
        method, path, raw, content_type="application/json", HTTP_IF_MATCH="*"
    )
    assert response.status_code < 500, (body, response.status_code)
    if response.status_code >= 400:
        assert response["Content-Type"].startswith("application/json")
