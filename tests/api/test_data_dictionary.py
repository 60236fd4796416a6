"""docs/data-dictionary.md is generated from the code (`manage.py data_dictionary`): the
committed page must be current, and it must document every field and allowed value."""

import re

import pytest
from django.core.management import CommandError, call_command

from events.api import data_dictionary
from events.api.data_dictionary import (
    DOCUMENTED_MODELS,
    TEMPLATE,
    DataDictionaryError,
    check_value_meanings,
    enumerations,
    render,
)
from tests.support import REPO

COMMITTED = REPO / "docs" / "data-dictionary.md"


@pytest.fixture(scope="module")
def page() -> str:
    return render()


def section(page: str, heading: str) -> str:
    """The text under a `## heading` (or `### heading`), up to the next heading of any level
    that is not deeper."""
    level = heading.split(" ")[0]
    start = page.index(f"\n{heading}\n")
    end = re.compile(rf"\n#{{1,{len(level)}}} ").search(page, start + 1)
    return page[start : end.start() if end else len(page)]


def test_committed_page_is_current(page):
    assert COMMITTED.read_text(encoding="utf-8") == page, (
        "docs/data-dictionary.md is stale: run `python manage.py data_dictionary`"
    )


@pytest.mark.parametrize("model", DOCUMENTED_MODELS, ids=lambda model: model.__name__)
def test_every_field_of_every_model_has_a_row(page, model):
    text = section(page, f"## {model.__name__}")
    fields = [*model._meta.concrete_fields, *model._meta.many_to_many]
    missing = [f.name for f in fields if f"\n| `{f.name}` |" not in text]
    assert not missing, f"{model.__name__}: no row for {missing}"


@pytest.mark.parametrize("model", DOCUMENTED_MODELS, ids=lambda model: model.__name__)
def test_every_help_text_and_docstring_is_shown(page, model):
    text = " ".join(section(page, f"## {model.__name__}").split())
    if model.__dict__.get("__doc__") and data_dictionary.docstring(model):
        assert " ".join(data_dictionary.docstring(model).split()) in text
    for model_field in model._meta.concrete_fields:
        if model_field.help_text:
            assert str(model_field.help_text) in text, model_field.name


def test_every_value_of_every_enumeration_is_listed(page):
    for enum in enumerations():
        text = section(page, f"### {enum.__name__}")
        for value, label in enum.choices:
            assert f"| `{value}` | {label} |" in text, f"{enum.__name__}.{value}"


def test_choice_fields_link_to_their_enumeration(page):
    meeting = section(page, "## Meeting")
    assert "| `status` |" in meeting
    assert "[MeetingStatus](#meetingstatus)" in meeting
    assert "Default `held`." in meeting


def test_the_api_column_follows_the_serializers(page):
    meeting = section(page, "## Meeting")
    assert "`participants`: list of `{slug, name, role}`" in meeting
    assert "`place`: `{slug, name}` or `null`" in meeting
    assert "`topics`: list of topic slugs" in meeting
    assert "`/api/v1/meetings/` and `/api/v1/meetings/{id}/`" in meeting
    actor = section(page, "## Actor")
    assert "`aliases`: list of strings" in actor
    assert "`/api/v1/actors/{slug}/`" in actor
    citation = section(page, "## Citation")
    assert "no endpoint of its own" in citation
    assert "`source`: the source's slug" in citation


def github_anchor(heading: str) -> str:
    text = heading.strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def test_every_internal_link_resolves(page):
    in_code = re.compile(r"```.*?```", re.DOTALL)
    text = in_code.sub("", page)
    anchors = {github_anchor(h) for h in re.findall(r"^#+ (.+)$", text, flags=re.MULTILINE)}
    links = set(re.findall(r"\]\(#([^)]+)\)", text))
    assert links, "no internal links found"
    assert not links - anchors, f"links to missing headings: {sorted(links - anchors)}"


def test_value_meanings_name_only_existing_values():
    check_value_meanings(enumerations())  # raises on a stale meaning


def test_the_template_must_place_every_model(tmp_path):
    template = tmp_path / "template.md"
    text = TEMPLATE.read_text(encoding="utf-8")
    template.write_text(text.replace("<!-- data-dictionary: model Topic -->\n", ""))
    with pytest.raises(DataDictionaryError, match="model Topic"):
        render(template)
    template.write_text(text + "\n<!-- data-dictionary: model Nonesuch -->\n")
    with pytest.raises(DataDictionaryError, match="Nonesuch"):
        render(template)


def test_enums_the_template_does_not_name_are_still_listed(tmp_path):
    template = tmp_path / "template.md"
    text = TEMPLATE.read_text(encoding="utf-8")
    template.write_text(text.replace("<!-- data-dictionary: enum PlaceKind -->\n", ""))
    assert "### PlaceKind" in render(template)


def test_the_command_writes_and_checks(tmp_path, page):
    target = tmp_path / "data-dictionary.md"
    with pytest.raises(CommandError, match="stale"):
        call_command("data_dictionary", "--check", "--output", str(target))
    call_command("data_dictionary", "--output", str(target))
    assert target.read_text(encoding="utf-8") == page
    call_command("data_dictionary", "--check", "--output", str(target))
    target.write_text(page.replace("## Meeting", "## Meetings"), encoding="utf-8")
    with pytest.raises(CommandError, match="stale"):
        call_command("data_dictionary", "--check", "--output", str(target))
