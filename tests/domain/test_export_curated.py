"""export_curated writes the database back into the curated files, byte for byte."""

import pytest
import yaml
from django.core.management import call_command

from events.curated.validation import FILES, check_curated
from events.services import load_curated
from tests.support import REPO_FIXTURES

pytestmark = pytest.mark.django_db


@pytest.fixture
def curated(empty_db):
    data = check_curated(REPO_FIXTURES)
    assert not data.problems
    load_curated(data)


def test_load_then_export_reproduces_the_files_byte_for_byte(curated, tmp_path):
    call_command("export_curated", "--output", str(tmp_path))
    for record_type in FILES:
        name = f"{record_type}.yaml"
        assert (tmp_path / name).read_bytes() == (REPO_FIXTURES / name).read_bytes(), name


def test_an_edit_made_through_the_api_appears_in_the_export(curated, curator_client, tmp_path):
    response = curator_client.patch(
        "/api/v1/meetings/9/", {"title": "Edited in the API"}, format="json"
    )
    assert response.status_code == 200
    call_command("export_curated", "--output", str(tmp_path))
    meetings = yaml.safe_load((tmp_path / "meetings.yaml").read_text())
    assert next(m for m in meetings if m["id"] == 9)["title"] == "Edited in the API"
    # And the exported files are valid curated data that load back unchanged.
    data = check_curated(tmp_path)
    assert data.problems == []
    counts = load_curated(data)
    assert all(set(counter) == {"unchanged"} for counter in counts.values())
