"""No lost updates: writes need If-Match with the record's current ETag."""

import threading

import pytest
from django.db import connection
from rest_framework.test import APIClient

from events.models import Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def raw_client(curator):
    """A client that sends exactly the headers the test gives it."""
    api = APIClient()
    api.force_authenticate(curator)
    return api


def test_a_change_without_if_match_is_refused_with_428(raw_client, sample):
    response = raw_client.patch("/api/v1/meetings/1/", {"title": "X"}, format="json")
    assert response.status_code == 428
    assert "If-Match" in response.json()["detail"]
    assert raw_client.delete("/api/v1/meetings/1/").status_code == 428
    assert Meeting.objects.filter(pk=1).exclude(title="X").exists()


def test_two_curators_cannot_overwrite_each_other(raw_client, sample):
    etag = raw_client.get("/api/v1/meetings/1/")["ETag"]  # both read version 1
    first = raw_client.patch(
        "/api/v1/meetings/1/", {"title": "First"}, format="json", HTTP_IF_MATCH=etag
    )
    assert first.status_code == 200
    assert first["ETag"] != etag  # the answer carries the new version's ETag
    second = raw_client.patch(
        "/api/v1/meetings/1/", {"title": "Second"}, format="json", HTTP_IF_MATCH=etag
    )
    assert second.status_code == 412
    assert Meeting.objects.get(pk=1).title == "First"
    # Re-reading gives the current ETag, and the change goes through.
    retry = raw_client.patch(
        "/api/v1/meetings/1/", {"title": "Second"}, format="json", HTTP_IF_MATCH=first["ETag"]
    )
    assert retry.status_code == 200


def test_etag_names_the_version_across_slug_lookups(raw_client, sample):
    etag = raw_client.get("/api/v1/actors/armenia/")["ETag"]
    response = raw_client.patch(
        "/api/v1/actors/armenia/", {"description": "A state."}, format="json", HTTP_IF_MATCH=etag
    )
    assert response.status_code == 200
    assert raw_client.get("/api/v1/actors/armenia/")["ETag"] == response["ETag"]
    stale = raw_client.delete("/api/v1/actors/armenia/", HTTP_IF_MATCH=etag)
    assert stale.status_code == 412


def test_if_match_star_means_any_version(raw_client, sample):
    response = raw_client.patch(
        "/api/v1/topics/peace-treaty/", {"name": "Peace"}, format="json", HTTP_IF_MATCH="*"
    )
    assert response.status_code == 200


@pytest.mark.django_db(transaction=True)
def test_racing_writers_exactly_one_wins(curator, sample):
    """Two threads read the same version and write at the same moment."""
    clients = []
    for _ in range(2):
        api = APIClient()
        api.force_authenticate(curator)
        clients.append(api)
    etag = clients[0].get("/api/v1/meetings/2/")["ETag"]
    start = threading.Barrier(2)
    results = []

    def write(api, title):
        start.wait()
        try:
            response = api.patch(
                "/api/v1/meetings/2/", {"title": title}, format="json", HTTP_IF_MATCH=etag
            )
            results.append((title, response.status_code))
        finally:
            connection.close()

    threads = [
        threading.Thread(target=write, args=(api, f"Writer {n}")) for n, api in enumerate(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    codes = sorted(code for _, code in results)
    assert codes == [200, 412]
    winner = next(title for title, code in results if code == 200)
    assert Meeting.objects.get(pk=2).title == winner
