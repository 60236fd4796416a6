"""Cross-origin reads: a page on another site may read the public API, never write to it,
and never with a curator's credentials."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.support import REPO

pytestmark = pytest.mark.django_db

ORIGIN = "https://notebook.example.org"


def test_a_read_from_any_origin_is_allowed_without_credentials(client, sample):
    response = client.get("/api/v1/meetings/", HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    exposed = {h.strip().lower() for h in response["Access-Control-Expose-Headers"].split(",")}
    assert {"link", "etag", "last-modified", "ratelimit-remaining", "retry-after"} <= exposed


def test_the_preflight_of_a_read_is_answered(client):
    response = client.options(
        "/api/v1/meetings/",
        HTTP_ORIGIN=ORIGIN,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert set(response["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert "if-none-match" in response["Access-Control-Allow-Headers"]


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_writes_are_not_opened_cross_origin(client, method):
    preflight = client.options(
        "/api/v1/topics/",
        HTTP_ORIGIN=ORIGIN,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD=method,
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization, content-type",
    )
    assert "Access-Control-Allow-Origin" not in preflight
    # A write sent anyway (a "simple" form POST needs no preflight): no CORS answer, so
    # the browser does not let the page read it.
    response = client.generic(method, "/api/v1/topics/", HTTP_ORIGIN=ORIGIN)
    assert "Access-Control-Allow-Origin" not in response


def test_pages_outside_the_api_are_not_opened(client):
    response = client.get("/explore/", HTTP_ORIGIN=ORIGIN)
    assert "Access-Control-Allow-Origin" not in response


def test_allowed_origins_can_be_limited(client, sample, settings):
    settings.CORS_ALLOW_ALL_ORIGINS = False
    settings.CORS_ALLOWED_ORIGINS = ["https://atlas.example.net"]
    allowed = client.get("/api/v1/topics/", HTTP_ORIGIN="https://atlas.example.net")
    assert allowed["Access-Control-Allow-Origin"] == "https://atlas.example.net"
    assert "origin" in allowed["Vary"].lower()
    other = client.get("/api/v1/topics/", HTTP_ORIGIN=ORIGIN)
    assert other.status_code == 200
    assert "Access-Control-Allow-Origin" not in other


def cors_settings(value: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "CORS_ALLOWED_ORIGINS"}
    if value is not None:
        env["CORS_ALLOWED_ORIGINS"] = value
    code = (
        "import config.settings as s; "
        "print(s.CORS_ALLOW_ALL_ORIGINS, s.CORS_ALLOWED_ORIGINS, s.CORS_ALLOW_CREDENTIALS)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env={**env, "DEBUG": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    return (result.stdout + result.stderr).strip()


def test_the_origins_come_from_the_environment():
    assert cors_settings(None) == "True [] False"
    assert cors_settings("*") == "True [] False"
    assert cors_settings("https://a.example, https://b.example") == (
        "False ['https://a.example', 'https://b.example'] False"
    )
    assert cors_settings("") == "False [] False"
    assert "either `*` or a list" in cors_settings("*,https://a.example")
