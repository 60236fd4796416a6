"""Take the explorer's screenshots shown in README.md and docs/ (`make screenshots`).

Serves Parley from a throwaway SQLite database loaded with the curated data (fixtures/),
opens each view of the explorer in the machine's Chromium (/usr/bin/chromium, see
scripts/install-chromium.sh) with every request to another host blocked, and writes
docs/img/explore-timeline.png, explore-network.png, explore-map.png and
explore-timeline-phone.png. Nothing else is touched: not db.sqlite3, not the network.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUTPUT = REPO / "docs" / "img"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic"]

# (file, path, viewport, what must be drawn before the picture is taken)
SHOTS = [
    ("explore-timeline.png", "/explore/?item=meeting-9", (1280, 860), "#details h3"),
    ("explore-network.png", "/explore/network/", (1280, 860), "svg.network a.node"),
    ("explore-map.png", "/explore/map/", (1280, 860), "svg.map a.place"),
    ("explore-timeline-phone.png", "/explore/", (390, 844), "svg.timeline g.item"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.3)


def manage(env: dict[str, str], *args: str, **kwargs: object) -> subprocess.Popen | None:
    command = [sys.executable, str(REPO / "manage.py"), *args]
    if kwargs.pop("background", False):
        return subprocess.Popen(command, env=env, cwd=REPO, **kwargs)
    subprocess.run(command, env=env, cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    return None


def take(base: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    OUTPUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for name, path, (width, height), drawn in SHOTS:
            context = browser.new_context(
                viewport={"width": width, "height": height}, reduced_motion="reduce"
            )
            context.route(
                "**/*",
                lambda route, request: (
                    route.continue_() if request.url.startswith(base) else route.abort()
                ),
            )
            page = context.new_page()
            page.goto(base + path)
            expect(page.locator("#explorer")).to_have_attribute(
                "data-state", "ready", timeout=20_000
            )
            expect(page.locator(drawn).first).to_be_visible()
            page.screenshot(path=OUTPUT / name)
            print(f"screenshots: wrote {(OUTPUT / name).relative_to(REPO)}")
            context.close()
        browser.close()


def main() -> int:
    if not CHROMIUM.is_file():
        print(f"screenshots: no Chromium at {CHROMIUM}; run scripts/install-chromium.sh first.")
        return 1
    with tempfile.TemporaryDirectory(prefix="parley-screenshots-") as folder:
        env = {
            **os.environ,
            "DEBUG": "1",
            "DATABASE_URL": f"sqlite:///{Path(folder) / 'db.sqlite3'}",
            "PYTHONUNBUFFERED": "1",
        }
        manage(env, "migrate", "--noinput")
        manage(env, "load_curated")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log = (Path(folder) / "server.log").open("w")
        server = manage(
            env,
            "runserver",
            "--noreload",
            f"127.0.0.1:{port}",
            background=True,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for(f"{base}/healthz")
            take(base)
        finally:
            server.terminate()
            server.wait(timeout=20)
            log.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
