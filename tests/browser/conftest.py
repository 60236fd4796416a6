"""Shared fixtures of the real browser checks (Swagger UI, Redoc, the explorer).

Playwright drives the machine's Chromium (Debian's `chromium` package at /usr/bin/chromium;
`scripts/install-chromium.sh` installs it, `make browser` runs these tests). Every request
to a host other than the live server is blocked and recorded: the pages must render and
work offline. Screenshots go to build/screenshots/ (git-ignored). Without Chromium every
test here is skipped with the reason, and each module skips itself without the `playwright`
package, so `make test` passes on a fresh machine.

Playwright's sync API runs an asyncio loop while it is started, and Django refuses ORM calls
inside one; so the data is loaded before the browser starts and the browser stops before
the test database is flushed (see the fixtures' dependencies). Tests that need to know the
data while the browser runs ask the live server's API over HTTP (`api_get`).
"""

from __future__ import annotations

import json
import os
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from events.curated.validation import check_curated
from events.services import load_curated
from tests.support import delete_everything

try:
    from playwright import sync_api
except ImportError:  # not only absent: a broken install (e.g. greenlet) skips too
    sync_api = None

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "build" / "screenshots"
CURATED = REPO / "fixtures"
TIMEOUT_MS = 20_000
if sync_api is not None:
    sync_api.expect.set_options(timeout=TIMEOUT_MS)
# Blocked requests of these kinds only change how a page looks (a web font, its CSS, a logo),
# never whether it works; anything else blocked means the page depends on another host.
# (Redoc's template asks Google for fonts and its sidebar shows Redocly's logo from a CDN.)
COSMETIC = {"font", "stylesheet", "image"}


@pytest.fixture(autouse=True)
def _require_chromium() -> None:
    """Skip without a browser — or fail, where PARLEY_BROWSER_REQUIRED=1 (CI, `make
    browser`) says the checks must run."""
    missing = None
    if not CHROMIUM.is_file():
        missing = (
            f"browser checks need Chromium at {CHROMIUM}: run scripts/install-chromium.sh "
            "(or `make browser`)"
        )
    elif sync_api is None:
        missing = "browser checks need the `playwright` Python package (requirements-dev.txt)"
    if missing and os.environ.get("PARLEY_BROWSER_REQUIRED"):
        pytest.fail(missing)
    if missing:
        pytest.skip(missing)


@dataclass
class Traffic:
    """What one browser context asked for."""

    origin: str
    blocked: list[tuple[str, str]] = field(default_factory=list)  # (resource type, url)
    finished: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # local requests that failed
    bad_status: list[tuple[int, str]] = field(default_factory=list)  # local 4xx/5xx
    page_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)  # console reports of the CSP
    statuses: dict[str, int] = field(default_factory=dict)

    def is_local(self, url: str) -> bool:
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}" == self.origin

    def assert_offline(self, *, cosmetic: set[str] = COSMETIC) -> None:
        """Nothing left the machine, and nothing the page needed was blocked."""
        for resource_type, url in self.blocked:
            print(f"blocked {resource_type}: {url}")
        assert all(self.is_local(url) for url in self.finished), self.finished
        needed = [(kind, url) for kind, url in self.blocked if kind not in cosmetic]
        assert not needed, f"the page needed other hosts: {needed}"
        assert not self.failed, f"local requests failed: {self.failed}"
        assert not self.bad_status, f"local requests answered errors: {self.bad_status}"
        assert not self.page_errors, f"JavaScript errors: {self.page_errors}"
        assert not self.csp_violations, f"Content-Security-Policy violations: {self.csp_violations}"


@pytest.fixture
def live_sample(transactional_db, live_server, sample):
    """The sample dataset, committed, so that the live server's thread sees it."""
    return live_server


@pytest.fixture
def live_curated(transactional_db, live_server):
    """The curated dataset of the repository (fixtures/), committed, alone: the sample
    dataset of the session is deleted first (the database is flushed after the test)."""
    delete_everything()
    data = check_curated(CURATED)
    assert not data.problems, data.problems
    load_curated(data)
    return live_server


@pytest.fixture
def live(live_sample):
    """The server the browser talks to, with its data; a module overrides it to choose."""
    return live_sample


@pytest.fixture
def api_get(live):
    """GET a path of the live server as JSON, from the test (no ORM while the browser runs)."""

    def get(path: str) -> dict:
        with urllib.request.urlopen(f"{live.url}{path}", timeout=30) as response:
            return json.load(response)

    return get


@pytest.fixture(scope="module")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def traffic(live) -> Traffic:
    return Traffic(origin=live.url)


@pytest.fixture
def browser(live, traffic):
    """Chromium, started after the data is loaded and stopped before it is flushed."""
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, traffic):
    """Make a fresh page (own context) that may talk to the live server only."""
    contexts = []

    def route(route, request) -> None:
        if traffic.is_local(request.url):
            route.continue_()
        else:
            traffic.blocked.append((request.resource_type, request.url))
            route.abort("blockedbyclient")

    def on_response(response) -> None:
        if traffic.is_local(response.url):
            traffic.statuses[urlsplit(response.url).path] = response.status
            if response.status >= 400:
                traffic.bad_status.append((response.status, response.url))

    def on_failed(request) -> None:
        # A navigation away from a page cancels what it was still loading: not a failure.
        if traffic.is_local(request.url) and request.failure != "net::ERR_ABORTED":
            traffic.failed.append(f"{request.url} ({request.failure})")

    def make(width: int = 1280, height: int = 900, **options):
        context = browser.new_context(viewport={"width": width, "height": height}, **options)
        contexts.append(context)
        context.set_default_timeout(TIMEOUT_MS)
        context.route("**/*", route)
        context.on("response", on_response)
        context.on("requestfailed", on_failed)
        context.on("requestfinished", lambda request: traffic.finished.append(request.url))
        page = context.new_page()
        page.on("pageerror", lambda error: traffic.page_errors.append(str(error)))

        def on_console(message) -> None:
            # Chromium reports every refused script, style, image... on the console.
            if "Content Security Policy" in message.text:
                traffic.csp_violations.append(message.text)

        page.on("console", on_console)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    """A fresh Chromium page, 1280 by 900 pixels, that may talk to the live server only."""
    return new_page()
