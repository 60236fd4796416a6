"""One validation for every way in: what the API accepts, the curated files accept.

A property test writes random valid records through the API (topics, places, actors and
events, with text full of the characters file formats trip on), then `export_curated`
writes the database out, the database is emptied, `load_curated` loads the export, and
a second export is the first byte for byte. A deleted record comes back whole with a
restore. And the rules the curated files enforce are refused by the API with a 400
naming the field (date_note, coordinates past 5 decimals)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from events.choices import ActorKind, PlaceKind
from events.curated.validation import FILES, check_curated
from events.services import load_curated
from tests.support import NEW_MEETING, delete_everything

pytestmark = pytest.mark.django_db

# Text a curator could type, biased towards what YAML and JSON trip on: line separators
# (U+0085, U+2028), quotes, colons, hashes, leading dashes, tabs, CR, non-Latin scripts.
awkward = st.sampled_from(
    ["\x85", "\u2028", "\u2029", "\r\n", "\t", "'", '"', ": ", " #", "- ", "\\", "ü", "Ք", "☮"]
)
words = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x85"),
    min_size=1,
    max_size=12,
)
text = st.lists(st.one_of(words, awkward), min_size=1, max_size=6).map("".join)
nonempty = text.filter(lambda value: value.strip())
slugs = st.from_regex(r"\A[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,5}){0,2}\Z")
coordinate = st.decimals(-89, 89, places=5, allow_nan=False, allow_infinity=False)
dates = st.dates(datetime.date(1990, 1, 1), datetime.date(2030, 12, 31))

ACTORS = ["armenia", "azerbaijan", "nikol-pashinyan", "ilham-aliyev", "charles-michel"]


@st.composite
def records(draw: st.DrawFn) -> list[tuple[str, dict]]:
    """A few new records, each valid on its own, in an order their references allow."""
    taken = draw(st.lists(slugs, min_size=4, max_size=4, unique=True))
    topic = {"slug": f"t-{taken[0]}", "name": draw(nonempty), "description": draw(text)}
    place = {
        "slug": f"p-{taken[1]}",
        "name": draw(nonempty),
        "kind": draw(st.sampled_from(PlaceKind.values)),
        "latitude": float(draw(coordinate)),
        "longitude": float(draw(coordinate)),
        "aliases": draw(st.lists(nonempty, max_size=2, unique_by=str.casefold)),
    }
    actor = {
        "slug": f"a-{taken[2]}",
        "name": draw(nonempty),
        "kind": draw(st.sampled_from(ActorKind.values)),
        "description": draw(text),
        "note": draw(text),
    }
    start = draw(dates)
    meeting = {
        **NEW_MEETING,
        "slug": f"m-{taken[3]}",
        "title": draw(nonempty),
        "date": start.isoformat(),
        "end_date": draw(st.none() | st.just((start + datetime.timedelta(days=2)).isoformat())),
        "date_precision": draw(st.sampled_from(["day", "month", "year", "approximate"])),
        "date_note": draw(nonempty),
        "place": place["slug"],
        "participants": [
            {"actor": actor["slug"], "role": "participant"},
            {"actor": draw(st.sampled_from(ACTORS)), "role": "mediator"},
        ],
        "topics": [topic["slug"]],
        "summary": draw(text),
        "note": draw(text),
        "citations": [
            {"source": "sample-a", "quote": draw(nonempty), "note": draw(text)},
            {"source": "sample-b", "quote": draw(nonempty), "supports": ["date"]},
        ],
    }
    return [("topics", topic), ("places", place), ("actors", actor), ("meetings", meeting)]


def export(directory: Path) -> dict[str, bytes]:
    call_command("export_curated", "--output", str(directory))
    return {name: (directory / f"{name}.yaml").read_bytes() for name in FILES}


@settings(
    max_examples=15,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # a failure's example is readable
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(new=records())
def test_what_the_api_accepts_exports_and_loads_back_byte_for_byte(
    sample, curator_client, tmp_path_factory, new
):
    with transaction.atomic():  # each example starts from the sample dataset
        for plural, body in new:
            response = curator_client.post(f"/api/v1/{plural}/", body, format="json")
            assert response.status_code == 201, (plural, response.json())
        first_dir, second_dir = tmp_path_factory.mktemp("first"), tmp_path_factory.mktemp("second")
        first = export(first_dir)
        data = check_curated(first_dir)
        assert data.problems == []  # the curated rules take what the API took
        delete_everything()
        load_curated(data)
        assert export(second_dir) == first
        transaction.set_rollback(True)


@settings(
    max_examples=10,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(new=records())
def test_every_record_the_api_wrote_can_be_deleted_and_restored(
    sample, curator_client, client, new
):
    with transaction.atomic():
        for plural, body in new:
            assert curator_client.post(f"/api/v1/{plural}/", body, format="json").status_code == 201
        meeting = client.get("/api/v1/meetings/", {"search": ""}).json()["results"]
        url = next(m["api_url"] for m in meeting if m["slug"] == new[-1][1]["slug"])
        path = url.split("testserver")[-1]
        before = client.get(path).json()
        assert curator_client.delete(path).status_code == 204
        deleted = client.get("/api/v1/history/", {"action": "deleted", "type": "meeting"}).json()
        revision = deleted["results"][0]["id"]
        response = curator_client.post(f"/api/v1/history/{revision}/restore/")
        assert response.status_code == 201, response.json()
        after = client.get(path).json()
        assert {k: v for k, v in after.items() if k not in ("created_at", "updated_at")} == {
            k: v for k, v in before.items() if k not in ("created_at", "updated_at")
        }
        transaction.set_rollback(True)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"date_note": ""}, "date_note"),
        ({"date_note": "   "}, "date_note"),
        ({"date_note": None}, "date_note"),
    ],
)
def test_the_api_requires_what_the_files_require(curator_client, sample, change, field):
    body = {**NEW_MEETING, **change}
    response = curator_client.post("/api/v1/meetings/", body, format="json")
    assert response.status_code == 400
    assert field in response.json()
    missing = {k: v for k, v in NEW_MEETING.items() if k != "date_note"}
    response = curator_client.post("/api/v1/meetings/", missing, format="json")
    assert response.status_code == 400 and "date_note" in response.json()


@pytest.mark.parametrize("value", [40.123456, 40.1234567891, -0.000001])
def test_coordinates_past_five_decimals_are_refused_not_rounded(curator_client, sample, value):
    body = {"slug": "precise", "name": "Precise", "kind": "city", "latitude": value}
    response = curator_client.post("/api/v1/places/", body, format="json")
    assert response.status_code == 400
    assert "latitude" in response.json()
    body = {**body, "latitude": 40.12345}
    response = curator_client.post("/api/v1/places/", body, format="json")
    assert response.status_code == 201 and response.json()["latitude"] == 40.12345


def test_next_line_characters_survive_the_files(curator_client, sample, tmp_path):
    body = {"slug": "nel", "name": "Line\x85next\u2028and\u2029so on"}
    assert curator_client.post("/api/v1/topics/", body, format="json").status_code == 201
    call_command("export_curated", "--output", str(tmp_path))
    data = check_curated(tmp_path)
    topic = next(t for t in data.records["topics"] if t["slug"] == "nel")
    assert topic["name"] == body["name"]


def test_the_admin_refuses_an_event_the_files_would_refuse(sample, db):
    from django.test import Client

    from events.models import Meeting
    from tests.support import make_user

    boss = make_user("boss", staff=True, superuser=True)
    browser = Client()
    browser.force_login(boss)
    page = browser.get("/admin/events/meeting/1/change/")
    form = page.context["adminform"].form
    data = {
        key: value
        for key, value in form.initial.items()
        if value is not None and not isinstance(value, list)
    }
    assert "date_note" in form.fields and form.fields["date_note"].required
    data["date_note"] = ""
    response = browser.post("/admin/events/meeting/1/change/", data)
    assert response.status_code == 200  # the form again, with its error
    assert Meeting.objects.get(pk=1).date_note


@pytest.mark.parametrize("value", [0, 1, "true", "no", None])
def test_a_boolean_is_true_or_false_not_a_number_or_text(curator_client, sample, value):
    """Found by schemathesis: `"disagrees": 0` was taken as false."""
    citation = {**NEW_MEETING["citations"][0], "disagrees": value}
    body = {**NEW_MEETING, "citations": [citation]}
    response = curator_client.post("/api/v1/meetings/", body, format="json")
    assert response.status_code == 400
    assert "citations" in response.json()
