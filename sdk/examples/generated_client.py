"""Meetings of two leaders, and the timeline, with the generated client alone.

Written from sdk/README.md ("The generated client"); the tests run it against a live
server and `make sdk` type-checks it with `mypy --strict`.

    python sdk/examples/generated_client.py http://127.0.0.1:8000
"""

import sys
from urllib.parse import parse_qs, urlsplit

from parley_api_client import Client
from parley_api_client.api.events import events_list
from parley_api_client.api.meetings import meetings_list
from parley_api_client.models import (
    CursorPaginatedTimelineItemList,
    EventOrderingEnum,
    EventTypeEnum,
    PaginatedMeetingList,
)
from parley_api_client.types import UNSET


def main(base_url: str) -> None:
    # Reads are public: a plain Client, no token.
    with Client(base_url=base_url, raise_on_unexpected_status=True) as client:
        page = meetings_list.sync(
            client=client,
            participant=["nikol-pashinyan", "ilham-aliyev"],  # both took part
            ordering=[EventOrderingEnum.DATE_ASC],
        )
        # sync() returns the page, or the error body the schema documents (400, 404...).
        if not isinstance(page, PaginatedMeetingList):
            raise SystemExit(f"meetings: {page}")
        print(f"{page.count} meetings")
        for meeting in page.results:
            place = meeting.place.name if meeting.place else "place unknown"
            print(meeting.date.isoformat(), meeting.title, f"({place})")

        # The timeline pages by cursor: follow `next` until it is null.
        cursor: str | None = None
        while True:
            timeline = events_list.sync(
                client=client,
                type_=[EventTypeEnum.STATEMENT],
                page_size=2,
                cursor=cursor if cursor is not None else UNSET,  # UNSET: the first page
            )
            if not isinstance(timeline, CursorPaginatedTimelineItemList):
                raise SystemExit(f"timeline: {timeline}")
            for item in timeline.results:
                print(item.date.isoformat(), item.type_.value, item.title)
            if timeline.next_ is None:
                break
            cursor = parse_qs(urlsplit(timeline.next_).query)["cursor"][0]


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
