"""Settings fail safe: no production start without a secret key; debug off by default."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent


def import_settings(**env):
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    return subprocess.run(
        [sys.executable, "-c", "import config.settings as s; print(s.DEBUG, s.ALLOWED_HOSTS)"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_secret_key():
    result = import_settings()
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_debug_is_off_unless_asked_for():
    result = import_settings(SECRET_KEY="x" * 50, ALLOWED_HOSTS="api.example.org")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False ['api.example.org']"


def test_debug_mode_runs_with_a_development_key():
    result = import_settings(DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("True")
