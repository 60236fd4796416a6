"""load_curated is idempotent and atomic, and reports what it did."""

import shutil

import pytest
import yaml
from django.core.management import CommandError, call_command

from events.curated.loading import LoadError
from events.curated.validation import check_curated
from events.models import Actor, ActorAlias, Citation, Meeting, Participation, Topic
from events.services import load_curated
from tests.support import SAMPLE_CURATED, SAMPLE_SOURCES

pytestmark = pytest.mark.django_db


def load(directory=SAMPLE_CURATED):
    return load_curated(check_curated(directory, SAMPLE_SOURCES))


def snapshot():
    return {
        "meetings": list(Meeting.objects.order_by("id").values()),
        "participations": list(Participation.objects.order_by("id").values()),
        "citations": list(Citation.objects.order_by("id").values()),
        "actors": list(Actor.objects.order_by("id").values()),
    }


def test_loading_twice_changes_nothing(empty_db):
    first = load()
    assert first["meetings"]["created"] == 4
    before = snapshot()
    second = load()
    assert second["meetings"] == {"unchanged": 4}
    assert all(set(counter) == {"unchanged"} for counter in second.values())
    assert snapshot() == before  # same ids, same updated_at


def test_reload_updates_only_changed_records(tmp_path, empty_db):
    load()
    directory = tmp_path / "curated"
    shutil.copytree(SAMPLE_CURATED, directory)
    path = directory / "meetings.yaml"
    meetings = yaml.safe_load(path.read_text())
    meetings[0]["participants"].append({"actor": "armenia", "role": "observer"})
    path.write_text(yaml.safe_dump(meetings, sort_keys=False, allow_unicode=True))
    untouched = Meeting.objects.get(pk=2).updated_at

    counts = load(directory)

    assert counts["meetings"] == {"updated": 1, "unchanged": 3}
    assert Meeting.objects.get(pk=1).participations.filter(role="observer").exists()
    assert Meeting.objects.get(pk=2).updated_at == untouched


def test_identifiers_are_fixed_by_the_files(empty_db):
    load()
    assert set(Meeting.objects.values_list("id", flat=True)) == {1, 2, 3, 4}


def test_invalid_files_load_nothing(tmp_path, empty_db):
    directory = tmp_path / "curated"
    shutil.copytree(SAMPLE_CURATED, directory)
    path = directory / "statements.yaml"
    statements = yaml.safe_load(path.read_text())
    statements[2]["speaker"] = "nobody"
    path.write_text(yaml.safe_dump(statements, sort_keys=False, allow_unicode=True))

    with pytest.raises(CommandError) as error:
        call_command("load_curated", "--dir", str(directory))

    assert "statements.yaml" in str(error.value)
    assert "2023-05-24-aliyev-no-claims" in str(error.value)
    assert Topic.objects.count() == 0 and Meeting.objects.count() == 0


def test_a_record_the_database_refuses_rolls_everything_back(empty_db):
    # Valid files, but the database already holds an alias that clashes with one of them.
    squatter = Actor.objects.create(slug="someone", name="Someone", kind="person")
    ActorAlias.objects.create(owner=squatter, name="Pashinian")

    with pytest.raises(LoadError, match=r"actors\.yaml, record 3 \(nikol-pashinyan\)"):
        load()

    assert Topic.objects.count() == 0
    assert Actor.objects.count() == 1


def test_command_prints_counts(capsys, empty_db):
    call_command("load_curated", "--dir", str(SAMPLE_CURATED))
    out = capsys.readouterr().out
    assert "meetings" in out and "4 created" in out
