"""Under contention and outage Parley keeps its word: an unavailable database is a 503
with Retry-After in every format, bad cursors and bodies are 400s, writes save what they
locked, a no-op changes nothing, counters hold under parallel requests."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import threading

import pytest
from django.core.cache import cache
from django.db import connection
from rest_framework.test import APIClient
from rest_framework.throttling import AnonRateThrottle

from events.models import Meeting, Revision, Tombstone, Topic
from tests.support import REPO

OUTAGE_CHECK = """
import json
from django.test import Client
client = Client()
answers = {}
for path in ["/api/v1/meetings/", "/api/v1/meetings/?format=csv",
             "/api/v1/meetings/?format=geojson", "/api/v1/events/", "/api/v1/stats/",
             "/api/v1/meetings/1/", "/"]:
    response = client.get(path)
    answers[path] = [response.status_code, response.get("Retry-After"),
                     response.get("Content-Type"), response.content.decode()[:200]]
print(json.dumps(answers))
"""


def test_an_unavailable_database_is_a_503_with_retry_after_in_every_format():
    """A real process whose database does not answer (nothing listens on the port)."""
    run = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + OUTAGE_CHECK],
        cwd=REPO,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DEBUG": "0",
            "SECRET_KEY": "test-only-not-a-secret",
            "ALLOWED_HOSTS": "testserver",
            "DATABASE_URL": "postgres://nobody@127.0.0.1:9/none",
            "CONN_MAX_AGE": "0",
            "LOG_LEVEL": "CRITICAL",
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    answers = json.loads(run.stdout.strip().splitlines()[-1])
    for path, (status, retry_after, content_type, body) in answers.items():
        assert status == 503, (path, status, body)
        assert retry_after == "5", path
        assert content_type.startswith("application/json"), (path, content_type)
        assert "retry" in json.loads(body)["detail"], path


@pytest.mark.parametrize("path", ["/api/v1/events/", "/api/v1/actors/armenia/events/"])
@pytest.mark.parametrize("position", ["p=14", "p=not-a-date", "p=2023-13-45", "o=1&p=x"])
def test_a_forged_cursor_is_a_400_naming_it(client, sample, path, position):
    cursor = base64.b64encode(position.encode()).decode()
    response = client.get(path, {"cursor": cursor})
    assert response.status_code == 400
    assert "cursor" in response.json()


def test_a_deeply_nested_body_is_a_400(curator_client, sample):
    body = "[" * 2000 + "]" * 2000
    response = curator_client.generic(
        "PATCH",
        "/api/v1/topics/peace-treaty/",
        body,
        content_type="application/json",
        HTTP_IF_MATCH="*",
    )
    assert response.status_code == 400
    assert "nested deeper" in response.json()["detail"]


def test_a_chunked_body_is_refused_with_411(curator_client, sample):
    response = curator_client.generic(
        "PATCH",
        "/api/v1/topics/peace-treaty/",
        "",
        content_type="application/json",
        HTTP_TRANSFER_ENCODING="chunked",
        HTTP_IF_MATCH="*",
    )
    assert response.status_code == 411
    assert Revision.objects.filter(record_type="topic", action="updated").count() == 0


def test_a_change_that_changes_nothing_records_nothing(curator_client, sample):
    before = curator_client.get("/api/v1/topics/peace-treaty/")
    revisions = Revision.objects.count()
    response = curator_client.patch(
        "/api/v1/topics/peace-treaty/", {"name": before.json()["name"]}, format="json"
    )
    assert response.status_code == 200
    assert response["ETag"] == before["ETag"]
    assert Revision.objects.count() == revisions


def test_a_restore_of_a_record_that_exists_again_is_refused(curator_client, sample):
    assert curator_client.delete("/api/v1/topics/lachin-corridor/").status_code == 204
    deletion = Revision.objects.get(record_type="topic", key="lachin-corridor", action="deleted")
    first = curator_client.post(f"/api/v1/history/{deletion.pk}/restore/")
    second = curator_client.post(f"/api/v1/history/{deletion.pk}/restore/")
    assert (first.status_code, second.status_code) == (201, 400)


def test_a_recreated_record_leaves_the_deletions_feed(curator_client, sample, client):
    topic = client.get("/api/v1/topics/lachin-corridor/").json()
    assert curator_client.delete("/api/v1/topics/lachin-corridor/").status_code == 204
    assert Tombstone.objects.filter(record_type="topic", key="lachin-corridor").exists()
    created = curator_client.post(
        "/api/v1/topics/", {k: topic[k] for k in ("slug", "name", "description")}, format="json"
    )
    assert created.status_code == 201, created.json()
    deletions = client.get("/api/v1/deletions/?type=topic").json()["results"]
    assert "lachin-corridor" not in {entry["key"] for entry in deletions}


def test_the_public_sees_that_a_curator_changed_a_record_not_who(curator_client, client, sample):
    curator_client.patch("/api/v1/topics/peace-treaty/", {"name": "Peace deal"}, format="json")
    public = client.get("/api/v1/history/?type=topic&key=peace-treaty").json()["results"][0]
    staff = curator_client.get("/api/v1/history/?type=topic&key=peace-treaty").json()
    assert public["user"] == "curator"
    assert staff["results"][0]["user"] == "curator"  # the curator fixture's username
    assert (
        curator_client.get("/api/v1/topics/peace-treaty/history/").json()["results"][0]["user"]
        == "curator"
    )


def test_searches_are_bounded(client, sample):
    response = client.get("/api/v1/actors/", {"search": " ".join(["word"] * 800)})
    assert response.status_code == 400
    assert "search" in response.json()


def test_csv_cells_that_would_be_formulas_are_neutralised(curator_client, client, sample):
    curator_client.patch(
        "/api/v1/topics/peace-treaty/", {"description": '=HYPERLINK("x")'}, format="json"
    )
    text = b"".join(client.get("/api/v1/topics/?format=csv").streaming_content).decode()
    assert "'=HYPERLINK" in text
    assert "\n=HYPERLINK" not in text and ",=HYPERLINK" not in text


def test_the_token_scheme_is_case_insensitive(client, curator_token, sample):
    for scheme in ("token", "TOKEN", "bearer"):
        response = client.get("/api/v1/topics/", HTTP_AUTHORIZATION=f"{scheme} {curator_token}")
        assert response.status_code == 200, scheme
        assert "private" in response["Cache-Control"], scheme


@pytest.mark.parametrize(
    "path",
    ["/api/v1/", "/api/v1/stats/", "/api/v1/network/", "/api/v1/history/", "/api/v1/deletions/"],
)
def test_every_public_read_says_how_long_it_may_be_cached(client, sample, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "max-age" in response["Cache-Control"] and "public" in response["Cache-Control"]


def test_x_forwarded_for_is_not_trusted_without_proxies(client, sample, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    cache.clear()
    answers = [
        client.get("/api/v1/topics/", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}").status_code
        for n in range(5)
    ]
    assert answers == [200, 200, 200, 429, 429]


@pytest.mark.django_db(transaction=True)
def test_the_throttle_holds_under_parallel_requests(sample, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "20/minute"})
    cache.clear()
    passed: list[int] = []

    def hammer() -> None:
        api = APIClient()
        for _ in range(10):
            if api.get("/api/v1/topics/").status_code == 200:
                passed.append(1)
        connection.close()

    threads = [threading.Thread(target=hammer) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(passed) == 20


def test_a_delete_of_a_record_gone_meanwhile_is_a_404(curator_client, sample):
    etag = curator_client.get("/api/v1/meetings/2/")["ETag"]
    Meeting.objects.get(pk=2).delete()  # another writer, between the read and the delete
    response = curator_client.delete("/api/v1/meetings/2/", HTTP_IF_MATCH=etag)
    assert response.status_code == 404


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks: PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_a_topic_and_its_meetings_written_at_once_never_deadlock(sample, curator):
    """A topic write refreshes every meeting tagged with it while meetings tagged with
    it are written: no answer may be a 409 or a 5xx (deadlocks are avoided or retried)."""
    answers: list[int] = []

    def write(path: str, field: str, rounds: int) -> None:
        api = APIClient()
        api.force_authenticate(curator)
        for n in range(rounds):
            response = api.patch(path, {field: f"{field} {n}"}, format="json", HTTP_IF_MATCH="*")
            answers.append(response.status_code)
        connection.close()

    writers = [
        threading.Thread(target=write, args=("/api/v1/topics/peace-treaty/", "name", 6)),
        threading.Thread(target=write, args=("/api/v1/topics/peace-treaty/", "description", 6)),
        *(
            threading.Thread(target=write, args=(f"/api/v1/meetings/{pk}/", "summary", 6))
            for pk in (1, 3, 4)
        ),
    ]
    for thread in writers:
        thread.start()
    for thread in writers:
        thread.join()
    assert answers and set(answers) == {200}, answers
    topic = Topic.objects.get(slug="peace-treaty")
    assert (topic.name, topic.description) == ("name 5", "description 5")  # no lost field
