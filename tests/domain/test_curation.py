"""validate_curated catches what it promises to catch, and the real dataset passes."""

import shutil
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command

from events.curated.validation import check_curated
from tests.support import (
    REPO_FIXTURES,
    SAMPLE_CURATED,
    SAMPLE_SOURCES,
    SAMPLE_STRICT,
    seeds_dir,
)


@pytest.fixture
def curated(tmp_path) -> Path:
    """A writable copy of the small curated dataset."""
    target = tmp_path / "curated"
    shutil.copytree(SAMPLE_CURATED, target)
    return target


def edit(directory: Path, record_type: str, index: int, **changes) -> None:
    path = directory / f"{record_type}.yaml"
    records = yaml.safe_load(path.read_text())
    records[index].update(changes)
    path.write_text(yaml.safe_dump(records, sort_keys=False, allow_unicode=True))


def problems(directory: Path) -> list[str]:
    return [str(p) for p in check_curated(directory, SAMPLE_SOURCES).problems]


def test_sample_dataset_is_valid(curated):
    assert problems(curated) == []


@pytest.mark.parametrize(
    ("record_type", "index", "changes", "expected"),
    [
        (
            "meetings",
            0,
            {"citations": [{"source": "sample-a", "quote": "words nobody wrote"}]},
            "quote not found verbatim",
        ),
        ("meetings", 0, {"place": "atlantis"}, "no place with slug 'atlantis'"),
        (
            "meetings",
            0,
            {"participants": [{"actor": "nobody", "role": "participant"}]},
            "no actor with slug 'nobody'",
        ),
        ("statements", 0, {"meeting": "no-such-meeting"}, "no meeting with slug"),
        ("incidents", 0, {"citations": []}, "every event needs at least one citation"),
        ("statements", 1, {"citations": None}, "every event needs at least one citation"),
        ("meetings", 2, {"end_date": "2023-04-01"}, "is before the date"),
        ("meetings", 1, {"slug": "2023-05-14-brussels-talks"}, "duplicate slug"),
        ("incidents", 1, {"id": 1}, "duplicate id"),
        ("actors", 1, {"aliases": ["Pashinian"]}, "'Pashinian' also names"),
        ("meetings", 0, {"kind": "teleconference"}, "'teleconference' is not one of"),
        ("meetings", 0, {"date": "2023-02-30"}, "is not an ISO date"),
        ("incidents", 0, {"fatalities": -2}, "is not a count"),
        ("places", 0, {"latitude": 123}, "outside -90..90"),
        ("actors", 0, {"country": "Armenia"}, "alpha-3"),
        ("meetings", 0, {"summmary": "typo"}, "unknown keys ['summmary']"),
    ],
)
def test_each_broken_rule_is_reported_with_file_and_record(
    curated, record_type, index, changes, expected
):
    edit(curated, record_type, index, **changes)
    found = problems(curated)
    assert any(expected in problem for problem in found), found
    assert all(f"{record_type}.yaml" in problem for problem in found if expected in problem)


def test_quotes_are_not_checked_without_sources(curated):
    edit(curated, "meetings", 0, citations=[{"source": "sample-a", "quote": "invented"}])
    assert check_curated(curated).problems == []


def test_yaml_syntax_error_names_the_file(curated):
    (curated / "topics.yaml").write_text("- slug: [unclosed\n")
    assert any("topics.yaml" in p and "cannot be read" in p for p in problems(curated))


@pytest.fixture
def provenanced(tmp_path) -> Path:
    """A writable copy of the small dataset that also meets the provenance rules, which
    the command always applies (tests/data/strict)."""
    target = tmp_path / "strict"
    shutil.copytree(SAMPLE_STRICT, target, ignore=shutil.ignore_patterns("*.md"))
    return target


def test_validate_command_fails_with_the_problem(provenanced, capsys):
    edit(provenanced, "meetings", 0, place="atlantis")
    with pytest.raises(CommandError, match="1 problem"):
        call_command(
            "validate_curated", "--dir", str(provenanced), "--sources", str(SAMPLE_SOURCES)
        )
    assert "no place with slug 'atlantis'" in capsys.readouterr().err


def test_validate_command_passes_on_valid_data(provenanced, capsys):
    call_command("validate_curated", "--dir", str(provenanced), "--sources", str(SAMPLE_SOURCES))
    assert "valid" in capsys.readouterr().out


def test_repository_fixtures_are_valid():
    """The real curated dataset; quotes are checked when the documents are available, the
    provenance rules always."""
    sources = seeds_dir()
    data = check_curated(REPO_FIXTURES, sources, strict_provenance=True)
    assert [str(p) for p in data.problems] == []
    assert data.count()["meetings"] > 0


def test_repository_quotes_are_verbatim_in_the_seed_documents():
    sources = seeds_dir()
    if sources is None:
        pytest.skip("PARLEY_SOURCES_DIR is not set: the seed documents are not on this machine")
    data = check_curated(REPO_FIXTURES, sources, strict_provenance=True)
    assert [str(p) for p in data.problems] == []


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ({"supports": ["date", "weather"]}, "'supports': unknown field name(s) weather"),
        ({"supports": "date"}, "'supports': must be a list of field names"),
        ({"disagrees": "yes"}, "'disagrees': must be true or false"),
    ],
)
def test_field_level_support_is_checked(curated, extra, expected):
    records = yaml.safe_load((curated / "meetings.yaml").read_text())
    cited = dict(records[0]["citations"][0], **extra)
    edit(curated, "meetings", 0, citations=[cited])
    found = problems(curated)
    assert any(expected in p and "meetings.yaml" in p for p in found), found


def test_supports_and_disagrees_are_valid_when_well_formed(curated):
    records = yaml.safe_load((curated / "meetings.yaml").read_text())
    cited = dict(records[0]["citations"][0], supports=["date", "place"], disagrees=True)
    edit(curated, "meetings", 0, citations=[cited])
    assert problems(curated) == []
