"""Real browser checks: Swagger UI, Redoc and the browsable API in headless Chromium.

The fixtures (Chromium, a page that may talk to the live server only, the record of its
traffic, screenshots to build/screenshots/) are in conftest.py; these tests use the small
sample dataset. Without Chromium or the `playwright` package they are skipped.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest

sync_api = pytest.importorskip(
    "playwright.sync_api",
    reason="browser checks need the `playwright` Python package (requirements-dev.txt)",
    exc_type=ImportError,  # not only absent: a broken install (e.g. greenlet) skips too
)
expect = sync_api.expect


def test_swagger_ui_executes_a_filtered_request(page, live_sample, traffic, screenshots):
    page.goto(f"{live_sample.url}/api/docs/")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Parley API")
    meetings_list = page.locator("#operations-meetings-meetings_list")
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
    page.wait_for_function("() => window.filtersShown === true")
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


@pytest.fixture
def staff_account(live_sample):
    """A superuser to sign in with, made before the browser starts (no ORM after)."""
    from tests.support import make_user

    make_user("csp-admin", staff=True, superuser=True)
    return "csp-admin", "pw-for-tests-only"


PAGES = [
    ("/", "h1"),
    ("/explore/", "main"),
    ("/api/v1/meetings/", ".response-info"),
    ("/api-auth/login/", "form"),
    ("/admin/login/", "form"),
]


def test_every_html_page_has_a_strict_csp_and_breaks_none_of_it(
    staff_account, page, live_sample, traffic
):
    """Each page sends the policy (no inline script without the page's nonce, nothing from
    other hosts) and renders in Chromium without a single violation on the console."""
    for path, selector in PAGES:
        response = page.goto(f"{live_sample.url}{path}")
        policy = response.headers["content-security-policy"]
        assert (
            "script-src 'self' 'nonce-" in policy
            and "unsafe-inline" not in policy.split("style-src")[0]
        ), policy
        expect(page.locator(selector).first).to_be_attached()
    username, password = staff_account
    page.goto(f"{live_sample.url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")
    for path in ("/admin/", "/admin/events/meeting/", "/admin/events/meeting/1/change/"):
        page.goto(f"{live_sample.url}{path}")
        expect(page.locator("#content")).to_be_visible()
    # An injected inline script is refused (and reported) — the policy is really enforced.
    page.goto(f"{live_sample.url}/api/docs/")
    page.set_content("<script>window.injected = 1</script>", wait_until="load")
    assert page.evaluate("window.injected") is None
    assert traffic.csp_violations  # the refusal itself
    traffic.csp_violations.clear()
    traffic.assert_offline()
