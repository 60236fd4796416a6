"""The provenance rules of validate_curated, one broken file each (tests/data/broken/<rule>/,
laid over the strict-valid dataset tests/data/strict/): each failure names the file, the
record and the field. The rules new with issue 13 (support, approximate ranges, aliases
across actors and places) are always applied by the command; check_curated takes them as
an option because loading does not apply them."""

import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from events.curated.validation import check_curated
from tests.support import DATA, SAMPLE_SOURCES
from tests.support import SAMPLE_STRICT as STRICT

BROKEN = DATA / "broken"

# rule folder -> (file, record, field, words of the message, applies only when strict)
EXPECTED = {
    "unsupported-date": (
        "meetings.yaml", "record 1 (2023-05-14-brussels-talks)", "date", "no citation supports it",
        True,
    ),
    "unsupported-end-date": (
        "meetings.yaml", "record 2 (2023-05-washington-talks)", "end_date",
        "no citation supports it", True,
    ),
    "disagreeing-support": (
        "statements.yaml", "record 1 (2023-05-14-pashinyan-good-progress)", "speaker",
        "no citation supports it", True,
    ),
    "unsupported-injuries": (
        "incidents.yaml", "record 1 (2023-05-11-border-clash)", "injuries",
        "no citation supports it", True,
    ),
    "approximate-without-range": (
        "meetings.yaml", "record 2 (2023-05-washington-talks)", "end_date",
        "an approximate date is a range", True,
    ),
    "alias-actor-place": (
        "actors.yaml", "united-states", "aliases",
        "'WASHINGTON' also names the place 'washington'", True,
    ),
    "alias-actor-actor": (
        "actors.yaml", "nikol-pashinyan", "aliases", "'Pashinian' also names 'azerbaijan'",
        False,
    ),
    "alias-place-place": (
        "places.yaml", "washington", "aliases", "'Washington' also names 'brussels'", False,
    ),
    "reference-without-date": (
        "sources.yaml", "record 3 (example-report)", "published_on",
        "a reference source needs it", False,
    ),
    "reference-without-url": (
        "sources.yaml", "record 3 (example-report)", "url", "a reference source needs it", False,
    ),
    "reference-citation-with-quote": (
        "statements.yaml", "record 1 (2023-05-14-pashinyan-good-progress)", "citations",
        "a citation of a reference carries no quote", False,
    ),
}  # fmt: skip


def broken_copy(tmp_path: Path, rule: str) -> Path:
    """The strict dataset with the rule's broken file(s) in place of its own."""
    target = tmp_path / rule
    shutil.copytree(STRICT, target, ignore=shutil.ignore_patterns("*.md"))
    for path in (BROKEN / rule).glob("*.yaml"):
        shutil.copy(path, target / path.name)
    return target


def problems(directory: Path, *, strict: bool) -> list[str]:
    data = check_curated(directory, SAMPLE_SOURCES, strict_provenance=strict)
    return [str(p) for p in data.problems]


def test_the_strict_dataset_meets_every_rule():
    assert problems(STRICT, strict=True) == []


def test_every_broken_folder_is_tested():
    assert sorted(p.name for p in BROKEN.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("rule", sorted(EXPECTED))
def test_each_broken_rule_names_file_record_and_field(tmp_path, rule):
    file, record, field, words, strict_only = EXPECTED[rule]
    found = problems(broken_copy(tmp_path, rule), strict=True)
    assert len(found) == 1, found
    assert found[0].startswith(f"{tmp_path / rule / file}, {record}, field '{field}': "), found
    assert words in found[0]
    if strict_only:  # off by default until the dataset meets it
        assert problems(broken_copy(tmp_path / "lenient", rule), strict=False) == []


def test_the_command_always_applies_the_rules(tmp_path, capsys):
    directory = broken_copy(tmp_path, "unsupported-date")
    arguments = ["validate_curated", "--dir", str(directory), "--sources", str(SAMPLE_SOURCES)]
    with pytest.raises(CommandError, match="1 problem"):
        call_command(*arguments)
    assert "field 'date': no citation supports it" in capsys.readouterr().err
