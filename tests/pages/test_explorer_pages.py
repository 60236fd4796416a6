"""The explorer's pages without a browser: they answer, load only local static files (no
CDN, no inline script), and the vendored third-party files are exactly those recorded in
VENDORED.md. The browser checks are in tests/browser/test_explorer.py."""

from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from tests.support import REPO

STATIC = REPO / "events" / "static" / "events"
VENDOR = STATIC / "vendor"
EXPLORE = STATIC / "explore"
VIEWS = ["explore", "explore-network", "explore-map"]


class Assets(HTMLParser):
    """The scripts, stylesheets and other linked files of a page, and its data attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []
        self.links: list[dict[str, str | None]] = []
        self.inline_scripts: list[str] = []
        self.data: dict[str, str | None] = {}
        self._in_inline_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "script":
            self.scripts.append(attributes)
            self._in_inline_script = "src" not in attributes
        elif tag == "link":
            self.links.append(attributes)
        if attributes.get("id") == "explorer":
            self.data = {name: value for name, value in attrs if name.startswith("data-")}

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_inline_script = False

    def handle_data(self, data: str) -> None:
        if self._in_inline_script:
            self.inline_scripts.append(data)


def page_assets(client, name: str, query: str = "") -> tuple[object, Assets]:
    response = client.get(reverse(name) + query)
    parser = Assets()
    parser.feed(response.content.decode())
    return response, parser


def static_path(url: str) -> str:
    assert url.startswith("/static/"), f"not a local static file: {url}"
    return url.removeprefix("/static/")


@pytest.mark.parametrize("name", VIEWS)
def test_pages_answer_with_only_local_assets(client, db, name):
    response, assets = page_assets(client, name, "?actor=nikol-pashinyan&type=meeting")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert response["X-Frame-Options"] == "DENY"
    assert not assets.inline_scripts, "scripts live in static files (a strict CSP stays possible)"
    urls = [script["src"] for script in assets.scripts] + [
        link["href"] for link in assets.links if link.get("rel") != "canonical"
    ]
    assert any(url.endswith("/explore/main.js") for url in urls)
    assert any(url.endswith("/vendor/d3.min.js") for url in urls)
    for url in urls:
        assert finders.find(static_path(url)), f"{url} is not a static file"
    module = next(script for script in assets.scripts if script.get("type") == "module")
    assert module["src"].endswith("/explore/main.js")


def test_pages_point_the_scripts_at_the_public_api(client, db):
    _, assets = page_assets(client, "explore")
    assert assets.data["data-view"] == "timeline"
    assert assets.data["data-events-url"] == reverse("event-list")
    assert assets.data["data-network-url"] == reverse("network")
    assert assets.data["data-places-url"] == reverse("place-list")
    assert assets.data["data-actors-url"] == reverse("actor-list")
    assert assets.data["data-topics-url"] == reverse("topic-list")
    assert assets.data["data-sources-url"] == reverse("source-list")
    assert finders.find(static_path(assets.data["data-atlas-url"]))
    for name, view in (("explore-network", "network"), ("explore-map", "map")):
        _, other = page_assets(client, name)
        assert other.data["data-view"] == view
    # The world outline is loaded by the map only.
    _, timeline = page_assets(client, "explore")
    _, world = page_assets(client, "explore-map")
    topojson = "/static/events/vendor/topojson-client.min.js"
    assert topojson not in [script.get("src") for script in timeline.scripts]
    assert topojson in [script.get("src") for script in world.scripts]


def test_landing_page_links_to_the_explorer(client, db):
    response = client.get(reverse("home"))
    assert f'href="{reverse("explore")}"' in response.content.decode()


def test_explorer_scripts_load_nothing_from_other_hosts():
    sources = sorted(EXPLORE.glob("*.js")) + sorted(EXPLORE.glob("*.css"))
    assert {path.name for path in sources} >= {
        "main.js",
        "common.js",
        "timeline.js",
        "network.js",
        "map.js",
        "explore.css",
    }
    for path in sources:
        text = path.read_text(encoding="utf-8")
        # The SVG namespace is a name, not a request.
        remote = set(re.findall(r"(?:https?:)?//[\w.-]+\.[a-z]{2,}[^\s\"'`)]*", text)) - {
            "http://www.w3.org/2000/svg"
        }
        assert not remote, f"{path.name} refers to other hosts: {remote}"
        assert "@import" not in text or path.suffix != ".css"
    # Every relative import resolves to a file that is there.
    for path in EXPLORE.glob("*.js"):
        for target in re.findall(r'from\s+"(\./[^"]+)"', path.read_text(encoding="utf-8")):
            assert (EXPLORE / target).is_file(), f"{path.name} imports missing {target}"


def vendored_rows() -> list[dict[str, str]]:
    rows = []
    text = (VENDOR / "VENDORED.md").read_text(encoding="utf-8")
    for line in text.splitlines():
        cells = [cell.strip().strip("`") for cell in line.strip().strip("|").split("|")]
        if len(cells) == 7 and cells[0] not in {"file", "---"}:
            keys = ["file", "package", "version", "licence", "source", "integrity", "sha256"]
            rows.append(dict(zip(keys, cells, strict=True)))
    return rows


def test_vendored_files_match_vendored_md():
    rows = vendored_rows()
    listed = {row["file"] for row in rows}
    present = {path.name for path in VENDOR.iterdir()} - {"VENDORED.md"}
    assert listed == present, "every vendored file is recorded, and only those"
    for row in rows:
        digest = hashlib.sha256((VENDOR / row["file"]).read_bytes()).hexdigest()
        assert digest == row["sha256"], f"{row['file']} differs from the copy recorded"
        assert re.fullmatch(r"\d+\.\d+\.\d+", row["version"]), row  # exact, never a range
        assert row["integrity"].startswith("sha512-"), row
        assert row["licence"] == "ISC", row
        if not row["file"].endswith(".LICENSE.txt"):
            assert f"{row['package']}.LICENSE.txt" in listed, "each package ships its licence"


def test_vendor_script_pins_the_recorded_versions():
    script = (REPO / "scripts" / "vendor-explorer.sh").read_text(encoding="utf-8")
    pinned = dict(re.findall(r'^\s*"([\w-]+)@(\d+\.\d+\.\d+) ', script, flags=re.MULTILINE))
    recorded = {row["package"]: row["version"] for row in vendored_rows()}
    assert pinned == recorded


def test_vendored_world_outline_is_topojson():
    world = json.loads((VENDOR / "countries-110m.json").read_text(encoding="utf-8"))
    assert world["type"] == "Topology"
    countries = world["objects"]["countries"]["geometries"]
    names = {country["properties"]["name"] for country in countries}
    assert {"Armenia", "Azerbaijan", "Belgium", "Russia"} <= names
    d3 = (VENDOR / "d3.min.js").read_text(encoding="utf-8")
    version = next(row["version"] for row in vendored_rows() if row["package"] == "d3")
    assert d3.startswith(f"// https://d3js.org v{version} ")
