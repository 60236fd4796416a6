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


def test_field_level_support_goes_from_the_files_to_the_api_and_back(empty_db, client, tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    for record_type in FILES:
        name = f"{record_type}.yaml"
        (source / name).write_bytes((REPO_FIXTURES / name).read_bytes())
    meetings = yaml.safe_load((source / "meetings.yaml").read_text())
    meeting = next(m for m in meetings if m["id"] == 9)
    meeting["citations"][0].update(supports=["date", "participants"], disagrees=True)
    (source / "meetings.yaml").write_text(
        yaml.safe_dump(meetings, sort_keys=False, allow_unicode=True)
    )
    data = check_curated(source)
    assert data.problems == []
    load_curated(data)

    cited = client.get("/api/v1/meetings/9/").json()["citations"][0]
    assert (cited["supports"], cited["disagrees"]) == (["date", "participants"], True)
    listed = client.get("/api/v1/meetings/", {"page_size": 100}).json()["results"]
    cited = next(m for m in listed if m["id"] == 9)["citations"][0]
    assert (cited["supports"], cited["disagrees"]) == (["date", "participants"], True)

    out = tmp_path / "out"
    call_command("export_curated", "--output", str(out))
    exported = yaml.safe_load((out / "meetings.yaml").read_text())
    cited = next(m for m in exported if m["id"] == 9)["citations"][0]
    assert (cited["supports"], cited["disagrees"]) == (["date", "participants"], True)
