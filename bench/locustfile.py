"""Locust load test for Parley: mostly reads, about 10% curator writes.

Run through ``bench/load_test.sh``, which prepares the database and the server. It reads:

- ``PARLEY_TOKEN``: a staff user's API token (writes send ``Authorization: Token ...``).
- ``BENCH_ACKS``: a JSON Lines file; every write the server acknowledged with a 2xx is
  appended to it, so ``bench/verify_writes.py`` can check the database afterwards.
- ``BENCH_COUNTERS``: a JSON file written at the end with the 412 retries and the like.
- ``BENCH_STATS``: a JSON file written when locust quits: the final figures per request
  name (locust's CSV files can miss the last requests of the stop phase).
- ``BENCH_HOT_MEETINGS``: how many meetings the PATCHes aim at (few, to provoke races).

A ``412 Precondition Failed`` is the expected answer when another client changed the
record between our read and our write: it is counted apart (not as a failure) and the
change is retried after reading the record again.
"""

from __future__ import annotations

import json
import os
import random
import time
import uuid
from collections import Counter
from typing import Any

import requests
from locust import HttpUser, between, events, task

TOKEN = os.environ.get("PARLEY_TOKEN", "")
ACKS_PATH = os.environ.get("BENCH_ACKS", "bench-acks.jsonl")
COUNTERS_PATH = os.environ.get("BENCH_COUNTERS", "bench-counters.json")
STATS_PATH = os.environ.get("BENCH_STATS", "bench-stats.json")
HOT_MEETINGS = int(os.environ.get("BENCH_HOT_MEETINGS", "8"))
MAX_RETRIES = 10
RUN = uuid.uuid4().hex[:8]

COUNTERS: Counter[str] = Counter()
DATA: dict[str, list[Any]] = {"actors": [], "meetings": [], "hot": []}
_acks_file: Any = None

MEETING_KINDS = ["in_person", "phone_call", "summit", "negotiation_round"]
STATS_GROUPS = ["month", "year", "type", "actor", "topic", "country"]
SEARCH_WORDS = ["Lachin", "border", "peace", "Pashinian", "delimitation", "Brussels"]


def record_ack(entry: dict[str, Any]) -> None:
    """Append one acknowledged write (one line, flushed at once: nothing buffered is lost)."""
    entry["acked_at"] = time.time()
    _acks_file.write(json.dumps(entry) + "\n")
    _acks_file.flush()


@events.test_start.add_listener
def on_test_start(environment: Any, **_kwargs: Any) -> None:
    """Discover actor slugs and meeting ids once (outside the measured requests)."""
    global _acks_file
    _acks_file = open(ACKS_PATH, "a", encoding="utf-8")  # noqa: SIM115 (closed at test_stop)
    host = environment.host.rstrip("/")
    actors = requests.get(f"{host}/api/v1/actors/", params={"page_size": 500}, timeout=30)
    meetings = requests.get(
        f"{host}/api/v1/meetings/", params={"page_size": 500, "ordering": "date"}, timeout=30
    )
    actors.raise_for_status()
    meetings.raise_for_status()
    DATA["actors"] = [a["slug"] for a in actors.json()["results"]]
    DATA["meetings"] = [m["id"] for m in meetings.json()["results"]]
    DATA["hot"] = DATA["meetings"][:HOT_MEETINGS]
    if not DATA["actors"] or not DATA["hot"]:
        raise RuntimeError("No actors or meetings: was load_curated run?")


@events.test_stop.add_listener
def on_test_stop(**_kwargs: Any) -> None:
    if _acks_file is not None:
        _acks_file.close()
    with open(COUNTERS_PATH, "w", encoding="utf-8") as out:
        json.dump(dict(COUNTERS), out)


@events.quitting.add_listener
def on_quitting(environment: Any, **_kwargs: Any) -> None:
    """Write the final per-group figures (requests, failures, req/s, percentiles)."""
    stats = environment.stats
    entries = sorted(stats.entries.values(), key=lambda e: e.name)
    rows = []
    for entry in [*entries, stats.total]:
        rows.append(
            {
                "name": "TOTAL" if entry is stats.total else entry.name,
                "method": entry.method or "",
                "requests": entry.num_requests,
                "failures": entry.num_failures,
                "rps": entry.total_rps,
                "p50": entry.get_response_time_percentile(0.5),
                "p95": entry.get_response_time_percentile(0.95),
                "p99": entry.get_response_time_percentile(0.99),
                "max": entry.max_response_time,
            }
        )
    errors = [
        {"name": e.name, "method": e.method, "error": str(e.error), "count": e.occurrences}
        for e in stats.errors.values()
    ]
    with open(STATS_PATH, "w", encoding="utf-8") as out:
        json.dump({"rows": rows, "errors": errors}, out, indent=1)


class Curator(HttpUser):
    """A research client that reads a lot and, now and then, curates."""

    wait_time = between(0.2, 1.0)

    def on_start(self) -> None:
        self.write_headers = {"Authorization": f"Token {TOKEN}"}
        self.my_topics: list[str] = []

    # --- reads (about 90% of the task weight) ---

    @task(20)
    def meetings_list(self) -> None:
        params: dict[str, Any] = {"ordering": random.choice(["date", "-date"])}
        choice = random.random()
        if choice < 0.4:
            params["participant"] = random.choice(DATA["actors"])
        elif choice < 0.7:
            params["kind"] = random.choice(MEETING_KINDS)
        else:
            year = random.choice([2022, 2023, 2024])
            params.update(date_from=f"{year}-01-01", date_to=f"{year}-12-31")
        self.client.get("/api/v1/meetings/", params=params, name="read: meetings list")

    @task(15)
    def timeline(self) -> None:
        """The events timeline, following `next` for up to three pages."""
        url: str | None = "/api/v1/events/?page_size=20"
        for _ in range(3):
            if not url:
                break
            with self.client.get(url, name="read: events timeline", catch_response=True) as r:
                url = r.json().get("next") if r.ok else None

    @task(10)
    def stats(self) -> None:
        self.client.get(
            "/api/v1/stats/",
            params={"group_by": random.choice(STATS_GROUPS)},
            name="read: stats",
        )

    @task(6)
    def network(self) -> None:
        year = random.choice([2022, 2023, 2024])
        self.client.get(
            "/api/v1/network/",
            params={"date_from": f"{year}-01-01", "date_to": f"{year}-12-31"},
            name="read: network",
        )

    @task(15)
    def actor_detail(self) -> None:
        slug = random.choice(DATA["actors"])
        self.client.get(f"/api/v1/actors/{slug}/", name="read: actor detail")
        if random.random() < 0.3:
            self.client.get(f"/api/v1/actors/{slug}/events/", name="read: actor timeline")

    @task(10)
    def search(self) -> None:
        word = random.choice(SEARCH_WORDS)
        if random.random() < 0.5:
            self.client.get("/api/v1/events/", params={"search": word}, name="read: search")
        else:
            self.client.get("/api/v1/actors/", params={"search": word}, name="read: search")

    # --- curator writes (about 10% of the task weight) ---

    @task(4)
    def create_topic(self) -> None:
        slug = f"bench-{RUN}-{uuid.uuid4().hex[:12]}"
        name = f"Bench topic {slug}"
        body = {"slug": slug, "name": name, "description": "Created by the load test."}
        with self.client.post(
            "/api/v1/topics/",
            json=body,
            headers=self.write_headers,
            name="write: POST topic",
            catch_response=True,
        ) as r:
            if r.status_code == 201:
                record_ack({"op": "create_topic", "slug": slug, "name": r.json()["name"]})
                self.my_topics.append(slug)
                COUNTERS["writes_acknowledged"] += 1
            else:
                r.failure(f"{r.status_code}: {r.text[:200]}")

    @task(5)
    def patch_meeting(self) -> None:
        """Retitle one of a few hot meetings with If-Match; on 412 re-read and retry."""
        meeting = random.choice(DATA["hot"])
        url = f"/api/v1/meetings/{meeting}/"
        for _attempt in range(MAX_RETRIES):
            current = self.client.get(url, name="write: GET meeting (ETag)")
            if not current.ok:
                return  # counted as a failure by locust
            etag = current.headers["ETag"]
            base = current.json()["title"].split(" [bench ")[0]
            title = f"{base} [bench {uuid.uuid4().hex[:10]}]"
            with self.client.patch(
                url,
                json={"title": title},
                headers={**self.write_headers, "If-Match": etag},
                name="write: PATCH meeting",
                catch_response=True,
            ) as r:
                if r.status_code == 200:
                    data = r.json()
                    record_ack(
                        {
                            "op": "patch_meeting",
                            "id": meeting,
                            "title": data["title"],
                            "sent_title": title,
                            "etag": r.headers.get("ETag"),
                            "updated_at": data["updated_at"],
                        }
                    )
                    COUNTERS["writes_acknowledged"] += 1
                    return
                if r.status_code == 412:
                    r.success()  # the expected outcome of a race, not an error
                    COUNTERS["412_retries"] += 1
                    continue
                r.failure(f"{r.status_code}: {r.text[:200]}")
                return
        COUNTERS["412_gave_up"] += 1

    @task(1)
    def delete_topic(self) -> None:
        """Delete a topic this client created (GET for its ETag, then DELETE with If-Match)."""
        if not self.my_topics:
            return
        slug = self.my_topics.pop(random.randrange(len(self.my_topics)))
        url = f"/api/v1/topics/{slug}/"
        for _attempt in range(MAX_RETRIES):
            current = self.client.get(url, name="write: GET topic (ETag)")
            if not current.ok:
                return
            with self.client.delete(
                url,
                headers={**self.write_headers, "If-Match": current.headers["ETag"]},
                name="write: DELETE topic",
                catch_response=True,
            ) as r:
                if r.status_code == 204:
                    record_ack({"op": "delete_topic", "slug": slug})
                    COUNTERS["writes_acknowledged"] += 1
                    return
                if r.status_code == 412:
                    r.success()
                    COUNTERS["412_retries"] += 1
                    continue
                r.failure(f"{r.status_code}: {r.text[:200]}")
                return
        COUNTERS["412_gave_up"] += 1
