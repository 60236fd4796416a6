"""Print the query plan of every SQL query an API request runs.

    DATABASE_URL=... .venv/bin/python bench/explain.py "/api/v1/meetings/?page_size=100" ...

Runs each request in-process (Django's test client, no server), captures its queries and
asks the database for their plans: `EXPLAIN QUERY PLAN` on SQLite, `EXPLAIN (ANALYZE,
BUFFERS)` on PostgreSQL (which runs the query). docs/performance.md keeps the important
plans; re-run this after changing a filter or an index.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def plan(sql: str) -> list[str]:
    """The plan of one captured query (its parameters are already inlined by Django)."""
    prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN (ANALYZE) "
    with connection.cursor() as cursor:
        cursor.execute(prefix + sql)
        rows = cursor.fetchall()
    if connection.vendor == "sqlite":  # (id, parent, notused, detail)
        return [f"{'  ' * (row[1] > 0)}{row[3]}" for row in rows]
    return [row[0] for row in rows]


def main(urls: list[str]) -> None:
    client = Client(HTTP_HOST="localhost")
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            status = client.get(url).status_code
        print(f"## {url}  ({status}, {len(queries)} queries, {connection.vendor})\n")
        for query in queries.captured_queries:
            sql = query["sql"]
            print(f"-- {query['time']} s: {sql[:300]}{'...' if len(sql) > 300 else ''}")
            try:
                lines = plan(sql)
            except Exception as error:  # a query whose logged SQL does not re-run as text
                lines = [f"(no plan: {error})"]
            print("\n".join(f"   {line}" for line in lines), end="\n\n")


if __name__ == "__main__":
    main(sys.argv[1:])
