"""After a load test: check every acknowledged write against the database, print the figures.

    python bench/verify_writes.py --acks ACKS.jsonl --counters COUNTERS.json --stats STATS.json

Reads the database through Django (``DATABASE_URL`` etc. from the environment). A write
is lost when the server acknowledged it (2xx) and the database does not show it:

- a created topic that was not deleted later must exist with the name acknowledged;
  a deleted one must be gone and have a tombstone;
- every acknowledged PATCH of a meeting must be recorded in the meeting's history (a
  revision with that title), exactly one history entry per acknowledged PATCH (none lost,
  none doubled), one `created` (and one `deleted`) entry per topic, and the meeting's
  title now must be the one of the last acknowledged PATCH (the latest ``updated_at``;
  writes to one meeting are serialised by its row lock and If-Match, so no later
  unacknowledged write can have replaced it).

Exits 1 on any failed request, any lost write or any 412 retry loop given up; else 0.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def read_acks(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def verify(acks: list[dict[str, Any]]) -> tuple[int, list[str]]:
    """Return (writes verified, problems)."""
    from events.models import Meeting, Revision, Tombstone, Topic

    problems: list[str] = []
    verified = 0

    created = {a["slug"]: a for a in acks if a["op"] == "create_topic"}
    deleted = {a["slug"] for a in acks if a["op"] == "delete_topic"}
    topics = dict(Topic.objects.filter(slug__in=list(created)).values_list("slug", "name"))
    tombstones = set(
        Tombstone.objects.filter(record_type="topic", key__in=list(deleted)).values_list(
            "key", flat=True
        )
    )
    for slug, ack in created.items():
        if slug in deleted:
            if slug in topics:
                problems.append(f"topic {slug}: deletion acknowledged, still in the database")
            elif slug not in tombstones:
                problems.append(f"topic {slug}: deleted without a tombstone")
            else:
                verified += 2  # the creation and the deletion
        elif topics.get(slug) != ack["name"]:
            problems.append(
                f"topic {slug}: acknowledged {ack['name']!r}, found {topics.get(slug)!r}"
            )
        else:
            verified += 1
    for slug in deleted - set(created):
        problems.append(f"topic {slug}: deleted but its creation was not recorded")

    patches: dict[int, list[dict[str, Any]]] = {}
    for ack in acks:
        if ack["op"] == "patch_meeting":
            patches.setdefault(ack["id"], []).append(ack)
    for meeting_id, acked in patches.items():
        meeting = Meeting.objects.filter(pk=meeting_id).first()
        if meeting is None:
            problems.append(f"meeting {meeting_id}: missing")
            continue
        history = set(
            Revision.objects.filter(record_type="meeting", key=str(meeting_id)).values_list(
                "snapshot__title", flat=True
            )
        )
        last = max(acked, key=lambda a: datetime.datetime.fromisoformat(a["updated_at"]))
        for ack in acked:
            if ack["title"] != ack["sent_title"]:
                problems.append(f"meeting {meeting_id}: answered {ack['title']!r}, sent another")
            elif ack["title"] not in history:
                problems.append(
                    f"meeting {meeting_id}: acknowledged {ack['title']!r} not in history"
                )
            else:
                verified += 1
        if meeting.title != last["title"]:
            problems.append(
                f"meeting {meeting_id}: last acknowledged {last['title']!r}, "
                f"found {meeting.title!r}"
            )
        stamp = datetime.datetime.fromisoformat(last["updated_at"])
        if meeting.updated_at != stamp:
            problems.append(f"meeting {meeting_id}: changed after its last acknowledged write")
        # One history entry per acknowledged change: none lost, none doubled.
        api_entries = Revision.objects.filter(
            record_type="meeting", key=str(meeting_id), via="api"
        ).count()
        if api_entries != len(acked):
            problems.append(
                f"meeting {meeting_id}: {len(acked)} PATCHes acknowledged, "
                f"{api_entries} history entries"
            )
    for slug in created:
        actions = sorted(
            Revision.objects.filter(record_type="topic", key=slug).values_list("action", flat=True)
        )
        expected = ["created", "deleted"] if slug in deleted else ["created"]
        if actions != expected:
            problems.append(f"topic {slug}: history {actions}, expected {expected}")
    etags = [a["etag"] for a in acks if a["op"] == "patch_meeting"]
    if len(etags) != len(set(etags)):
        problems.append("two acknowledged PATCHes got the same ETag: one overwrote the other")
    return verified, problems


def print_table(stats_path: Path) -> tuple[int, int, list[dict[str, Any]]]:
    """Print the per-group figures; return (requests, failures, errors) of the whole run."""
    stats = json.loads(stats_path.read_text(encoding="utf-8"))
    header = f"{'endpoint group':<32} {'requests':>9} {'fails':>6} {'req/s':>7} "
    header += f"{'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'max ms':>7}"
    print(header)
    print("-" * len(header))
    total = (0, 0)
    for row in stats["rows"]:
        if row["name"] == "TOTAL":
            print("-" * len(header))
            total = (row["requests"], row["failures"])
        print(
            f"{row['name']:<32} {row['requests']:>9} {row['failures']:>6} {row['rps']:>7.1f} "
            f"{row['p50']:>7.0f} {row['p95']:>7.0f} {row['p99']:>7.0f} {row['max']:>7.0f}"
        )
    return total[0], total[1], stats["errors"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--acks", type=Path, required=True)
    parser.add_argument("--counters", type=Path, required=True)
    parser.add_argument("--stats", type=Path, required=True, help="BENCH_STATS of the run")
    args = parser.parse_args()
    setup_django()

    requests_total, failures, errors = print_table(args.stats)
    counters = json.loads(args.counters.read_text()) if args.counters.exists() else {}
    acks = read_acks(args.acks)
    verified, problems = verify(acks)
    by_op: dict[str, int] = {}
    for ack in acks:
        by_op[ack["op"]] = by_op.get(ack["op"], 0) + 1

    print()
    print(f"requests                 {requests_total}")
    print(f"failures                 {failures}  (5xx, unexpected 4xx, timeouts, errors)")
    per_op = ", ".join(f"{op} {count}" for op, count in sorted(by_op.items()))
    print(f"writes acknowledged      {len(acks)}  ({per_op})")
    print(f"412 retries (expected)   {counters.get('412_retries', 0)}")
    print(f"412 retry loops given up {counters.get('412_gave_up', 0)}")
    print(f"writes verified in DB    {verified}")
    print(f"lost or wrong writes     {len(problems)}")
    for problem in problems[:20]:
        print(f"  LOST: {problem}")
    for error in errors:
        print(f"  FAILED {error['count']}x {error['method']} {error['name']}: {error['error']}")
    if counters.get("writes_acknowledged", len(acks)) != len(acks):
        problems.append("the acknowledgement log and the counters disagree")
        print("the acknowledgement log and the counters disagree")
    ok = failures == 0 and not problems and not counters.get("412_gave_up") and acks
    print("\nRESULT: " + ("PASS" if ok else "FAIL"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
