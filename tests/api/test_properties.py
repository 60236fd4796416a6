"""Property-based tests (hypothesis): query-parameter parsing, date-range overlap, the
curated-file field checks and the stats periods, plus a small fuzz of the list APIs.

Pure-function properties run many examples; those touching the database few, so the
whole module stays fast. Properties that currently fail because of a known bug are
regression tests for the bugs these properties found (now fixed).
"""

from __future__ import annotations

import contextlib
import datetime
import itertools
import json
import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from events.api.filtersets import MeetingFilterSet, TimelineOrderingFilterSet
from events.api.pagination import parse_positive_int
from events.choices import DatePrecision, IncidentKind, MeetingKind
from events.curated.validation import (
    FILES,
    Context,
    Invalid,
    check_record,
    choice,
    coordinate,
    country,
    optional_count,
    optional_date,
    record_rules,
    required_date,
    slug,
)
from events.models import Meeting
from events.queries.stats import periods_between

FAST = settings(max_examples=120, deadline=None)
DB = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
CTX = Context(slugs={record_type: set() for record_type in FILES})

# Text with a bias towards the characters parsers trip on.
tricky_text = st.one_of(
    st.text(max_size=20),
    st.text(alphabet="0123456789-+ .eE,_\n\t\x00²٣", max_size=12),
    st.integers(-(10**12), 10**12).map(str),
)


def build_request(params: dict[str, str]) -> Request:
    return Request(APIRequestFactory().get("/", params))


# --- parse_positive_int ---------------------------------------------------------------


@FAST
@given(
    value=st.one_of(tricky_text, st.from_regex(r"\A[0-9]{1,30}\Z"), st.integers(0, 1000).map(str)),
    maximum=st.none() | st.integers(1, 10**6),
)
def test_parse_positive_int_accepts_exactly_bounded_ascii_digits(value, maximum):
    request = build_request({"n": value})
    raw = request.query_params.get("n")
    assume(raw == value)  # the property is about the string the view receives
    ascii_digits = value.isascii() and value.isdigit()
    try:
        result = parse_positive_int(request, "n", maximum)
    except ValidationError as exc:
        assert set(exc.detail) == {"n"}
        assert not (ascii_digits and 1 <= int(value) <= (maximum or int(value)))
    else:
        assert ascii_digits
        assert result == int(value)
        assert result >= 1 and (maximum is None or result <= maximum)


def test_parse_positive_int_absent_is_none():
    assert parse_positive_int(build_request({}), "n", 10) is None


@pytest.mark.parametrize("length", [4301, 5000])
def test_parse_positive_int_very_long_digit_string_is_a_validation_error(length):
    with pytest.raises(ValidationError):
        parse_positive_int(build_request({"n": "9" * length}), "n", 500)


# --- Date-range overlap ---------------------------------------------------------------

BASE = datetime.date(2020, 1, 1)
day = st.integers(0, 40).map(lambda n: BASE + datetime.timedelta(days=n))


@st.composite
def event_ranges(draw):
    start = draw(day)
    length = draw(st.none() | st.integers(0, 10))
    return start, None if length is None else start + datetime.timedelta(days=length)


@st.composite
def windows(draw):
    date_from = draw(st.none() | day)
    date_to = draw(st.none() | day)
    if date_from and date_to and date_to < date_from:
        date_from, date_to = date_to, date_from
    return date_from, date_to


def overlaps(start, end, date_from, date_to) -> bool:
    end = end or start
    return (date_from is None or end >= date_from) and (date_to is None or start <= date_to)


@DB
@given(events=st.lists(event_ranges(), max_size=6), window=windows())
def test_overlapping_matches_brute_force(empty_db, client, events, window):
    Meeting.objects.all().delete()
    expected = set()
    for index, (start, end) in enumerate(events):
        meeting = Meeting.objects.create(
            slug=f"p-{index}", title=f"P {index}", kind="in_person", date=start, end_date=end
        )
        if overlaps(start, end, *window):
            expected.add(meeting.pk)
    date_from, date_to = window
    found = Meeting.objects.overlapping(date_from=date_from, date_to=date_to)
    assert set(found.values_list("pk", flat=True)) == expected

    params = {"page_size": "500"}
    if date_from:
        params["date_from"] = date_from.isoformat()
    if date_to:
        params["date_to"] = date_to.isoformat()
    response = client.get("/api/v1/meetings/", params)
    assert response.status_code == 200, response.content
    assert {row["id"] for row in response.json()["results"]} == expected


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(date_from=day, gap=st.integers(1, 30))
def test_date_to_before_date_from_is_rejected(db, client, date_from, gap):
    date_to = date_from - datetime.timedelta(days=gap)
    response = client.get(
        "/api/v1/meetings/", {"date_from": date_from.isoformat(), "date_to": date_to.isoformat()}
    )
    assert response.status_code == 400
    assert "date_to" in response.json()


# --- Curated-file field checks --------------------------------------------------------

any_scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.decimals(),
    tricky_text,
    st.dates(),
    st.datetimes(),
    st.lists(st.integers(), max_size=2),
)


def iso_or_none(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


@FAST
@given(value=st.one_of(tricky_text, st.dates().map(datetime.date.isoformat)))
def test_dates_accept_exactly_iso_dates(value):
    expected = iso_or_none(value)
    for check in (optional_date, required_date):
        if expected is None:
            with pytest.raises(Invalid):
                check(value, CTX)
        else:
            assert check(value, CTX) == expected


@FAST
@given(value=st.dates())
def test_dates_take_date_objects_and_round_trip(value):
    assert optional_date(value, CTX) == value
    assert required_date(value.isoformat(), CTX) == value


@FAST
@given(value=any_scalar)
def test_dates_raise_only_invalid(value):
    assert optional_date(None, CTX) is None
    with pytest.raises(Invalid):
        required_date(None, CTX)
    try:
        result = optional_date(value, CTX)
    except Invalid:
        return
    assert result is None or type(result) is datetime.date


finite_numbers = st.one_of(
    st.integers(-1000, 1000),
    st.floats(-1000, 1000, allow_nan=False, allow_infinity=False),
    st.decimals(-1000, 1000, allow_nan=False, allow_infinity=False, places=8),
)


@FAST
@given(value=finite_numbers)
def test_coordinate_accepts_exactly_the_range(value):
    check = coordinate(90)
    exact = Decimal(str(value))
    if -90 <= value <= 90 and exact == exact.quantize(Decimal("0.00001")):
        result = check(value, CTX)
        assert isinstance(result, Decimal) and -90 <= result <= 90
        assert result == exact  # stored as given: never rounded
    else:  # out of range, or more decimals than stored
        with pytest.raises(Invalid):
            check(value, CTX)


@FAST
@given(value=st.one_of(tricky_text, st.booleans(), st.lists(st.integers(), max_size=2)))
def test_coordinate_raises_only_invalid(value):
    with contextlib.suppress(Invalid):
        coordinate(180)(value, CTX)


@pytest.mark.parametrize("value", [float("nan"), "NaN", "sNaN", Decimal("NaN")])
def test_coordinate_rejects_nan_as_invalid(value):
    with pytest.raises(Invalid):
        coordinate(90)(value, CTX)


@FAST
@given(value=st.one_of(st.from_regex(r"\A[A-Z]{3}\Z"), st.text(max_size=5), st.none()))
def test_country_accepts_exactly_three_capitals(value):
    if value is None:
        assert country(value, CTX) is None
    elif re.fullmatch(r"[A-Z]{3}", value):
        assert country(value, CTX) == value
    else:
        assume(not re.fullmatch(r"[A-Z]{3}\n", value))  # known bug, tested below
        with pytest.raises(Invalid):
            country(value, CTX)


@pytest.mark.parametrize(("check", "value"), [(country, "ARM\n"), (slug, "abc\n")])
def test_country_and_slug_reject_a_trailing_newline(check, value):
    with pytest.raises(Invalid):
        check(value, CTX)


@FAST
@given(value=st.one_of(st.from_regex(r"\A[a-z0-9]+(-[a-z0-9]+)*\Z"), st.text(max_size=10)))
def test_slug_accepts_exactly_hyphenated_lowercase_words(value):
    valid = re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", value)
    assume(valid or not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*\n", value))  # bug above
    if valid:
        assert slug(value, CTX) == value
    else:
        with pytest.raises(Invalid):
            slug(value, CTX)


@FAST
@given(value=any_scalar)
def test_optional_count_accepts_none_and_non_negative_ints(value):
    if value is None or (type(value) is int and value >= 0):
        assert optional_count(value, CTX) == value
    else:
        with pytest.raises(Invalid):
            optional_count(value, CTX)


@FAST
@given(value=st.one_of(st.sampled_from(MeetingKind.values), any_scalar))
def test_choice_accepts_exactly_the_enum_values(value):
    check = choice(MeetingKind)
    if isinstance(value, str) and value in MeetingKind.values:
        assert check(value, CTX) == value
    else:
        with pytest.raises(Invalid):
            check(value, CTX)
    assert choice(MeetingKind, optional=True)(None, CTX) is None


wide_dates = st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 12, 31))


@FAST
@given(start=wide_dates, end=st.none() | wide_dates)
def test_record_rules_flag_end_before_start(start, end):
    for record_type in ("meetings", "statements", "incidents"):
        record = {"date": start, "end_date": end, "citations": [{"source": "s"}]}
        flagged = [name for name, _ in record_rules(record_type, record)]
        assert flagged == (["end_date"] if end is not None and end < start else [])


@FAST
@given(start=wide_dates, end=st.none() | wide_dates, fatalities=st.none() | st.integers(0, 99))
def test_check_record_incident_dates(start, end, fatalities):
    ctx = Context(slugs={**CTX.slugs, "sources": {"src"}})
    item = {
        "id": 1,
        "slug": "an-incident",
        "title": "An incident",
        "kind": IncidentKind.values[0],
        "date": start.isoformat(),
        "end_date": end.isoformat() if end else None,
        "date_precision": DatePrecision.values[0],
        "date_note": "Reported the same day.",
        "fatalities": fatalities,
        "citations": [{"source": "src", "quote": "q"}],
    }
    cleaned, problems = check_record("incidents", item, ctx)
    assert cleaned is not None
    assert (cleaned["date"], cleaned["end_date"], cleaned["fatalities"]) == (
        start,
        end,
        fatalities,
    )
    assert [name for name, _ in problems] == (["end_date"] if end and end < start else [])


# --- Stats periods --------------------------------------------------------------------

months = st.dates(datetime.date(1, 1, 1), datetime.date(9998, 12, 31)).map(
    lambda d: d.replace(day=1)
)


@FAST
@given(first=months, last=st.dates(datetime.date(1, 1, 1), datetime.date(9998, 12, 31)))
def test_periods_between_months(first, last):
    last = min(last, first.replace(year=min(first.year + 30, 9998)))  # keep lists short
    periods = list(periods_between(first, last, "month"))
    if last < first:
        assert periods == []
        return
    assert len(periods) == (last.year - first.year) * 12 + last.month - first.month + 1
    assert periods[0] == first and all(p.day == 1 for p in periods)
    assert periods[-1] <= last < (periods[-1] + datetime.timedelta(days=31)).replace(day=1)
    for earlier, later in itertools.pairwise(periods):
        assert (earlier + datetime.timedelta(days=31)).replace(day=1) == later


@FAST
@given(first_year=st.integers(3, 9990), span=st.integers(-2, 8))
def test_periods_between_years(first_year, span):
    first = datetime.date(first_year, 1, 1)
    last = datetime.date(first_year + span, 6, 1)
    periods = list(periods_between(first, last, "year"))
    assert periods == [datetime.date(y, 1, 1) for y in range(first_year, first_year + span + 1)]


@pytest.mark.parametrize("group_by", ["month", "year"])
def test_periods_between_reaches_the_last_representable_period(group_by):
    last = datetime.date(9999, 12, 1) if group_by == "month" else datetime.date(9999, 1, 1)
    assert list(periods_between(last, last, group_by)) == [last]


# --- The list APIs never answer 5xx ---------------------------------------------------

PAGINATION = {
    "/api/v1/meetings/": ["page", "page_size"],
    "/api/v1/events/": ["cursor", "page_size"],
}
PARAMETERS = {
    "/api/v1/meetings/": sorted(MeetingFilterSet.base_filters) + PAGINATION["/api/v1/meetings/"],
    "/api/v1/events/": sorted(TimelineOrderingFilterSet.base_filters)
    + PAGINATION["/api/v1/events/"],
}
PLAUSIBLE = [
    "",
    "0",
    "1",
    "2",
    "-1",
    "500",
    "501",
    "1.5",
    "2023-05-14",
    "2023-05-32",
    "2023-05-14T10:00:00Z",
    "ARM",
    "arm",
    "ARM\n",
    "armenia",
    "brussels",
    "peace-treaty",
    "date",
    "-date",
    "id",
    "date,",
    "meeting",
    "day",
    "in_person",
    "held",
    '"quoted phrase" or -word',
    "\x00",
    "%",
]
values = st.one_of(st.sampled_from(PLAUSIBLE), tricky_text)


@st.composite
def query(draw, path):
    names = st.sampled_from(PARAMETERS[path]) | st.sampled_from(["format", "unknown", "pagee"])
    params = draw(st.dictionaries(names, st.lists(values, min_size=1, max_size=2), max_size=4))
    return {name: vals if len(vals) > 1 else vals[0] for name, vals in params.items()}


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
@pytest.mark.parametrize("path", sorted(PARAMETERS))
def test_list_api_never_answers_5xx(sample, client, path, data):
    params = data.draw(query(path), label="params")
    response = client.get(path, params, HTTP_ACCEPT="application/json")
    assert response.status_code < 500, (params, response.content[:500])
    if response.status_code >= 400:
        body = json.loads(response.content)
        assert isinstance(body, dict)
        assert "detail" in body or set(body) & set(params), (params, body)
