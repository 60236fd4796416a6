"""The generated Python client (sdk/python/parley_api_client), exercised live.

These tests drive a live server holding the sample dataset through the client's own
functions and models: filters, page-number pagination, the cursor timeline, the network,
stats and a token-authenticated write.
"""

from __future__ import annotations

import datetime
import importlib
import pkgutil
from types import ModuleType
from urllib.parse import parse_qs, urlsplit

import parley_api_client.api
from parley_api_client.models import (
    ActorKindEnum,
    CitationRequest,
    CursorPaginatedTimelineItemList,
    EventOrderingEnum,
    EventTypeEnum,
    Meeting,
    MeetingKindEnum,
    MeetingStatusEnum,
    MeetingWriteRequest,
    Network,
    PaginatedActorList,
    PaginatedMeetingList,
    ParticipantRoleEnum,
    ParticipantWriteRequest,
    PatchedTopicRequest,
    Stats,
    StatsGroupByEnum,
    Topic,
    TopicRequest,
    ValidationError,
)
from parley_api_client.types import Unset


def operation(operation_id: str) -> ModuleType:
    """The generated module of one operation, whichever tag (api/ folder) it is filed under:
    the operation ids are the contract."""
    package = parley_api_client.api
    found = [
        info.name
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + ".")
        if info.name.rsplit(".", 1)[-1] == operation_id
    ]
    assert len(found) == 1, f"operation {operation_id}: modules {found}"
    return importlib.import_module(found[0])


meetings_list = operation("meetings_list")
meetings_retrieve = operation("meetings_retrieve")
meetings_create = operation("meetings_create")
actors_list = operation("actors_list")
actors_retrieve = operation("actors_retrieve")
topics_create = operation("topics_create")
topics_retrieve = operation("topics_retrieve")
topics_partial_update = operation("topics_partial_update")
events_list = operation("events_list")
network_retrieve = operation("network_retrieve")
stats_retrieve = operation("stats_retrieve")

# Every event of the sample dataset (tests/data/curated): 4 meetings, 3 statements and
# 3 incidents; ids are fixed by the curated files.
SAMPLE_EVENTS = 10


def query_value(url: str | Unset | None, name: str) -> str | None:
    """One query parameter of a `next` link, None at the end of the list."""
    if not isinstance(url, str):
        return None
    return parse_qs(urlsplit(url).query)[name][0]


def test_meetings_filtered_by_two_participants_and_date_from(anonymous):
    page = meetings_list.sync(
        client=anonymous,
        participant=["nikol-pashinyan", "ilham-aliyev"],  # repeated: both must take part
        date_from=datetime.date(2023, 5, 20),
        ordering=[EventOrderingEnum.DATE_ASC],
    )
    assert isinstance(page, PaginatedMeetingList)
    assert page.count == 2
    assert [meeting.slug for meeting in page.results] == [
        "2023-05-25-moscow-talks",
        "2023-06-01-chisinau-meeting",
    ]
    moscow = page.results[0]
    assert isinstance(moscow, Meeting)
    assert moscow.date == datetime.date(2023, 5, 25)
    roles = {participant.slug: participant.role for participant in moscow.participants}
    assert roles["vladimir-putin"] is ParticipantRoleEnum.HOST
    assert roles["nikol-pashinyan"] is ParticipantRoleEnum.PARTICIPANT


def test_a_list_paginated_to_the_end(anonymous):
    slugs: list[str] = []
    pages = 0
    page_number: str | None = "1"
    while page_number is not None:
        page = actors_list.sync(client=anonymous, page=int(page_number), page_size=2)
        assert isinstance(page, PaginatedActorList)
        slugs += [actor.slug for actor in page.results]
        pages += 1
        page_number = query_value(page.next_, "page")
    assert len(slugs) == len(set(slugs)) == page.count == 7
    assert pages == 4
    assert "nikol-pashinyan" in slugs


def test_retrieve_one_meeting_and_one_actor(anonymous):
    meeting = meetings_retrieve.sync(1, client=anonymous)  # ids are integers
    assert isinstance(meeting, Meeting)
    assert meeting.slug == "2023-05-14-brussels-talks"
    assert meeting.id == 1
    assert meeting.kind in set(MeetingKindEnum)
    assert meeting.place is not None
    assert meeting.place.slug == "brussels"
    assert {p.slug for p in meeting.participants} == {
        "nikol-pashinyan",
        "ilham-aliyev",
        "charles-michel",
    }
    assert meeting.citations
    assert meeting.citations[0].source == "sample-a"

    actor = actors_retrieve.sync("nikol-pashinyan", client=anonymous)
    assert actor is not None
    assert actor.name == "Nikol Pashinyan"
    assert actor.kind is ActorKindEnum.PERSON
    assert isinstance(actor.updated_at, datetime.datetime)


def test_timeline_followed_by_cursor_to_the_end(anonymous):
    items = []
    cursor: str | None = None
    while True:
        page = events_list.sync(
            client=anonymous, page_size=3, **({"cursor": cursor} if cursor else {})
        )
        assert isinstance(page, CursorPaginatedTimelineItemList)
        assert len(page.results) <= 3
        items += page.results
        cursor = query_value(page.next_, "cursor")
        if cursor is None:
            break
    assert len(items) == SAMPLE_EVENTS
    assert len({(item.type_, item.id) for item in items}) == SAMPLE_EVENTS
    dates = [item.date for item in items]
    assert dates == sorted(dates, reverse=True)  # newest first
    assert {item.type_ for item in items} == set(EventTypeEnum)

    meetings = events_list.sync(client=anonymous, type_=[EventTypeEnum.MEETING], page_size=50)
    assert isinstance(meetings, CursorPaginatedTimelineItemList)
    assert len(meetings.results) == 4
    assert meetings.next_ is None
    assert {item.status for item in meetings.results} <= set(MeetingStatusEnum)  # an enum now


def test_network(anonymous):
    network = network_retrieve.sync(client=anonymous)
    assert isinstance(network, Network)
    slugs = {node.slug for node in network.nodes}
    assert {"nikol-pashinyan", "ilham-aliyev", "vladimir-putin", "charles-michel"} <= slugs
    pair = next(
        edge
        for edge in network.edges
        if {edge.source, edge.target} == {"ilham-aliyev", "nikol-pashinyan"}
    )
    assert pair.weight == 3
    assert sorted(pair.meeting_ids) == [1, 2, 4]
    assert pair.first_date == datetime.date(2023, 5, 14)

    later = network_retrieve.sync(client=anonymous, date_from=datetime.date(2023, 5, 20))
    assert isinstance(later, Network)
    assert sorted(node.slug for node in later.nodes) == [
        "charles-michel",
        "ilham-aliyev",
        "nikol-pashinyan",
        "vladimir-putin",
    ]

    # A declared 400 comes back parsed, as the response model the schema names.
    bad = network_retrieve.sync_detailed(
        client=anonymous, date_from=datetime.date(2024, 1, 1), date_to=datetime.date(2023, 1, 1)
    )
    assert bad.status_code == 400
    assert isinstance(bad.parsed, ValidationError)  # one shape for every 400
    assert "date_to" in bad.parsed.additional_properties


def test_stats(anonymous):
    stats = stats_retrieve.sync(client=anonymous, group_by=StatsGroupByEnum.MONTH)
    assert isinstance(stats, Stats)
    assert stats.group_by == "month"
    assert sum(row.total for row in stats.results) == SAMPLE_EVENTS
    may = next(row for row in stats.results if row.key == "2023-05")
    assert (may.meeting, may.statement, may.incident) == (3, 3, 1)
    assert may.label == "May 2023"


def test_anonymous_write_is_refused(anonymous):
    refused = topics_create.sync_detailed(
        client=anonymous, body=TopicRequest(slug="sdk-topic", name="SDK")
    )
    assert refused.status_code == 401


def test_authenticated_writes_with_a_staff_token(staff, anonymous):
    topic = topics_create.sync(
        client=staff,
        body=TopicRequest(slug="sdk-topic", name="SDK topic", description="Made by the SDK."),
    )
    assert isinstance(topic, Topic)
    assert topic.slug == "sdk-topic"
    read = topics_retrieve.sync_detailed("sdk-topic", client=anonymous)
    assert isinstance(read.parsed, Topic)
    assert read.parsed.description == "Made by the SDK."

    # ---- If-Match ------------------------------------------------------------------------
    # An update or deletion names the version it was based on: the ETag of the read above.
    # (428 without If-Match, 412 when the record changed since: see test_if_match below.)
    updated = topics_partial_update.sync(
        "sdk-topic",
        client=staff,
        body=PatchedTopicRequest(name="SDK topic, renamed"),
        if_match=read.headers["ETag"],
    )
    assert isinstance(updated, Topic)
    assert updated.name == "SDK topic, renamed"

    meeting = meetings_create.sync(
        client=staff,
        body=MeetingWriteRequest(
            slug="2023-07-15-sdk-talks",
            title="Talks recorded through the generated client",
            date=datetime.date(2023, 7, 15),
            date_note="The day the sample source gives.",
            kind=MeetingKindEnum.IN_PERSON,
            place="brussels",
            participants=[
                ParticipantWriteRequest(actor="nikol-pashinyan", role=ParticipantRoleEnum.HOST),
                ParticipantWriteRequest(actor="ilham-aliyev", role=ParticipantRoleEnum.PARTICIPANT),
            ],
            topics=["sdk-topic"],
            citations=[CitationRequest(source="sample-a", quote="met in Brussels")],
        ),
    )
    assert isinstance(meeting, Meeting)
    assert meeting.topics == ["sdk-topic"]
    found = meetings_list.sync(client=anonymous, topic="sdk-topic")
    assert isinstance(found, PaginatedMeetingList)
    assert [m.id for m in found.results] == [meeting.id]


def test_if_match(staff, anonymous):
    # ---- If-Match ------------------------------------------------------------------------
    topics_create.sync(client=staff, body=TopicRequest(slug="sdk-etag", name="ETag"))
    etag = topics_retrieve.sync_detailed("sdk-etag", client=anonymous).headers["ETag"]
    first = topics_partial_update.sync_detailed(
        "sdk-etag", client=staff, body=PatchedTopicRequest(name="First"), if_match=etag
    )
    assert first.status_code == 200
    assert first.headers["ETag"] != etag  # a new version
    # A second writer still holding the old ETag is refused instead of overwriting.
    stale = topics_partial_update.sync_detailed(
        "sdk-etag", client=staff, body=PatchedTopicRequest(name="Stale"), if_match=etag
    )
    assert stale.status_code == 412
    read_back = topics_retrieve.sync("sdk-etag", client=anonymous)
    assert isinstance(read_back, Topic)
    assert read_back.name == "First"
