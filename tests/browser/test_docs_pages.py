"""Real browser checks: Swagger UI, Redoc and the browsable API in headless Chromium.

Playwright drives the machine's Chromium (Debian's `chromium` package at /usr/bin/chromium;
`scripts/install-chromium.sh` installs it, `make browser` runs these tests). Every request
to a host other than the live server is blocked and recorded: the pages must render and
work offline. Screenshots go to build/screenshots/. Without Chromium or the `playwright`
package the whole module is skipped, so `make test` passes on a fresh machine.

Playwright's sync API runs an asyncio loop while it is started, and Django refuses ORM calls
inside one; so the data is loaded before the browser starts and the browser stops before
the test database is flushed (see the `page` fixture's dependencies).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.is_file():
    pytest.skip(
        f"browser checks need Chromium at {CHROMIUM}: run scripts/install-chromium.sh "
        "(or `make browser`)",
        allow_module_level=True,
    )
sync_api = pytest.importorskip(
    "playwright.sync_api",
    reason="browser checks need the `playwright` Python package (requirements-dev.txt)",
    exc_type=ImportError,  # not only absent: a broken install (e.g. greenlet) skips too
)
expect = sync_api.expect

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
SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
TIMEOUT_MS = 20_000
expect.set_options(timeout=TIMEOUT_MS)
# Blocked requests of these kinds only change how a page looks (a web font, its CSS, a logo),
# never whether it works; anything else blocked means the page depends on another host.
# (Redoc's template asks Google for fonts and its sidebar shows Redocly's logo from a CDN.)
COSMETIC = {"font", "stylesheet", "image"}


@dataclass
class Traffic:
    """What one browser context asked for."""

    origin: str
    blocked: list[tuple[str, str]] = field(default_factory=list)  # (resource type, url)
    finished: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # local requests that failed
    bad_status: list[tuple[int, str]] = field(default_factory=list)  # local 4xx/5xx
    page_errors: list[str] = field(default_factory=list)
    statuses: dict[str, int] = field(default_factory=dict)

    def is_local(self, url: str) -> bool:
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}" == self.origin

    def assert_offline(self) -> None:
        """Nothing left the machine, and nothing the page needed was blocked."""
        for resource_type, url in self.blocked:
            print(f"blocked {resource_type}: {url}")
        assert all(self.is_local(url) for url in self.finished), self.finished
        needed = [(kind, url) for kind, url in self.blocked if kind not in COSMETIC]
        assert not needed, f"the page needed other hosts: {needed}"
        assert not self.failed, f"local requests failed: {self.failed}"
        assert not self.bad_status, f"local requests answered errors: {self.bad_status}"
        assert not self.page_errors, f"JavaScript errors: {self.page_errors}"


@pytest.fixture
def live_sample(transactional_db, live_server, sample):
    """The sample dataset, committed, so that the live server's thread sees it."""
    return live_server


@pytest.fixture(scope="module")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def traffic(live_sample) -> Traffic:
    return Traffic(origin=live_sample.url)


@pytest.fixture
def page(live_sample, traffic):
    """A fresh Chromium page that may talk to the live server only."""

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
        if traffic.is_local(request.url):
            traffic.failed.append(f"{request.url} ({request.failure})")

    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.set_default_timeout(TIMEOUT_MS)
        context.route("**/*", route)
        context.on("response", on_response)
        context.on("requestfailed", on_failed)
        context.on("requestfinished", lambda request: traffic.finished.append(request.url))
        page = context.new_page()
        page.on("pageerror", lambda error: traffic.page_errors.append(str(error)))
        yield page
        context.close()
        browser.close()


def test_swagger_ui_executes_a_filtered_request(page, live_sample, traffic, screenshots):
    page.goto(f"{live_sample.url}/api/docs/")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Parley API")
    meetings_list = page.locator("#operations-events-meetings_list")
    expect(meetings_list).to_be_visible()
    assert page.locator(".opblock").count() > 20  # every operation is listed
    sidecar = "/static/drf_spectacular_sidecar/swagger-ui-dist/"
    for asset in ("swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css"):
        assert traffic.statuses.get(sidecar + asset) == 200, asset
    page.screenshot(path=screenshots / "swagger-ui.png", full_page=False)

    meetings_list.locator(".opblock-summary-control").click()
    meetings_list.get_by_role("button", name="Try it out").click()
    participant = meetings_list.locator('tr[data-param-name="participant"]')
    participant.get_by_role("button", name="Add string item").click()
    participant.locator("input").first.fill("nikol-pashinyan")
    meetings_list.get_by_role("button", name="Execute").click()

    responses = meetings_list.locator(".live-responses-table")
    expect(responses.locator("tr.response .response-col_status")).to_have_text("200")
    body = responses.locator("tr.response .response-col_description .microlight").first
    expect(body).to_contain_text("2023-05-14-brussels-talks")
    request_url = meetings_list.locator(".request-url pre").inner_text()
    assert parse_qs(urlsplit(request_url).query) == {"participant": ["nikol-pashinyan"]}
    # The sample's meetings with Pashinyan (Washington's talks were between delegations).
    results = json.loads(body.inner_text())["results"]
    assert sorted(meeting["id"] for meeting in results) == [1, 2, 4]
    meetings_list.screenshot(path=screenshots / "swagger-ui-executed.png")
    meetings_list.locator(".responses-wrapper").first.screenshot(
        path=screenshots / "swagger-ui-response.png"
    )
    traffic.assert_offline()


def test_redoc_renders(page, live_sample, traffic, screenshots):
    page.goto(f"{live_sample.url}/api/redoc/")
    expect(page.locator("h1").first).to_contain_text("Parley API")
    # The sidebar lists the operations; the main column documents the meetings list.
    expect(page.locator("[role=menuitem]").first).to_be_visible()
    expect(page.get_by_text("/api/v1/meetings/", exact=True).first).to_be_attached()
    redoc = "/static/drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js"
    assert traffic.statuses.get(redoc) == 200
    page.screenshot(path=screenshots / "redoc.png", full_page=False)
    traffic.assert_offline()


def test_browsable_api_filters_form(page, live_sample, traffic, screenshots):
    page.goto(f"{live_sample.url}/api/v1/meetings/")
    expect(page.locator(".page-header h1")).to_contain_text("Meeting")
    expect(page.locator(".response-info")).to_contain_text("HTTP 200 OK")
    expect(page.locator(".response-info")).to_contain_text("2023-05-25-moscow-talks")
    page.screenshot(path=screenshots / "browsable-api.png", full_page=False)

    # Bootstrap's modal fades in; wait for its `shown` event before looking at it.
    page.evaluate("$('#filtersModal').one('shown.bs.modal', () => { window.filtersShown = true; })")
    page.get_by_role("button", name="Filters").click()
    page.wait_for_function("window.filtersShown === true")
    modal = page.locator("#filtersModal")
    expect(modal).to_be_visible()
    expect(modal.locator(".modal-title")).to_have_text("Filters")
    modal.locator("select[name=kind]").select_option("negotiation_round")
    page.screenshot(path=screenshots / "browsable-api-filters.png", full_page=False)
    modal.locator("form button[type=submit]").click()

    page.wait_for_url("**/api/v1/meetings/?*")
    query = parse_qs(urlsplit(page.url).query)
    assert query.get("kind") == ["negotiation_round"], page.url
    info = page.locator(".response-info")
    expect(info).to_contain_text("HTTP 200 OK")
    expect(info).to_contain_text("2023-05-01-washington-talks")
    expect(info).not_to_contain_text("2023-05-25-moscow-talks")
    page.screenshot(path=screenshots / "browsable-api-filtered.png", full_page=True)
    traffic.assert_offline()
