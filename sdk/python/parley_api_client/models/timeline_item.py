from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.date_precision_enum import DatePrecisionEnum
from ..models.event_type_enum import EventTypeEnum
from ..models.meeting_status_enum import MeetingStatusEnum

if TYPE_CHECKING:
    from ..models.timeline_actor import TimelineActor
    from ..models.timeline_citation import TimelineCitation
    from ..models.timeline_place import TimelinePlace


T = TypeVar("T", bound="TimelineItem")


@_attrs_define
class TimelineItem:
    """One meeting, statement or incident in the unified timeline.

    Attributes:
        type_ (EventTypeEnum): * `meeting` - Meeting
            * `statement` - Statement
            * `incident` - Incident
        id (int): The record's id within its type.
        api_url (str): Link to the full record.
        kind (str): The record's kind within its type.
        status (MeetingStatusEnum | None): Meetings: held, planned or cancelled. Null for statements and incidents.
        date (datetime.date): The event's (first) day; read it with date_precision.
        end_date (datetime.date | None): Last day (of the event or office); null for a one-day event or when unknown.
        ongoing (bool): Still going on when its last source was written (then end_date is null); date filters treat it
            as reaching the present.
        documented (bool): Every value the event is filtered on rests on a held document (see `documented_only`).
        date_precision (DatePrecisionEnum): * `day` - Day
            * `month` - Month
            * `year` - Year
            * `approximate` - Approximate
        title (str): One-line neutral title.
        summary (str): Meeting/incident summary or statement text.
        actors (list[TimelineActor]): Actors involved, each with its role.
        place (None | TimelinePlace): Where it happened, `{slug, name}`; null when unknown or not applicable.
        topics (list[str]): Topic slugs.
        citations (list[TimelineCitation]): Sources: short verbatim quotes from held documents, or notes on what an
            outside reference attests; each names the fields it supports.
        updated_at (datetime.datetime): When the record, or anything it shows, last changed (for sync clients).
    """

    type_: EventTypeEnum
    id: int
    api_url: str
    kind: str
    status: MeetingStatusEnum | None
    date: datetime.date
    end_date: datetime.date | None
    ongoing: bool
    documented: bool
    date_precision: DatePrecisionEnum
    title: str
    summary: str
    actors: list[TimelineActor]
    place: None | TimelinePlace
    topics: list[str]
    citations: list[TimelineCitation]
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.timeline_place import TimelinePlace  # noqa: PLC0415

        type_ = self.type_.value

        id = self.id

        api_url = self.api_url

        kind = self.kind

        status: None | str
        if isinstance(self.status, MeetingStatusEnum):
            status = self.status.value
        else:
            status = self.status

        date = self.date.isoformat()

        end_date: None | str
        if isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        ongoing = self.ongoing

        documented = self.documented

        date_precision = self.date_precision.value

        title = self.title

        summary = self.summary

        actors = []
        for actors_item_data in self.actors:
            actors_item = actors_item_data.to_dict()
            actors.append(actors_item)

        place: dict[str, Any] | None
        if isinstance(self.place, TimelinePlace):
            place = self.place.to_dict()
        else:
            place = self.place

        topics = self.topics

        citations = []
        for citations_item_data in self.citations:
            citations_item = citations_item_data.to_dict()
            citations.append(citations_item)

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "api_url": api_url,
                "kind": kind,
                "status": status,
                "date": date,
                "end_date": end_date,
                "ongoing": ongoing,
                "documented": documented,
                "date_precision": date_precision,
                "title": title,
                "summary": summary,
                "actors": actors,
                "place": place,
                "topics": topics,
                "citations": citations,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.timeline_actor import TimelineActor  # noqa: PLC0415
        from ..models.timeline_citation import TimelineCitation  # noqa: PLC0415
        from ..models.timeline_place import TimelinePlace  # noqa: PLC0415

        d = dict(src_dict)
        type_ = EventTypeEnum(d.pop("type"))

        id = d.pop("id")

        api_url = d.pop("api_url")

        kind = d.pop("kind")

        def _parse_status(data: object) -> MeetingStatusEnum | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_1 = MeetingStatusEnum(data)

                return status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MeetingStatusEnum | None, data)

        status = _parse_status(d.pop("status"))

        date = datetime.date.fromisoformat(d.pop("date"))

        def _parse_end_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        end_date = _parse_end_date(d.pop("end_date"))

        ongoing = d.pop("ongoing")

        documented = d.pop("documented")

        date_precision = DatePrecisionEnum(d.pop("date_precision"))

        title = d.pop("title")

        summary = d.pop("summary")

        actors = []
        _actors = d.pop("actors")
        for actors_item_data in _actors:
            actors_item = TimelineActor.from_dict(actors_item_data)

            actors.append(actors_item)

        def _parse_place(data: object) -> None | TimelinePlace:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                place_type_1 = TimelinePlace.from_dict(data)

                return place_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TimelinePlace, data)

        place = _parse_place(d.pop("place"))

        topics = cast(list[str], d.pop("topics"))

        citations = []
        _citations = d.pop("citations")
        for citations_item_data in _citations:
            citations_item = TimelineCitation.from_dict(citations_item_data)

            citations.append(citations_item)

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        timeline_item = cls(
            type_=type_,
            id=id,
            api_url=api_url,
            kind=kind,
            status=status,
            date=date,
            end_date=end_date,
            ongoing=ongoing,
            documented=documented,
            date_precision=date_precision,
            title=title,
            summary=summary,
            actors=actors,
            place=place,
            topics=topics,
            citations=citations,
            updated_at=updated_at,
        )

        timeline_item.additional_properties = d
        return timeline_item

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
