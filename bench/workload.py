"""What the benchmark asks: the datasets, the query parameters found in them, Parley's URLs
and the equivalent Datasette queries (SQL over the same tables).

Datasets come from ``manage.py generate_synthetic --events N --seed S`` (``--curated``:
``load_curated``, for development) and are cached under ``build/bench/`` with ``--reuse``,
keyed by backend, N, seed and a hash of the migrations and of the generator's source.
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import datetime
import hashlib
import json
import math
import os
import re
import secrets
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from harness import log

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build" / "bench"
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
PAGE = 100
# Bump when the Datasette copy's extra objects (FTS table, view) change.
DATASETTE_PREP_VERSION = "2"
DATASETTE_DB_NAME = "parley"  # the file's stem is Datasette's database name in URLs


# --- datasets ------------------------------------------------------------------------


def generator_available() -> bool:
    return (
        ROOT / "bench" / "synthetic" / "management" / "commands" / "generate_synthetic.py"
    ).exists()


def source_hash(curated: bool) -> str:
    """Hash of what decides a generated database's content: migrations and generator."""
    digest = hashlib.sha256()
    files = sorted((ROOT / "events" / "migrations").glob("*.py"))
    if curated:
        files += sorted((ROOT / "fixtures").rglob("*"))
    else:
        files += sorted((ROOT / "bench" / "synthetic").rglob("*.py"))
    for path in files:
        if path.is_file():
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@dataclasses.dataclass
class Dataset:
    """One generated database, ready to serve."""

    backend: str  # "sqlite" or "postgresql"
    n: int
    seed: int
    key: str
    database_url: str
    sqlite_path: Path | None  # the file (SQLite backend)
    pg_database: str | None
    reused: bool
    generation_s: float | None
    keep: bool  # False: dropped at the end of the run

    def describe(self) -> str:
        where = self.sqlite_path or self.pg_database
        how = "reused" if self.reused else f"generated in {self.generation_s:.0f} s"
        return f"{self.backend} N={self.n} seed={self.seed} ({how}): {where}"


def manage(
    args: Sequence[str], database_url: str, log_path: Path, timeout: float | None = None
) -> None:
    """Run a manage.py command against a database, its output appended to `log_path`."""
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        LOG_LEVEL="WARNING",
        PARLEY_TOOLING="1",  # installs bench.synthetic (generate_synthetic)
        STATEMENT_TIMEOUT_MS="0",  # building indexes over a million rows takes longer
    )
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("ab") as out:
        out.write(f"\n$ manage.py {' '.join(args)}\n".encode())
        out.flush()
        done = subprocess.run(
            [str(VENV_PYTHON), "manage.py", *args],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            timeout=timeout,
            check=False,
        )
    if done.returncode != 0:
        tail = "\n".join(log_path.read_text(errors="replace").splitlines()[-25:])
        raise RuntimeError(f"manage.py {' '.join(args)} failed ({done.returncode}):\n{tail}")


def fill(database_url: str, n: int, seed: int, curated: bool, log_path: Path) -> None:
    """Migrate an empty database and fill it."""
    manage(["migrate", "--noinput", "-v", "0"], database_url, log_path)
    if curated:
        manage(["load_curated"], database_url, log_path)
    else:
        manage(
            ["generate_synthetic", "--events", str(n), "--seed", str(seed)], database_url, log_path
        )


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def sqlite_files(path: Path) -> list[Path]:
    return [path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")]


def remove_sqlite(path: Path) -> None:
    for item in sqlite_files(path):
        item.unlink(missing_ok=True)


def ensure_sqlite(
    n: int, seed: int, reuse: bool, curated: bool, run_dir: Path, log_path: Path
) -> Dataset:
    """The SQLite file for N and seed: reused from the cache or generated."""
    key = source_hash(curated)
    label = "curated" if curated else f"n{n}-s{seed}"
    if reuse:
        path = BUILD / "data" / f"sqlite-{label}-{key}.sqlite3"
    else:
        path = run_dir / f"sqlite-{label}.sqlite3"
    marker = Path(f"{path}.done.json")
    if reuse and marker.exists() and path.exists():
        info = json.loads(marker.read_text())
        return Dataset(
            "sqlite", n, seed, key, sqlite_url(path), path, None, True, info.get("seconds"), True
        )
    if reuse:  # older generations of the same N and seed: other keys, now stale
        for stale in (BUILD / "data").glob(f"sqlite-{label}-*.sqlite3"):
            if stale != path:
                log(f"  removing stale cached database {stale.name}")
                remove_sqlite(stale)
                Path(f"{stale}.done.json").unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    remove_sqlite(partial)
    remove_sqlite(path)
    marker.unlink(missing_ok=True)
    log(f"  generating SQLite N={n} seed={seed} into {path} (log: {log_path})")
    start = time.perf_counter()
    fill(sqlite_url(partial), n, seed, curated, log_path)
    with contextlib.closing(sqlite3.connect(partial)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{partial}{suffix}")
        if source.exists():
            source.rename(f"{path}{suffix}")
    seconds = time.perf_counter() - start
    marker.write_text(json.dumps({"n": n, "seed": seed, "key": key, "seconds": seconds}))
    log(f"  generated in {seconds:.0f} s")
    return Dataset("sqlite", n, seed, key, sqlite_url(path), path, None, False, seconds, reuse)


class PgAdmin:
    """Creates and drops the benchmark's PostgreSQL databases (psycopg, autocommit)."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/")

    def url(self, database: str) -> str:
        return f"{self.base_url}/{database}"

    def connect(self, database: str = "postgres") -> Any:
        import psycopg  # in the project's venv

        return psycopg.connect(self.url(database), autocommit=True, connect_timeout=5)

    def available(self) -> bool:
        try:
            with contextlib.closing(self.connect()) as conn:
                conn.execute("SELECT 1")
        except Exception:
            return False
        return True

    def comment(self, database: str) -> str | None:
        with contextlib.closing(self.connect()) as conn:
            row = conn.execute(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
                (database,),
            ).fetchone()
        return None if row is None else (row[0] or "")

    def recreate(self, database: str) -> None:
        with contextlib.closing(self.connect()) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{database}"')

    def drop(self, database: str) -> None:
        with contextlib.closing(self.connect()) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')

    def set_comment(self, database: str, text: str) -> None:
        with contextlib.closing(self.connect()) as conn:
            conn.execute(f"COMMENT ON DATABASE \"{database}\" IS '{text}'")

    def vacuum_analyze(self, database: str) -> None:
        with contextlib.closing(self.connect(database)) as conn:
            conn.execute("VACUUM (ANALYZE)")

    def postmaster_pid(self, database: str) -> int | None:
        """The postmaster's pid (the parent of one of our backends), if it is local."""
        with contextlib.closing(self.connect(database)) as conn:
            backend = conn.execute("SELECT pg_backend_pid()").fetchone()[0]
            try:
                raw = Path(f"/proc/{backend}/stat").read_text()
            except OSError:
                return None
        return int(raw[raw.rindex(")") + 2 :].split()[1])

    def version(self) -> str:
        with contextlib.closing(self.connect()) as conn:
            return str(conn.execute("SHOW server_version").fetchone()[0])


def ensure_postgres(
    admin: PgAdmin, n: int, seed: int, reuse: bool, curated: bool, log_path: Path
) -> Dataset:
    """The PostgreSQL database for N and seed (`parley_bench_<n>`), reused or generated."""
    key = source_hash(curated)
    label = "curated" if curated else str(n)
    database = f"parley_bench_{label}" if reuse else f"parley_bench_{label}_run{os.getpid()}"
    stamp = f"parley-bench n={n} seed={seed} key={key}"
    url = admin.url(database)
    if reuse and admin.comment(database) == stamp:
        return Dataset("postgresql", n, seed, key, url, None, database, True, None, True)
    log(f"  generating PostgreSQL N={n} seed={seed} into {database} (log: {log_path})")
    start = time.perf_counter()
    admin.recreate(database)
    fill(url, n, seed, curated, log_path)
    # What autovacuum would do soon anyway, done now so that it does not run mid-measurement.
    admin.vacuum_analyze(database)
    admin.set_comment(database, stamp)
    seconds = time.perf_counter() - start
    log(f"  generated in {seconds:.0f} s")
    return Dataset("postgresql", n, seed, key, url, None, database, False, seconds, reuse)


# --- the Datasette copy --------------------------------------------------------------

MEETING_SELECT = """
select m.id, m.slug, m.title, m.date, m.end_date, m.date_precision, m.date_note,
  m.kind, m.status,
  (select json_object('slug', pl.slug, 'name', pl.name)
     from events_place pl where pl.id = m.place_id) as place,
  (select json_group_array(json_object('slug', a.slug, 'name', a.name, 'role', pa.role))
     from events_participation pa join events_actor a on a.id = pa.actor_id
     where pa.meeting_id = m.id) as participants,
  m.summary,
  (select json_group_array(t.slug) from events_meeting_topics mt
     join events_topic t on t.id = mt.topic_id where mt.meeting_id = m.id) as topics,
  m.plover_type, m.plover_mode, m.note,
  (select json_group_array(json_object('source', s.slug, 'quote', c.quote, 'note', c.note))
     from events_citation c join events_source s on s.id = c.source_id
     where c.meeting_id = m.id) as citations,
  m.created_at, m.updated_at
from events_meeting m"""

STATEMENT_SELECT = """
select s.id, s.slug, s.title, s.date, s.end_date, s.date_precision, s.date_note, s.kind,
  (select json_object('slug', a.slug, 'name', a.name)
     from events_actor a where a.id = s.speaker_id) as speaker,
  s.text, s.meeting_id as meeting,
  (select json_group_array(json_object('slug', a.slug, 'name', a.name))
     from events_statement_mentions sm join events_actor a on a.id = sm.actor_id
     where sm.statement_id = s.id) as mentions,
  (select json_group_array(t.slug) from events_statement_topics st
     join events_topic t on t.id = st.topic_id where st.statement_id = s.id) as topics,
  s.plover_type, s.plover_mode, s.note,
  (select json_group_array(json_object('source', so.slug, 'quote', c.quote, 'note', c.note))
     from events_citation c join events_source so on so.id = c.source_id
     where c.statement_id = s.id) as citations,
  s.created_at, s.updated_at
from events_statement s"""

INCIDENT_SELECT = """
select i.id, i.slug, i.title, i.date, i.end_date, i.date_precision, i.date_note, i.kind,
  (select json_object('slug', pl.slug, 'name', pl.name)
     from events_place pl where pl.id = i.place_id) as place,
  (select json_group_array(json_object('slug', a.slug, 'name', a.name, 'role', ia.role))
     from events_incidentactor ia join events_actor a on a.id = ia.actor_id
     where ia.incident_id = i.id) as actors,
  i.fatalities, i.injuries, i.summary,
  (select json_group_array(t.slug) from events_incident_topics it
     join events_topic t on t.id = it.topic_id where it.incident_id = i.id) as topics,
  i.plover_type, i.plover_mode, i.note,
  (select json_group_array(json_object('source', s.slug, 'quote', c.quote, 'note', c.note))
     from events_citation c join events_source s on s.id = c.source_id
     where c.incident_id = i.id) as citations,
  i.created_at, i.updated_at
from events_incident i"""

TIMELINE_COLUMNS = (
    "t.id, t.event_type, t.event_id, t.kind, t.date, t.end_date, t.date_precision, t.title, "
    "t.place_id, t.country, t.payload, t.updated_at"
)

DATASETTE_PREP_SQL = [
    # Full-text search: the copy already holds Parley's own FTS5 index of the timeline
    # (`events_timelineentry_fts`, migration 0006), which Datasette's search SQL uses too:
    # both sides search the same index.
    # The meetings with their participants and citations, as a view: what the nested CSV
    # export streams (a query's CSV stops at max_returned_rows; a view's streams).
    f"CREATE VIEW meetings_nested AS {MEETING_SELECT} order by m.date desc, m.id desc",
]


def ensure_datasette_copy(source: Dataset, reuse: bool, run_dir: Path) -> Path:
    """A copy of the SQLite dataset for Datasette, with an FTS5 index and the nested view.

    A page-for-page copy (SQLite's backup API, WAL included) in rollback-journal mode,
    which Datasette opens immutable (`-i`).
    """
    assert source.sqlite_path is not None
    key = f"{source.key}-d{DATASETTE_PREP_VERSION}"
    label = "curated" if "curated" in source.sqlite_path.name else f"n{source.n}-s{source.seed}"
    folder = BUILD / "data" / f"datasette-{label}-{key}" if reuse else run_dir / "datasette"
    path = folder / f"{DATASETTE_DB_NAME}.sqlite3"
    marker = folder / "done.json"
    if reuse and marker.exists() and path.exists():
        return path
    if reuse:
        for stale in (BUILD / "data").glob(f"datasette-{label}-*"):
            if stale != folder:
                shutil.rmtree(stale, ignore_errors=True)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    log(f"  preparing the Datasette copy {path} (copy, FTS5 index, view)")
    start = time.perf_counter()
    partial = folder / "partial.sqlite3"
    with (
        contextlib.closing(sqlite3.connect(f"file:{source.sqlite_path}?mode=ro", uri=True)) as src,
        contextlib.closing(sqlite3.connect(partial)) as dst,
    ):
        src.backup(dst, pages=65536)
        dst.execute("PRAGMA journal_mode=DELETE")
        for statement in DATASETTE_PREP_SQL:
            dst.execute(statement)
        dst.commit()
    partial.rename(path)
    marker.write_text(json.dumps({"seconds": time.perf_counter() - start}))
    log(f"  prepared in {time.perf_counter() - start:.0f} s")
    return path


# --- what to ask: parameters found in the data ---------------------------------------


class Db:
    """A DB-API connection with `?` placeholders on both SQLite and PostgreSQL."""

    def __init__(self, conn: Any, postgres: bool) -> None:
        self.conn = conn
        self.postgres = postgres

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        if self.postgres:
            sql = sql.replace("?", "%s")
        cursor = self.conn.cursor()
        cursor.execute(sql, tuple(params))
        return [tuple(row) for row in cursor.fetchall()]

    def one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        rows = self.rows(sql, params)
        return rows[0][0] if rows else None


@contextlib.contextmanager
def open_db(dataset: Dataset, admin: PgAdmin | None) -> Iterator[Db]:
    if dataset.sqlite_path is not None:
        conn = sqlite3.connect(f"file:{dataset.sqlite_path}?mode=ro", uri=True)
        try:
            yield Db(conn, postgres=False)
        finally:
            conn.close()
    else:
        assert admin is not None and dataset.pg_database is not None
        conn = admin.connect(dataset.pg_database)
        try:
            yield Db(conn, postgres=True)
        finally:
            conn.close()


def as_date(value: Any) -> datetime.date:
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


@dataclasses.dataclass
class Workload:
    """The query parameters, found in the data (the same on both backends, same seed)."""

    counts: dict[str, int]
    actor_a: str
    actor_b: str
    date_from: str
    date_to: str
    shared_meetings: int  # meetings with both A and B (any date)
    speaker: str
    speaker_statements: int
    search_word: str
    search_share: float  # share of sampled timeline rows containing the word
    deep_pages: int  # how many pages in the deep pages are
    meetings_deep_page: int


def choose_search_word(texts: list[str], target: float = 0.02) -> tuple[str, float]:
    """A word of 5+ letters found in about `target` of the sampled texts."""
    frequency: collections.Counter[str] = collections.Counter()
    for text in texts:
        frequency.update({word.lower() for word in re.findall(r"[A-Za-z]{5,}", text)})
    if not frequency:
        return "peace", 0.0
    total = len(texts)
    word, count = min(frequency.items(), key=lambda item: (abs(item[1] / total - target), item[0]))
    return word, count / total


def discover(db: Db, deep_pages: int, search_word: str | None) -> Workload:
    """Find participants, a speaker, a date range and a search word in the data."""
    counts = {
        table: int(db.one(f"SELECT COUNT(*) FROM events_{table}"))
        for table in ("meeting", "statement", "incident", "timelineentry")
    }
    # A: the actor in most meetings; B: A's most frequent counterpart.
    a_id = db.one(
        "SELECT actor_id FROM events_participation GROUP BY actor_id "
        "ORDER BY COUNT(*) DESC, actor_id LIMIT 1"
    )
    b_id = db.one(
        "SELECT p2.actor_id FROM events_participation p1 JOIN events_participation p2 "
        "ON p2.meeting_id = p1.meeting_id AND p2.actor_id <> p1.actor_id "
        "WHERE p1.actor_id = ? GROUP BY p2.actor_id ORDER BY COUNT(*) DESC, p2.actor_id LIMIT 1",
        (a_id,),
    )
    if a_id is None or b_id is None:
        raise RuntimeError("no two actors share a meeting in this dataset")
    shared = [
        as_date(row[0])
        for row in db.rows(
            "SELECT m.date FROM events_meeting m WHERE "
            "EXISTS (SELECT 1 FROM events_participation p WHERE p.meeting_id = m.id "
            "AND p.actor_id = ?) AND EXISTS (SELECT 1 FROM events_participation p "
            "WHERE p.meeting_id = m.id AND p.actor_id = ?) ORDER BY m.date",
            (a_id, b_id),
        )
    ]
    # One year from the 40th percentile of their shared meetings: never empty.
    start = shared[int(len(shared) * 0.4)]
    end = start + datetime.timedelta(days=365)
    speaker_id, speaker_statements = db.rows(
        "SELECT speaker_id, COUNT(*) FROM events_statement GROUP BY speaker_id "
        "ORDER BY COUNT(*) DESC, speaker_id LIMIT 1"
    )[0]
    slug = {
        row[0]: row[1]
        for row in db.rows(
            "SELECT id, slug FROM events_actor WHERE id IN (?, ?, ?)", (a_id, b_id, speaker_id)
        )
    }
    if search_word:
        share = float("nan")
    else:
        low, high = db.rows("SELECT MIN(id), MAX(id) FROM events_timelineentry")[0]
        step = max(1, (high - low) // 400)
        ids = list(range(low, high + 1, step))[:400]
        marks = ",".join("?" * len(ids))
        texts = [
            row[0]
            for row in db.rows(
                f"SELECT search_text FROM events_timelineentry WHERE id IN ({marks})", ids
            )
        ]
        search_word, share = choose_search_word(texts)
    meeting_pages = max(1, math.ceil(counts["meeting"] / PAGE))
    return Workload(
        counts=counts,
        actor_a=slug[a_id],
        actor_b=slug[b_id],
        date_from=start.isoformat(),
        date_to=end.isoformat(),
        shared_meetings=len(shared),
        speaker=slug[speaker_id],
        speaker_statements=int(speaker_statements),
        search_word=search_word,
        search_share=share,
        deep_pages=deep_pages,
        meetings_deep_page=min(deep_pages + 1, meeting_pages),
    )
