"""Meetings of two leaders, the whole timeline and a DataFrame, with the official client.

Written from sdk/README.md ("The official client"); the tests run it against a live
server and `make sdk` type-checks it with `mypy --strict`.

    pip install "./sdk/python[pandas]"
    python sdk/examples/official_client.py http://127.0.0.1:8000
"""

import sys

from parley import all_results, connect, ok, to_dataframe
from parley_api_client.api.events import events_list
from parley_api_client.api.meetings import meetings_list
from parley_api_client.models import EventOrderingEnum, EventTypeEnum, Meeting


def main(base_url: str) -> None:
    client = connect(base_url)  # a generated Client that waits and retries on 429
    # ok(): the page itself, or ApiError (a 400 names each offending parameter).
    first = ok(
        meetings_list.sync(
            client=client,
            participant=["nikol-pashinyan", "ilham-aliyev"],
            ordering=[EventOrderingEnum.DATE_ASC],
            page_size=2,
        )
    )
    # Every page, by page number here and by cursor below: all_results follows `next`.
    meetings: list[Meeting] = list(all_results(client, first))
    print(f"{first.count} meetings")
    for meeting in meetings:
        place = meeting.place.name if meeting.place else "place unknown"
        print(meeting.date.isoformat(), meeting.title, f"({place})")

    statements = all_results(
        client, ok(events_list.sync(client=client, type_=[EventTypeEnum.STATEMENT], page_size=2))
    )
    for item in statements:
        print(item.date.isoformat(), item.type_.value, item.title)

    frame = to_dataframe(meetings)  # needs pandas
    print(frame[["date", "slug", "place.slug"]].to_string(index=False))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
