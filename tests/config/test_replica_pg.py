"""The read-replica router against a real PostgreSQL streaming replica.

`scripts/pg-replica.sh start` makes a throwaway primary and a replica streaming from it
(pg_basebackup) and prints their URLs; CI exports them as PARLEY_PG_PRIMARY_URL and
PARLEY_PG_REPLICA_URL before the PostgreSQL suite. Without them this module is skipped.

A scenario runs in a fresh process configured with both databases, as a server would
be: anonymous reads go to the replica; a write goes to the primary and the writer's
next read too (before the replica has it); a lagging replica and then a lost one are
skipped, reads going to the primary instead of failing or answering stale data.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.support import REPO

PRIMARY = os.environ.get("PARLEY_PG_PRIMARY_URL")
REPLICA = os.environ.get("PARLEY_PG_REPLICA_URL")
# CI sets PARLEY_REPLICA_REQUIRED=1 so that a replica that failed to start fails the run
# instead of skipping this module.
if not (PRIMARY and REPLICA) and os.environ.get("PARLEY_REPLICA_REQUIRED") == "1":
    raise RuntimeError("PARLEY_REPLICA_REQUIRED=1 but PARLEY_PG_PRIMARY_URL/REPLICA_URL unset")
pytestmark = pytest.mark.skipif(
    not (PRIMARY and REPLICA),
    reason='needs a primary and a replica: eval "$(bash scripts/pg-replica.sh start)"',
)
DATABASE = "parley_replica_test"

SCENARIO = r"""
import json, subprocess, time, django
django.setup()
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from knox.models import AuthToken
from events.models import Topic

def wait_replicated(slug):
    for _ in range(100):
        if Topic.objects.using("replica").filter(slug=slug).exists():
            return True
        time.sleep(0.1)
    return False

def served(client, path, replica_alive=True):
    with CaptureQueriesContext(connections["default"]) as primary:
        if replica_alive:
            with CaptureQueriesContext(connections["replica"]) as replica:
                response = client.get(path)
            # The router's own lag check is not a read of the request's.
            reads = [q for q in replica.captured_queries if "pg_is_in_recovery" not in q["sql"]]
        else:
            response, reads = client.get(path), []
    return {"status": response.status_code, "primary": len(primary), "replica": len(reads)}

out = {}
user = get_user_model().objects.create_user("curator", is_staff=True)
user.user_permissions.set(Permission.objects.filter(content_type__app_label="events"))
_, token = AuthToken.objects.create(user=user)
Topic.objects.create(slug="seed", name="Seed")
out["replicated"] = wait_replicated("seed")
anonymous = Client(HTTP_HOST="localhost")
writer = Client(HTTP_HOST="localhost", HTTP_AUTHORIZATION=f"Token {token}")
out["anonymous_read"] = served(anonymous, "/api/v1/topics/seed/")

# A write while the replica keeps up: the writer's reads stay on the primary for
# REPLICA_STICKY_SECONDS, even once the replica has the write; others read the replica.
first = writer.post(
    "/api/v1/topics/", {"slug": "first", "name": "First"}, content_type="application/json"
)
out["first_write"] = first.status_code
out["first_replicated"] = wait_replicated("first")
out["writer_sticks"] = served(writer, "/api/v1/topics/seed/")
out["others_do_not"] = served(anonymous, "/api/v1/topics/seed/")

# The replica stops replaying: a write reaches the primary only.
with connections["replica"].cursor() as cursor:
    cursor.execute("SELECT pg_wal_replay_pause()")
created = writer.post(
    "/api/v1/topics/", {"slug": "written", "name": "Written"}, content_type="application/json"
)
out["write"] = created.status_code
out["writer_next_read"] = served(writer, "/api/v1/topics/written/")
time.sleep(1.5)  # past REPLICA_MAX_LAG_SECONDS behind
out["lagging"] = served(anonymous, "/api/v1/topics/written/")
with connections["replica"].cursor() as cursor:
    cursor.execute("SELECT pg_wal_replay_resume()")
out["caught_up"] = wait_replicated("written")
time.sleep(0.2)
out["anonymous_after_catch_up"] = served(anonymous, "/api/v1/topics/written/")

subprocess.run(["bash", "scripts/pg-replica.sh", "stop-replica"], check=True)
out["lost"] = served(anonymous, "/api/v1/topics/written/", replica_alive=False)
out["lost_list"] = served(anonymous, "/api/v1/topics/", replica_alive=False)
print(json.dumps(out))
"""


def with_database(url: str, name: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


def test_reads_replica_writes_primary_and_degrades_to_the_primary():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "1",
        "ALLOWED_HOSTS": "localhost",
        "DATABASE_URL": with_database(PRIMARY, DATABASE),
        "REPLICA_CHECK_SECONDS": "0",
        "REPLICA_MAX_LAG_SECONDS": "1",
        "REPLICA_STICKY_SECONDS": "30",
    }
    env.pop("DATABASE_REPLICA_URL", None)
    psql = ["psql", "-q", "-v", "ON_ERROR_STOP=1", PRIMARY, "-c"]
    subprocess.run([*psql, f"DROP DATABASE IF EXISTS {DATABASE}"], check=True)
    subprocess.run([*psql, f"CREATE DATABASE {DATABASE}"], check=True)
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=REPO, env=env, check=True)
    env["DATABASE_REPLICA_URL"] = with_database(REPLICA, DATABASE)
    run = subprocess.run(
        [sys.executable, "-c", SCENARIO], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr[-3000:]
    out = json.loads(run.stdout.strip().splitlines()[-1])
    assert out["replicated"]
    # An anonymous read: from the replica only.
    assert out["anonymous_read"] == {
        "status": 200,
        "primary": 0,
        "replica": out["anonymous_read"]["replica"],
    }
    assert out["anonymous_read"]["replica"] > 0
    # The writer's next reads go to the primary; other clients' still to the replica.
    assert out["first_write"] == 201 and out["first_replicated"]
    assert out["writer_sticks"]["replica"] == 0 and out["writer_sticks"]["primary"] > 0
    assert out["others_do_not"]["replica"] > 0 and out["others_do_not"]["primary"] == 0
    # A write, then the writer's next read: the primary, which has it (the replica not yet).
    assert out["write"] == 201
    assert out["writer_next_read"]["status"] == 200
    assert out["writer_next_read"]["replica"] == 0 and out["writer_next_read"]["primary"] > 0
    # A replica more than REPLICA_MAX_LAG_SECONDS behind is skipped: the read is current.
    assert out["lagging"]["status"] == 200 and out["lagging"]["replica"] == 0
    # Caught up, it serves again.
    assert out["caught_up"]
    assert out["anonymous_after_catch_up"]["status"] == 200
    assert out["anonymous_after_catch_up"]["replica"] > 0
    # Lost: reads go to the primary, no error.
    assert out["lost"]["status"] == 200 and out["lost"]["primary"] > 0
    assert out["lost_list"]["status"] == 200
