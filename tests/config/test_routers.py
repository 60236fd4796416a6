"""The read-replica router: read-only requests read from the replica, everything else —
writes, and the reads a write makes — from the primary (config/db_routing.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory

from config.db_routing import PrimaryReplicaRouter, ReplicaReadsMiddleware, replica_reads
from tests.support import REPO

ROOT = REPO
router = PrimaryReplicaRouter()


def test_reads_use_the_primary_unless_a_read_only_request_allows_the_replica():
    assert router.db_for_read(object) == "default"
    with replica_reads():
        assert router.db_for_read(object) == "replica"
        assert router.db_for_write(object) == "default"
    assert router.db_for_read(object) == "default"
    assert router.allow_migrate("default", "events") and not router.allow_migrate("replica", "x")


def database_seen_by(method: str, streaming: bool = False) -> list[str]:
    seen: list[str] = []

    def view(request):
        seen.append(router.db_for_read(object))
        if not streaming:
            return HttpResponse("ok")
        return StreamingHttpResponse(seen.append(router.db_for_read(object)) or b"x" for _ in [1])

    response = ReplicaReadsMiddleware(view)(RequestFactory().generic(method, "/api/v1/topics/"))
    if streaming:
        b"".join(response.streaming_content)  # the body is read after the middleware returns
    return seen


def test_the_middleware_routes_by_method():
    assert database_seen_by("GET") == ["replica"]
    assert database_seen_by("HEAD") == ["replica"]
    for method in ("POST", "PUT", "PATCH", "DELETE"):
        assert database_seen_by(method) == ["default"]
    assert database_seen_by("GET", streaming=True) == ["replica", "replica"]


SCENARIO = """
import json, django
django.setup()
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client
from knox.models import AuthToken
from events.models import Topic

Topic.objects.using("replica").create(slug="on-the-replica", name="On the replica")
Topic.objects.create(slug="on-the-primary", name="On the primary")
user = get_user_model().objects.create_user("curator", is_staff=True)
user.user_permissions.set(Permission.objects.filter(content_type__app_label="events"))
_, token = AuthToken.objects.create(user=user)
client = Client(HTTP_HOST="localhost")
listed = [t["slug"] for t in client.get("/api/v1/topics/").json()["results"]]
created = client.post(
    "/api/v1/topics/", {"slug": "written", "name": "Written"}, content_type="application/json",
    HTTP_AUTHORIZATION=f"Token {token}",
)
print(json.dumps({
    "listed": listed,
    "status": created.status_code,
    "answer": created.json().get("slug"),
    "primary": sorted(Topic.objects.using("default").values_list("slug", flat=True)),
    "replica": sorted(Topic.objects.using("replica").values_list("slug", flat=True)),
}))
"""


def test_a_configured_replica_serves_reads_and_the_primary_takes_writes(tmp_path):
    """Two separate databases stand in for a primary and a (lagging) replica."""
    primary, replica = tmp_path / "primary.sqlite3", tmp_path / "replica.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "1",
        "ALLOWED_HOSTS": "localhost",
    }
    env.pop("DATABASE_REPLICA_URL", None)
    for database in (primary, replica):  # a replica's schema arrives by replication
        migrate = [sys.executable, "manage.py", "migrate", "-v0"]
        subprocess.run(migrate, cwd=ROOT, env={**env, "DATABASE_URL": f"sqlite:///{database}"},
                       check=True)  # fmt: skip
    env |= {"DATABASE_URL": f"sqlite:///{primary}", "DATABASE_REPLICA_URL": f"sqlite:///{replica}"}
    run = subprocess.run(
        [sys.executable, "-c", SCENARIO], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["listed"] == ["on-the-replica"]  # the GET read the replica
    assert (result["status"], result["answer"]) == (201, "written")  # read back from primary
    assert result["primary"] == ["on-the-primary", "written"]
    assert result["replica"] == ["on-the-replica"]
