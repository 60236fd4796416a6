"""The Datasette app that ``datasette serve -i FILE --setting NAME VALUE ...`` builds, as an
ASGI factory, so that uvicorn can run it in several worker processes (the same number as
Parley's gunicorn workers) and without an access log (gunicorn keeps none either)::

    PARLEY_BENCH_DATASETTE_DB=build/bench/.../parley.sqlite3 \\
    PARLEY_BENCH_DATASETTE_SETTINGS='{"default_page_size": 100}' \\
    build/bench/datasette-venv/bin/uvicorn datasette_app:create_app --factory \\
        --app-dir bench --workers 2 --host 127.0.0.1 --port 8001 --no-access-log

Runs in Datasette's own virtual environment (``build/bench/datasette-venv``), not Parley's.
"""

from __future__ import annotations

import json
import os
from typing import Any

from datasette.app import Datasette  # type: ignore[import-not-found]


def create_app() -> Any:
    """What `datasette serve` does before `uvicorn.run(ds.app())`: startup hooks run on
    the first request (Datasette's own AsgiRunOnFirstRequest), caching headers on."""
    settings = json.loads(os.environ.get("PARLEY_BENCH_DATASETTE_SETTINGS", "{}"))
    datasette = Datasette(
        files=[],
        immutables=[os.environ["PARLEY_BENCH_DATASETTE_DB"]],
        settings=settings,
        cache_headers=True,
    )
    return datasette.app()
