"""The examples of the README, the quickstart and the research guide run against the
curated data, and print what the documents show (tests/docs/examples.py has the
convention). A change to the API or the data that breaks an example, or makes its shown
output wrong, fails here: the documents cannot go stale unnoticed.

Each document is one test: the curated data is loaded once, behind a live server, and
the examples run in order, as a reader would run them (curl in a shell, Python in one
session). Every failure of a document is reported, each with its line.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import traceback
from pathlib import Path

import pytest
import requests
from django.contrib.auth.models import Permission
from django.db import transaction
from knox.models import AuthToken

from events.curated.validation import check_curated
from events.services import load_curated
from tests.docs.examples import (
    BASE_URL,
    TOKEN_PLACEHOLDER,
    Example,
    examples,
    fenced_blocks,
    is_example,
    json_mismatch,
    shown_json,
    text_mismatch,
)
from tests.support import (
    REPO,
    REPO_FIXTURES,
    delete_everything,
    make_user,
    use_official_client,
)

# The quickstart's Python-client example imports the official client (sdk/python).
use_official_client()

DOCUMENTS = [
    REPO / "README.md",
    REPO / "docs" / "quickstart.md",
    REPO / "docs" / "research-guide.md",
]
STATUS_MARK = "@@status"
# What curl is told besides the example's own options: quiet, and the status of each
# answer on a line of its own, read and removed before the output is compared.
CURLRC = f'silent\nshow-error\nwrite-out = "\\n{STATUS_MARK} %{{http_code}}\\n"\n'


@pytest.fixture
def curated_server(transactional_db, live_server) -> str:
    """The repository's curated dataset, alone and committed, behind a live server."""
    with transaction.atomic():
        delete_everything()
    data = check_curated(REPO_FIXTURES)
    assert not data.problems, data.problems
    load_curated(data)
    return live_server.url


@pytest.fixture
def token(transactional_db) -> str:
    """A curator's token, for the documented writes (`YOUR_TOKEN` in the documents)."""
    user = make_user("documented-curator", staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="events"))
    return AuthToken.objects.create(user=user)[1]


class Session:
    """Runs a document's examples as a reader would: one shell folder, one Python
    namespace, the documents' base URL pointing at the live server."""

    def __init__(self, server: str, folder: Path, token: str) -> None:
        self.server = server
        self.token = token
        self.folder = folder
        self.namespace: dict = {"__name__": "__example__"}
        (folder / ".curlrc").write_text(CURLRC)
        self.statuses: list[int] = []

    def here(self, code: str) -> str:
        return code.replace(BASE_URL, self.server).replace(TOKEN_PLACEHOLDER, self.token)

    def as_documented(self, printed: str) -> str:
        return printed.replace(self.server, BASE_URL)

    def run(self, example: Example) -> str:
        """What the example printed (stdout), with the documents' base URL."""
        self.statuses = []
        if example.block.language == "sh":
            return self.run_shell(example)
        return self.run_python(example)

    def run_shell(self, example: Example) -> str:
        result = subprocess.run(
            ["bash", "-e", "-o", "pipefail", "-c", self.here(example.block.code)],
            cwd=self.folder,
            env={**os.environ, "CURL_HOME": str(self.folder)},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if result.returncode != 0:
            raise AssertionError(f"exit {result.returncode}: {result.stderr.strip()[:2000]}")
        kept = []
        for line in result.stdout.split("\n"):
            if line.startswith(STATUS_MARK):
                self.statuses.append(int(line.split()[1]))
            else:
                kept.append(line)
        return self.as_documented("\n".join(kept).strip("\n") + "\n")

    def run_python(self, example: Example) -> str:
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            code = compile(self.here(example.block.code), example.where, "exec")
            exec(code, self.namespace)
        return self.as_documented(printed.getvalue())


@pytest.fixture
def record_statuses(monkeypatch):
    """Every status a Python example's `requests` call receives (pandas reads through
    urllib, which raises on an error status by itself)."""
    statuses: list[int] = []
    send = requests.adapters.HTTPAdapter.send

    def recording_send(self, request, **kwargs):
        response = send(self, request, **kwargs)
        statuses.append(response.status_code)
        return response

    monkeypatch.setattr(requests.adapters.HTTPAdapter, "send", recording_send)
    return statuses


def check(example: Example, printed: str, statuses: list[int]) -> str | None:
    """What is wrong with an example's run, or None."""
    if example.output is None:
        errors = [status for status in statuses if status >= 400]
        return f"answered {errors}" if errors else None
    if example.output.language == "json":
        try:
            actual = json.loads(printed)
        except json.JSONDecodeError:
            return f"printed no single JSON document:\n{printed[:2000]}"
        problem = json_mismatch(shown_json(example.output.code), actual)
        return f"shown output (line {example.output.line}) differs: {problem}" if problem else None
    problem = text_mismatch(example.output.code, printed)
    return f"shown output (line {example.output.line}) differs:\n{problem}" if problem else None


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_the_documented_examples_run_and_print_what_is_shown(
    document, curated_server, token, tmp_path, monkeypatch, record_statuses
):
    monkeypatch.chdir(tmp_path)  # files the examples write (CSV, GEXF, plots) land here
    monkeypatch.setenv("MPLBACKEND", "Agg")
    session = Session(curated_server, tmp_path, token)
    found = examples(document)
    assert found, f"{document.name} has no examples: has the convention changed?"
    failures, ran = [], 0
    for example in found:
        if example.skip_reason is not None:
            continue
        record_statuses.clear()
        try:
            printed = session.run(example)
        except Exception:
            failures.append(f"{example.where}: failed\n{traceback.format_exc(limit=-3)}")
            continue
        ran += 1
        problem = check(example, printed, session.statuses + record_statuses)
        if problem:
            failures.append(f"{example.where}: {problem}")
    assert not failures, f"{len(failures)} of {ran} examples:\n\n" + "\n\n".join(failures)


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_every_skipped_example_says_why(document):
    for example in examples(document):
        if example.skip_reason is not None:
            assert example.skip_reason, f"{example.where}: say why it is skipped"


def test_the_convention_finds_curl_and_python_examples():
    text = (
        "```sh\ncurl 'http://127.0.0.1:8000/api/v1/'\n```\n\n```json\n{}\n```\n"
        "```sh\nmake run\n```\n<!-- example: skip needs a token -->\n```python\nx = 1\n```\n"
    )
    blocks = fenced_blocks(text)
    assert [is_example(block) for block in blocks] == [True, False, False, True]


@pytest.mark.parametrize(
    ("shown", "actual", "matches"),
    [
        ('{"count": 2, …}', {"count": 2, "next": None}, True),
        ('{"count": 2}', {"count": 2, "next": None}, False),
        ('{"count": 3, …}', {"count": 2}, False),
        ('[\n  {"id": 1},\n  …\n]', [{"id": 1}, {"id": 2}], True),
        ('[{"id": 2}, …]', [{"id": 1}, {"id": 2}], True),
        ('[{"id": 1}]', [{"id": 1}, {"id": 2}], False),
        ('{"id": 28, …, "date": "2023-12-01"}', {"id": 28, "x": 1, "date": "2023-12-01"}, True),
        ('{"summary": "Armenian Prime …"}', {"summary": "Armenian Prime Minister"}, True),
        ('{"citations": [ … ], "updated_at": "…"}', {"citations": [], "updated_at": "x"}, True),
    ],
)
def test_shown_json_matches_what_it_shows(shown, actual, matches):
    assert (json_mismatch(shown_json(shown), actual) is None) is matches


def test_shown_text_allows_cut_lines():
    assert text_mismatch("a\n…\nd\n", "a\nb\nc\nd\n") is None
    assert text_mismatch("total … rows\n", "total 12 rows\n") is None
    assert text_mismatch("a\nd\n", "a\nb\nd\n") is not None
