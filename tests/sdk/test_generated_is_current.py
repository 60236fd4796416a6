"""sdk/python/parley_api_client is committed (so that `pip install ./sdk/python` needs no
generator): it must be what openapi-python-client makes of the current schema."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.support import REPO

pytestmark = pytest.mark.django_db

# The dev tools' venv (make install), also when the tests run in build/sdk/venv (make sdk).
BIN = next(
    (d for d in (Path(sys.executable).parent, REPO / ".venv" / "bin") if (d / "ruff").exists()),
    Path(sys.executable).parent,
)


def differences(left: Path, right: Path) -> list[str]:
    compared = filecmp.dircmp(left, right, ignore=["__pycache__"])
    found = [f"only in {left.name}/: {n}" for n in compared.left_only]
    found += [f"only in the committed copy: {n}" for n in compared.right_only]
    found += [f"differs: {n}" for n in compared.diff_files]
    for name in compared.common_dirs:
        found += differences(left / name, right / name)
    return found


def test_the_committed_python_client_is_generated_from_the_current_schema(tmp_path):
    generator = BIN / "openapi-python-client"
    if not generator.exists() or shutil.which("ruff", path=str(BIN)) is None:
        if os.environ.get("PARLEY_SDK_REQUIRED"):
            raise AssertionError(f"{generator} (requirements-dev.txt) is missing")
        pytest.skip("openapi-python-client is not installed (requirements-dev.txt)")
    schema = tmp_path / "openapi.yaml"
    call_command("spectacular", "--file", str(schema))
    subprocess.run(
        [str(generator), "generate", "--path", str(schema), "--output-path",
         str(tmp_path / "out"), "--config", str(REPO / "sdk" / "openapi-python-client.yaml")],
        check=True, capture_output=True, env={**os.environ, "PATH": f"{BIN}:{os.environ['PATH']}"},
    )  # fmt: skip
    stale = differences(
        tmp_path / "out" / "parley_api_client", REPO / "sdk/python/parley_api_client"
    )
    assert not stale, f"sdk/python/parley_api_client is stale: run make sdk. {stale[:10]}"
