"""The explorer (/explore/) in headless Chromium, on the curated dataset of fixtures/.

Each view is loaded with every request to another host blocked (conftest.py), and what is
drawn is compared with what the public API answers for the same filters. Screenshots go to
build/screenshots/explore-*.png.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

sync_api = pytest.importorskip(
    "playwright.sync_api",
    reason="browser checks need the `playwright` Python package (requirements-dev.txt)",
    exc_type=ImportError,
)
expect = sync_api.expect

BRUSSELS_TALKS = "meeting-9"  # fixtures/meetings.yaml, id 9
BRUSSELS_TITLE = "Pashinyan and Aliyev hold EU-mediated talks in Brussels"
MONTH_PRECISION = "statement-28"  # fixtures/statements.yaml, id 28: December 2023
CHART_ITEMS = "#chart svg.timeline g.item"


@pytest.fixture
def live(live_curated):
    """These tests look at the curated dataset, not the small sample."""
    return live_curated


def events_of(api_get, **filters) -> list[dict]:
    """Every timeline item the API answers for these filters (following `next`)."""
    query = urlencode({**filters, "page_size": 500}, doseq=True)
    page = api_get(f"/api/v1/events/?{query}")
    results = page["results"]
    while page["next"]:
        page = api_get(urlsplit(page["next"])._replace(scheme="", netloc="").geturl())
        results += page["results"]
    return results


def keys(events: list[dict]) -> set[str]:
    return {f"{event['type']}-{event['id']}" for event in events}


def open_view(page, url: str) -> None:
    page.goto(url)
    expect(page.locator("#explorer")).to_have_attribute("data-state", "ready")


def drawn_keys(page, selector: str = CHART_ITEMS) -> set[str]:
    return set(page.locator(selector).evaluate_all("nodes => nodes.map(n => n.dataset.key)"))


def table_keys(page, selector: str = "#table tbody tr") -> set[str]:
    return drawn_keys(page, selector)


def test_timeline_draws_every_event(page, live, traffic, api_get, screenshots):
    everything = events_of(api_get)
    open_view(page, f"{live.url}/explore/")
    assert drawn_keys(page) == keys(everything)
    assert table_keys(page) == keys(everything)  # the table view holds the same items
    talks = page.locator(f'{CHART_ITEMS}[data-key="{BRUSSELS_TALKS}"]')
    expect(talks).to_be_visible()  # in the first view, not only after zooming out
    expect(talks).to_have_attribute("aria-label", re.compile(re.escape(BRUSSELS_TITLE)))
    expect(talks).to_have_attribute("data-type", "meeting")
    # One lane per type, each holding its own items; types differ by shape, not only colour.
    for kind in ("meeting", "statement", "incident"):
        count = sum(1 for event in everything if event["type"] == kind)
        lane = page.locator(f"#chart g.lane.type-{kind}")
        expect(lane).to_have_attribute("aria-label", f"{kind.capitalize()}s: {count}")
        expect(lane.locator("g.item")).to_have_count(count)
        expect(lane.locator(f"g.item:not([data-type={kind}])")).to_have_count(0)
    expect(page.locator("#status")).to_contain_text(f"{len(everything)} events")
    for path in ("/static/events/vendor/d3.min.js", "/static/events/explore/main.js"):
        assert traffic.statuses.get(path) == 200, path
    page.screenshot(path=screenshots / "explore-timeline.png")
    traffic.assert_offline(cosmetic=set())


def test_actor_filter_is_kept_in_the_url(page, live, traffic, api_get, screenshots):
    everything = events_of(api_get)
    michel = events_of(api_get, actor="charles-michel")
    assert 0 < len(michel) < len(everything)
    open_view(page, f"{live.url}/explore/")
    actor = page.locator("select[name=actor]")
    expect(actor.locator('option[value="charles-michel"]')).to_have_text("Charles Michel")
    actor.select_option("charles-michel")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url(re.compile(r"/explore/\?actor=charles-michel$"))
    expect(page.locator("#explorer")).to_have_attribute("data-state", "ready")
    expect(page.locator(CHART_ITEMS)).to_have_count(len(michel))
    assert drawn_keys(page) == keys(michel)
    assert table_keys(page) == keys(michel)
    expect(page.locator("#active-filters")).to_contain_text("Actor: Charles Michel")

    page.reload()  # the URL alone restores the view
    expect(page.locator("#explorer")).to_have_attribute("data-state", "ready")
    expect(actor).to_have_value("charles-michel")
    assert drawn_keys(page) == keys(michel)
    page.screenshot(path=screenshots / "explore-timeline-actor.png")

    page.go_back()  # history holds the unfiltered view
    page.wait_for_url(re.compile(r"/explore/$"))
    expect(page.locator(CHART_ITEMS)).to_have_count(len(everything))

    # Type and date range, straight from a shared URL: the first view is that range.
    query = {"type": "meeting", "date_from": "2023-05-01", "date_to": "2023-05-31"}
    may_meetings = events_of(api_get, **query)
    open_view(page, f"{live.url}/explore/?{urlencode(query)}")
    assert drawn_keys(page) == keys(may_meetings)
    expect(page.locator("input[name=date_from]")).to_have_value("2023-05-01")
    expect(page.locator('input[name=type][value="meeting"]')).to_be_checked()
    expect(page.locator('input[name=type][value="statement"]')).not_to_be_checked()
    for item in page.locator(CHART_ITEMS).all():
        expect(item).to_be_visible()
    traffic.assert_offline(cosmetic=set())


def test_a_month_precision_event_is_drawn_as_a_span(page, live, api_get):
    statement = next(e for e in events_of(api_get) if f"statement-{e['id']}" == MONTH_PRECISION)
    assert statement["date_precision"] == "month"
    open_view(page, f"{live.url}/explore/")
    item = page.locator(f'{CHART_ITEMS}[data-key="{MONTH_PRECISION}"]')
    expect(item).to_have_attribute("data-precision", "month")
    expect(item).to_have_attribute("data-span", "true")
    bar = item.locator("rect.bar")
    expect(bar).to_be_visible()
    # The bar covers December 2023, far wider than the symbol of a one-day event.
    width = bar.bounding_box()["width"]
    point = page.locator(f'{CHART_ITEMS}[data-key="{BRUSSELS_TALKS}"]')
    expect(point).to_have_attribute("data-span", "false")
    assert point.locator("rect.bar").count() == 0
    mark_width = point.locator("path.mark").bounding_box()["width"]
    assert width > 2 * mark_width, (width, mark_width)
    # Its details say how precise the date is.
    item.click()
    details = page.locator("#details")
    expect(details).to_contain_text("December 2023")
    expect(details).to_contain_text("month known, day unknown")


def test_details_show_citations_and_open_the_api_record(page, live, traffic, api_get, screenshots):
    record = api_get("/api/v1/meetings/9/")
    open_view(page, f"{live.url}/explore/")
    page.locator(f'{CHART_ITEMS}[data-key="{BRUSSELS_TALKS}"]').click()
    details = page.locator("#details")
    expect(details.locator("h3")).to_have_text(BRUSSELS_TITLE)
    expect(details.locator(".citations > li")).to_have_count(len(record["citations"]))
    expect(details.locator(".citations")).to_contain_text(record["citations"][0]["quote"])
    for participant in record["participants"]:
        expect(details).to_contain_text(participant["name"])
    expect(details).to_contain_text("Brussels")
    assert parse_qs(urlsplit(page.url).query) == {"item": [BRUSSELS_TALKS]}
    page.screenshot(path=screenshots / "explore-timeline-details.png")

    with page.expect_response(re.compile(r"/api/v1/meetings/9/\?format=json$")) as answer:
        details.get_by_role("link", name="Full API record (JSON)").click()
    body = answer.value.json()
    assert body["id"] == 9
    assert body["title"] == BRUSSELS_TITLE
    assert body["citations"] == record["citations"]
    page.wait_for_url(re.compile(r"/api/v1/meetings/9/\?format=json$"))

    # Back in the explorer, the shared URL reopens the same item.
    open_view(page, f"{live.url}/explore/?item={BRUSSELS_TALKS}")
    expect(page.locator("#details h3")).to_have_text(BRUSSELS_TITLE)
    expect(page.locator(f'{CHART_ITEMS}[data-key="{BRUSSELS_TALKS}"]')).to_have_attribute(
        "aria-pressed", "true"
    )
    traffic.assert_offline(cosmetic=set())


def test_items_are_reachable_by_keyboard(page, live):
    open_view(page, f"{live.url}/explore/")
    page.get_by_role("button", name="Back to the first view").focus()
    page.keyboard.press("Tab")
    focused = page.locator(f"{CHART_ITEMS}:focus")
    expect(focused).to_have_count(1)
    key = focused.get_attribute("data-key")
    title = re.sub(r"^[^:]*\): ", "", focused.get_attribute("aria-label"))
    page.keyboard.press("Tab")
    expect(page.locator(f"{CHART_ITEMS}:focus")).not_to_have_attribute("data-key", key)
    page.keyboard.press("Shift+Tab")
    expect(page.locator(f"{CHART_ITEMS}:focus")).to_have_attribute("data-key", key)
    page.keyboard.press("Enter")
    expect(page.locator("#details h3")).to_have_text(title)
    expect(page.locator("#details h3")).to_be_focused()  # the reader lands on the details
    # The table's buttons open the same details.
    row_button = page.locator(f'#table button[data-key="{BRUSSELS_TALKS}"]')
    row_button.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#details h3")).to_have_text(BRUSSELS_TITLE)


def test_network_sizes_nodes_by_meetings_and_opens_timelines(
    page, live, traffic, api_get, screenshots
):
    network = api_get("/api/v1/network/")
    open_view(page, f"{live.url}/explore/network/")
    nodes = page.locator("#chart svg.network a.node")
    expect(nodes).to_have_count(len(network["nodes"]))
    expect(page.locator("#chart svg.network line.edge")).to_have_count(len(network["edges"]))
    drawn = nodes.evaluate_all(
        "links => links.map(a => [a.dataset.key, +a.dataset.meetings,"
        " +a.querySelector('circle').getAttribute('r')])"
    )
    assert {slug: meetings for slug, meetings, _ in drawn} == {
        node["slug"]: node["meetings"] for node in network["nodes"]
    }
    for _, meetings, radius in drawn:  # more meetings, bigger node
        for _, other_meetings, other_radius in drawn:
            if meetings > other_meetings:
                assert radius > other_radius
    weights = page.locator("#chart line.edge").evaluate_all(
        "lines => lines.map(l => [+l.dataset.weight, +l.getAttribute('stroke-width')])"
    )
    for weight, width in weights:  # more shared meetings, wider line
        for other_weight, other_width in weights:
            if weight > other_weight:
                assert width > other_width
    assert table_keys(page, "#table table.actors tbody tr") == {
        node["slug"] for node in network["nodes"]
    }
    page.screenshot(path=screenshots / "explore-network.png")

    pashinyan = events_of(api_get, actor="nikol-pashinyan")
    page.locator('a.node[data-key="nikol-pashinyan"] circle').click()
    page.wait_for_url(re.compile(r"/explore/\?actor=nikol-pashinyan$"))
    expect(page.locator("#explorer")).to_have_attribute("data-state", "ready")
    assert drawn_keys(page) == keys(pashinyan)
    traffic.assert_offline(cosmetic=set())


def test_map_draws_places_and_links_to_their_timeline(page, live, traffic, api_get, screenshots):
    places = {place["slug"]: place for place in api_get("/api/v1/places/?page_size=500")["results"]}
    counts: dict[str, int] = {}
    for event in events_of(api_get, type=["meeting", "incident"]):
        if event["place"]:
            counts[event["place"]["slug"]] = counts.get(event["place"]["slug"], 0) + 1
    located = {
        slug: count for slug, count in counts.items() if places[slug]["latitude"] is not None
    }
    assert "brussels" in located and len(located) < len(counts)  # one place has no coordinates
    open_view(page, f"{live.url}/explore/map/")
    points = page.locator("#chart svg.map a.place")
    expect(points).to_have_count(len(located))
    drawn = points.evaluate_all(
        "links => links.map(a => [a.dataset.key, +a.dataset.count,"
        " +a.querySelector('circle').getAttribute('r')])"
    )
    assert {slug: count for slug, count, _ in drawn} == located
    for _, count, radius in drawn:
        for _, other_count, other_radius in drawn:
            if count > other_count:
                assert radius >= other_radius
    expect(page.locator("#chart svg.map path.land").first).to_be_visible()  # the world outline
    assert traffic.statuses.get("/static/events/vendor/countries-110m.json") == 200
    assert table_keys(page, "#table table.places tbody tr") == set(counts)
    page.screenshot(path=screenshots / "explore-map.png")

    brussels = events_of(api_get, place="brussels")
    page.locator('a.place[data-key="brussels"] circle').click()
    page.wait_for_url(re.compile(r"/explore/\?place=brussels$"))
    expect(page.locator("#explorer")).to_have_attribute("data-state", "ready")
    assert drawn_keys(page) == keys(brussels)
    expect(page.locator("#active-filters")).to_contain_text("Place: Brussels")
    traffic.assert_offline(cosmetic=set())


@pytest.mark.parametrize("view", ["", "network/", "map/"])
def test_phone_width_has_no_horizontal_overflow(new_page, live, traffic, screenshots, view):
    page = new_page(390, 844, is_mobile=True, has_touch=True, device_scale_factor=2)
    open_view(page, f"{live.url}/explore/{view}")
    overflow = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert overflow[0] <= overflow[1], overflow
    name = view.strip("/") or "timeline"
    page.screenshot(path=screenshots / f"explore-{name}-phone.png", full_page=True)
    traffic.assert_offline(cosmetic=set())


FIRST_VIEW_TIMING = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const mark = performance.getEntriesByName('parley:first-chart')[0];
  const bytes = performance.getEntriesByType('resource')
    .reduce((sum, entry) => sum + entry.transferSize, nav.transferSize);
  return {
    response_end: Math.round(nav.responseEnd),
    dom_content_loaded: Math.round(nav.domContentLoadedEventEnd),
    first_chart: mark ? Math.round(mark.startTime) : null,
    bytes,
  };
}"""


def test_first_view_is_drawn_within_a_second(new_page, live, api_get):
    """The first chart is on screen within a second of the navigation's start, in a browser
    with nothing cached. The server is warmed first (its very first request imports and
    compiles), and the best of three tries counts: the machine may be busy with others."""
    warm = new_page()
    open_view(warm, f"{live.url}/explore/")
    warm.wait_for_load_state("networkidle")  # its reference lists too
    tries = []
    for _ in range(3):
        page = new_page()  # a new browser context: an empty cache
        page.goto(f"{live.url}/explore/")
        expect(page.locator("#explorer")).to_have_attribute("data-state", "ready")
        tries.append(page.evaluate(FIRST_VIEW_TIMING))
        if tries[-1]["first_chart"] is not None and tries[-1]["first_chart"] < 1000:
            break
    print("first view timing (ms, bytes):", tries)
    assert all(timing["first_chart"] is not None for timing in tries)
    assert min(timing["first_chart"] for timing in tries) < 1000, tries


def test_invalid_filters_are_reported(page, live):
    open_view_error = f"{live.url}/explore/?actor=nobody"
    page.goto(open_view_error)
    expect(page.locator("#explorer")).to_have_attribute("data-state", "error")
    expect(page.locator("#error")).to_contain_text("actor")
    expect(page.locator("#error")).to_be_visible()
