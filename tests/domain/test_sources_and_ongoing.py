"""Sources of two kinds (held documents, outside references) and open-ended (`ongoing`)
events in the curated files: what validate_curated refuses, naming file, record and field,
and what load_curated -> export_curated carries through unchanged."""

import shutil
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

from events.curated.validation import FILES, check_curated
from events.models import Revision, Source
from events.revisions import SNAPSHOT_FORMAT, upgrade_snapshot
from events.services import load_curated
from tests.support import SAMPLE_CURATED, SAMPLE_SOURCES

REFERENCE = {
    "slug": "outside-report",
    "kind": "reference",
    "title": "A news report on the Brussels talks (our own words)",
    "publisher": "Example News",
    "published_on": "2023-05-15",
    "url": "https://example.org/brussels-talks",
    "language": "en",
    "document": None,
    "note": None,
}
REFERENCE_CITATION = {
    "source": "outside-report",
    "note": "Reports that the talks were held on 14 May 2023.",
    "supports": ["date"],
}


@pytest.fixture
def curated(tmp_path) -> Path:
    """A writable copy of the small curated dataset, with a reference source."""
    target = tmp_path / "curated"
    shutil.copytree(SAMPLE_CURATED, target)
    sources = read(target, "sources")
    write(target, "sources", [*sources, dict(REFERENCE)])
    return target


def read(directory: Path, record_type: str) -> list[dict]:
    return yaml.safe_load((directory / f"{record_type}.yaml").read_text())


def write(directory: Path, record_type: str, records: list[dict]) -> None:
    text = yaml.safe_dump(records, sort_keys=False, allow_unicode=True)
    (directory / f"{record_type}.yaml").write_text(text)


def edit(directory: Path, record_type: str, key: str | int, **changes) -> None:
    records = read(directory, record_type)
    record = next(r for r in records if key in (r.get("slug"), r.get("id")))
    record.update(changes)
    write(directory, record_type, records)


def cite_reference(directory: Path, **citation) -> None:
    """Add a citation of the reference to meeting 1."""
    meeting = next(m for m in read(directory, "meetings") if m["id"] == 1)
    edit(directory, "meetings", 1, citations=[*meeting["citations"], citation])


def problems(directory: Path) -> list[str]:
    return [str(p) for p in check_curated(directory, SAMPLE_SOURCES).problems]


def test_a_reference_source_and_its_quote_less_citation_are_valid(curated):
    cite_reference(curated, **REFERENCE_CITATION)
    assert problems(curated) == []


@pytest.mark.parametrize(
    ("changes", "field", "expected"),
    [
        ({"url": None}, "url", "a reference source needs it"),
        ({"publisher": None}, "publisher", "a reference source needs it"),
        ({"published_on": None}, "published_on", "a reference source needs it"),
        ({"document": "sample-a.txt"}, "document", "holds no document"),
        ({"kind": "rumour"}, "kind", "'rumour' is not one of: document, reference"),
        # The API documents `url` as a URI: other characters are percent-encoded.
        ({"url": "https://example.org/Երևան"}, "url", "percent-encode"),
        ({"url": "ftp://example.org/x"}, "url", "not an http(s) URL"),
    ],
)
def test_a_reference_source_says_where_and_when_it_was_published(curated, changes, field, expected):
    edit(curated, "sources", "outside-report", **changes)
    found = problems(curated)
    assert any(
        "sources.yaml" in p and "(outside-report)" in p and f"'{field}'" in p and expected in p
        for p in found
    ), found


def test_a_document_source_names_its_file(curated):
    edit(curated, "sources", "sample-a", document=None)
    found = problems(curated)
    assert any(
        "sources.yaml" in p and "(sample-a)" in p and "'document'" in p and "names its file" in p
        for p in found
    ), found


@pytest.mark.parametrize(
    ("citation", "expected"),
    [
        (dict(REFERENCE_CITATION, quote="Words of the report"), "carries no quote"),
        ({"source": "outside-report", "supports": ["date"]}, "says what it attests"),
        ({"source": "sample-a", "note": "no quote"}, "quotes it verbatim"),
    ],
)
def test_citations_follow_their_source_kind(curated, citation, expected):
    cite_reference(curated, **citation)
    found = problems(curated)
    assert any("meetings.yaml" in p and "(2023-05-14-brussels-talks)" in p and expected in p
               for p in found), found  # fmt: skip


def test_an_ongoing_event_has_no_end_date(curated):
    edit(curated, "incidents", 3, ongoing=True)  # it has an end date
    found = problems(curated)
    assert any(
        "incidents.yaml" in p and "field 'ongoing'" in p and "has no end_date" in p for p in found
    ), found
    edit(curated, "incidents", 3, ongoing=True, end_date=None)
    assert problems(curated) == []


def test_ongoing_is_a_boolean(curated):
    edit(curated, "meetings", 1, ongoing="yes")
    assert any("meetings.yaml" in p and "must be true or false" in p for p in problems(curated))


@pytest.mark.django_db
def test_kinds_quote_less_citations_and_ongoing_survive_a_round_trip(empty_db, curated, tmp_path):
    cite_reference(curated, **REFERENCE_CITATION)
    edit(curated, "incidents", 3, ongoing=True, end_date=None)
    data = check_curated(curated, SAMPLE_SOURCES)
    assert data.problems == []
    load_curated(data)
    assert Source.objects.get(slug="outside-report").kind == "reference"
    assert Source.objects.get(slug="sample-a").kind == "document"

    out = tmp_path / "out"
    call_command("export_curated", "--output", str(out))
    exported = {record_type: read(out, record_type) for record_type in FILES}
    reference = next(s for s in exported["sources"] if s["slug"] == "outside-report")
    assert reference["kind"] == "reference" and reference["document"] is None
    cited = next(m for m in exported["meetings"] if m["id"] == 1)["citations"][-1]
    assert cited == {
        "source": "outside-report",
        "note": REFERENCE_CITATION["note"],
        "supports": ["date"],
    }
    incidents = {i["id"]: i for i in exported["incidents"]}
    assert incidents[3]["ongoing"] is True and incidents[3]["end_date"] is None
    # `ongoing` is written only when true: files from before it stay byte-identical.
    assert "ongoing" not in incidents[1]
    counts = load_curated(check_curated(out, SAMPLE_SOURCES))
    assert all(set(counter) == {"unchanged"} for counter in counts.values())


def test_a_format_1_snapshot_of_a_source_is_read_as_a_document():
    snapshot = {"slug": "old", "title": "Old", "language": "en", "document": "old.txt"}
    upgraded = upgrade_snapshot(Revision(snapshot=snapshot, snapshot_format=1))
    assert SNAPSHOT_FORMAT == 2
    assert list(upgraded)[:2] == ["slug", "kind"]
    assert upgraded["kind"] == "document"
    meeting = {"id": 1, "slug": "m", "citations": [{"source": "old", "quote": "q", "note": None}]}
    assert upgrade_snapshot(Revision(snapshot=meeting, snapshot_format=1)) == meeting
