from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.date_precision_enum import DatePrecisionEnum
from ..models.meeting_kind_enum import MeetingKindEnum
from ..models.meeting_status_enum import MeetingStatusEnum
from ..models.plover_type_enum import PloverTypeEnum

if TYPE_CHECKING:
    from ..models.brief_place import BriefPlace
    from ..models.citation import Citation
    from ..models.participant import Participant


T = TypeVar("T", bound="Meeting")


@_attrs_define
class Meeting:
    """
    Attributes:
        id (int): The record's fixed public id (events). It never changes between loads.
        api_url (str): Link to this record in the API.
        slug (str): Human-readable key used in the curated files.
        title (str): One-line neutral title.
        date (datetime.date): First (or only) day of the event.
        end_date (datetime.date | None): Last day, for events spanning several days.
        date_precision (DatePrecisionEnum): * `day` - Day
            * `month` - Month
            * `year` - Year
            * `approximate` - Approximate
        date_note (str): How the date was resolved from the sources.
        ongoing (bool): Still going on when its last source was written: no end_date, and date filters treat it as
            reaching the present.
        kind (MeetingKindEnum): * `in_person` - In person
            * `phone_call` - Phone call
            * `video_call` - Video call
            * `summit` - Summit
            * `negotiation_round` - Negotiation round
            * `commission_session` - Commission session
            * `other` - Other or unspecified
        status (MeetingStatusEnum): * `held` - Held
            * `planned` - Planned
            * `cancelled` - Cancelled
        place (BriefPlace | None): Where it happened, `{slug, name}`; null when unknown or not applicable.
        participants (list[Participant]): Every actor taking part, with their role.
        summary (str): Neutral summary saying only what the cited sources support.
        topics (list[str]): Topic slugs.
        plover_type (None | PloverTypeEnum): PLOVER event type, for joining with POLECAT-style data; null if none fits.
        plover_mode (str): PLOVER mode, e.g. phone.
        note (str): Curator's note: judgement calls.
        citations (list[Citation]): Sources: short verbatim quotes from held documents, or notes on what an outside
            reference attests; each names the fields it supports.
        created_at (datetime.datetime): When the record was created in Parley.
        updated_at (datetime.datetime): When the record, or anything it shows, last changed (for sync clients).
    """

    id: int
    api_url: str
    slug: str
    title: str
    date: datetime.date
    end_date: datetime.date | None
    date_precision: DatePrecisionEnum
    date_note: str
    ongoing: bool
    kind: MeetingKindEnum
    status: MeetingStatusEnum
    place: BriefPlace | None
    participants: list[Participant]
    summary: str
    topics: list[str]
    plover_type: None | PloverTypeEnum
    plover_mode: str
    note: str
    citations: list[Citation]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.brief_place import BriefPlace  # noqa: PLC0415

        id = self.id

        api_url = self.api_url

        slug = self.slug

        title = self.title

        date = self.date.isoformat()

        end_date: None | str
        if isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        date_precision = self.date_precision.value

        date_note = self.date_note

        ongoing = self.ongoing

        kind = self.kind.value

        status = self.status.value

        place: dict[str, Any] | None
        if isinstance(self.place, BriefPlace):
            place = self.place.to_dict()
        else:
            place = self.place

        participants = []
        for participants_item_data in self.participants:
            participants_item = participants_item_data.to_dict()
            participants.append(participants_item)

        summary = self.summary

        topics = self.topics

        plover_type: None | str
        if isinstance(self.plover_type, PloverTypeEnum):
            plover_type = self.plover_type.value
        else:
            plover_type = self.plover_type

        plover_mode = self.plover_mode

        note = self.note

        citations = []
        for citations_item_data in self.citations:
            citations_item = citations_item_data.to_dict()
            citations.append(citations_item)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "api_url": api_url,
                "slug": slug,
                "title": title,
                "date": date,
                "end_date": end_date,
                "date_precision": date_precision,
                "date_note": date_note,
                "ongoing": ongoing,
                "kind": kind,
                "status": status,
                "place": place,
                "participants": participants,
                "summary": summary,
                "topics": topics,
                "plover_type": plover_type,
                "plover_mode": plover_mode,
                "note": note,
                "citations": citations,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.brief_place import BriefPlace  # noqa: PLC0415
        from ..models.citation import Citation  # noqa: PLC0415
        from ..models.participant import Participant  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        api_url = d.pop("api_url")

        slug = d.pop("slug")

        title = d.pop("title")

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

        date_precision = DatePrecisionEnum(d.pop("date_precision"))

        date_note = d.pop("date_note")

        ongoing = d.pop("ongoing")

        kind = MeetingKindEnum(d.pop("kind"))

        status = MeetingStatusEnum(d.pop("status"))

        def _parse_place(data: object) -> BriefPlace | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                place_type_1 = BriefPlace.from_dict(data)

                return place_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BriefPlace | None, data)

        place = _parse_place(d.pop("place"))

        participants = []
        _participants = d.pop("participants")
        for participants_item_data in _participants:
            participants_item = Participant.from_dict(participants_item_data)

            participants.append(participants_item)

        summary = d.pop("summary")

        topics = cast(list[str], d.pop("topics"))

        def _parse_plover_type(data: object) -> None | PloverTypeEnum:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                plover_type_type_1 = PloverTypeEnum(data)

                return plover_type_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PloverTypeEnum, data)

        plover_type = _parse_plover_type(d.pop("plover_type"))

        plover_mode = d.pop("plover_mode")

        note = d.pop("note")

        citations = []
        _citations = d.pop("citations")
        for citations_item_data in _citations:
            citations_item = Citation.from_dict(citations_item_data)

            citations.append(citations_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        meeting = cls(
            id=id,
            api_url=api_url,
            slug=slug,
            title=title,
            date=date,
            end_date=end_date,
            date_precision=date_precision,
            date_note=date_note,
            ongoing=ongoing,
            kind=kind,
            status=status,
            place=place,
            participants=participants,
            summary=summary,
            topics=topics,
            plover_type=plover_type,
            plover_mode=plover_mode,
            note=note,
            citations=citations,
            created_at=created_at,
            updated_at=updated_at,
        )

        meeting.additional_properties = d
        return meeting

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
