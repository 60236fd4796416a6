"""gunicorn's own refusals (before Django) are JSON too: a real gunicorn, on a loopback
port, started with the repository's gunicorn.conf.py."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import REPO

GUNICORN = Path(sys.executable).parent / "gunicorn"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def raw_request(port: int, data: bytes) -> tuple[str, dict[str, str], bytes]:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(data)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
    status, *lines = head.decode("latin-1").split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines)}
    return status, headers, body


@pytest.fixture(scope="module")
def gunicorn(tmp_path_factory) -> Iterator[int]:
    if not GUNICORN.is_file():
        pytest.skip("gunicorn is not installed")
    port = free_port()
    database = tmp_path_factory.mktemp("gunicorn") / "db.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "0",
        "SECRET_KEY": "gunicorn-test-only-not-a-secret",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{database}",
    }
    env.pop("DATABASE_REPLICA_URL", None)
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=REPO, env=env, check=True)
    server = subprocess.Popen(
        [str(GUNICORN), "config.wsgi:application", "--bind", f"127.0.0.1:{port}", "-w", "1"],
        cwd=REPO,  # where gunicorn finds gunicorn.conf.py
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_an_over_long_request_line_is_a_414_in_json(gunicorn):
    path = "/api/v1/topics/?search=" + "x" * 5000
    status, headers, body = raw_request(
        gunicorn, f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()
    )
    assert status.startswith("HTTP/1.1 414")
    assert headers["content-type"] == "application/json"
    assert json.loads(body)["detail"].startswith("URI Too Long")


def test_a_malformed_request_and_huge_headers_are_json_too(gunicorn):
    status, headers, body = raw_request(gunicorn, b"NOT A REQUEST\r\n\r\n")
    assert status.split()[1] == "400"
    assert headers["content-type"] == "application/json" and "detail" in json.loads(body)
    huge = f"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: {'y' * 9000}\r\n\r\n".encode()
    status, headers, body = raw_request(gunicorn, huge)
    assert status.split()[1] in {"400", "431"}
    assert headers["content-type"] == "application/json" and "detail" in json.loads(body)


def test_ordinary_requests_still_reach_django(gunicorn):
    status, _, _ = raw_request(
        gunicorn, b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    assert status.startswith("HTTP/1.1 200"), status
