"""REDIS_URL makes the cache (throttling counters, page counts) shared by every process,
and a cache outage never turns into an error."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import uuid

import pytest

from tests.support import REPO

ROOT = REPO
REDIS = ("127.0.0.1", 6379)


def redis_is_up() -> bool:
    try:
        with socket.create_connection(REDIS, timeout=0.5):
            return True
    except OSError:
        return False


def in_a_new_process(code: str, **env: str) -> dict:
    """Run `code` (which prints one JSON line) in a fresh Django process."""
    run = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + code],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": "1", **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not redis_is_up(), reason="needs Redis at 127.0.0.1:6379")
def test_processes_share_the_redis_cache():
    key = f"test-{uuid.uuid4()}"
    url = "redis://127.0.0.1:6379/15"
    written = in_a_new_process(
        "import json; from django.core.cache import cache\n"
        f"cache.set({key!r}, 42, 30)\n"
        "from django.core.cache import caches\n"
        "print(json.dumps({'backend': type(caches['default']).__module__}))",
        REDIS_URL=url,
    )
    assert written["backend"].startswith("django_redis")
    read = in_a_new_process(
        f"import json; from django.core.cache import cache\nprint(json.dumps(cache.get({key!r})))",
        REDIS_URL=url,
    )
    assert read == 42


def test_an_unreachable_cache_is_served_around(tmp_path):
    """Redis down (nothing listens on the port): the API still answers, from the database."""
    with socket.socket() as probe:  # a free port, closed again: connections are refused
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    database = tmp_path / "db.sqlite3"
    env = {"REDIS_URL": f"redis://127.0.0.1:{port}/0", "DATABASE_URL": f"sqlite:///{database}"}
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"],
        cwd=ROOT,
        env={**os.environ, "DEBUG": "1", **env},
        check=True,
    )
    answer = in_a_new_process(
        "import json; from django.test import Client\n"
        "r = Client(HTTP_HOST='localhost').get('/api/v1/meetings/')\n"
        "print(json.dumps({'status': r.status_code, 'count': r.json()['count']}))",
        **env,
    )
    assert answer == {"status": 200, "count": 0}
