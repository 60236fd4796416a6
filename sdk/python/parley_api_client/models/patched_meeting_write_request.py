from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.date_precision_enum import DatePrecisionEnum
from ..models.meeting_kind_enum import MeetingKindEnum
from ..models.meeting_status_enum import MeetingStatusEnum
from ..models.plover_type_enum import PloverTypeEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.citation_request import CitationRequest
    from ..models.participant_write_request import ParticipantWriteRequest


T = TypeVar("T", bound="PatchedMeetingWriteRequest")


@_attrs_define
class PatchedMeetingWriteRequest:
    """Common write rules: topics by slug, at least one citation, end not before start.

    Attributes:
        slug (str | Unset): Human-readable key used in the curated files.
        title (str | Unset): One-line neutral title.
        date (datetime.date | Unset): First (or only) day of the event.
        end_date (datetime.date | None | Unset): Last day, for events spanning several days.
        date_precision (DatePrecisionEnum | Unset): * `day` - Day
            * `month` - Month
            * `year` - Year
            * `approximate` - Approximate
        date_note (str | Unset): How the date was resolved from the sources.
        topics (list[str] | Unset): Topic slugs.
        plover_type (None | PloverTypeEnum | Unset): PLOVER event type, for joining with POLECAT-style data; null if
            none fits.
        plover_mode (str | Unset): PLOVER mode, e.g. phone.
        note (str | Unset): Curator's note: judgement calls.
        citations (list[CitationRequest] | Unset): At least one citation: every event is sourced.
        ongoing (bool | Unset): Still going on when its last source was written: no end_date, and date filters treat it
            as reaching the present.
        kind (MeetingKindEnum | Unset): * `in_person` - In person
            * `phone_call` - Phone call
            * `video_call` - Video call
            * `summit` - Summit
            * `negotiation_round` - Negotiation round
            * `commission_session` - Commission session
            * `other` - Other or unspecified
        status (MeetingStatusEnum | Unset): * `held` - Held
            * `planned` - Planned
            * `cancelled` - Cancelled
        place (None | str | Unset): Place slug.
        participants (list[ParticipantWriteRequest] | Unset): Every actor taking part, each with its role.
        summary (str | Unset): Neutral summary saying only what the cited sources support.
    """

    slug: str | Unset = UNSET
    title: str | Unset = UNSET
    date: datetime.date | Unset = UNSET
    end_date: datetime.date | None | Unset = UNSET
    date_precision: DatePrecisionEnum | Unset = UNSET
    date_note: str | Unset = UNSET
    topics: list[str] | Unset = UNSET
    plover_type: None | PloverTypeEnum | Unset = UNSET
    plover_mode: str | Unset = UNSET
    note: str | Unset = UNSET
    citations: list[CitationRequest] | Unset = UNSET
    ongoing: bool | Unset = UNSET
    kind: MeetingKindEnum | Unset = UNSET
    status: MeetingStatusEnum | Unset = UNSET
    place: None | str | Unset = UNSET
    participants: list[ParticipantWriteRequest] | Unset = UNSET
    summary: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        slug = self.slug

        title = self.title

        date: str | Unset = UNSET
        if not isinstance(self.date, Unset):
            date = self.date.isoformat()

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        date_precision: str | Unset = UNSET
        if not isinstance(self.date_precision, Unset):
            date_precision = self.date_precision.value

        date_note = self.date_note

        topics: list[str] | Unset = UNSET
        if not isinstance(self.topics, Unset):
            topics = self.topics

        plover_type: None | str | Unset
        if isinstance(self.plover_type, Unset):
            plover_type = UNSET
        elif isinstance(self.plover_type, PloverTypeEnum):
            plover_type = self.plover_type.value
        else:
            plover_type = self.plover_type

        plover_mode = self.plover_mode

        note = self.note

        citations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.citations, Unset):
            citations = []
            for citations_item_data in self.citations:
                citations_item = citations_item_data.to_dict()
                citations.append(citations_item)

        ongoing = self.ongoing

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        place: None | str | Unset
        if isinstance(self.place, Unset):
            place = UNSET
        else:
            place = self.place

        participants: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.participants, Unset):
            participants = []
            for participants_item_data in self.participants:
                participants_item = participants_item_data.to_dict()
                participants.append(participants_item)

        summary = self.summary

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if slug is not UNSET:
            field_dict["slug"] = slug
        if title is not UNSET:
            field_dict["title"] = title
        if date is not UNSET:
            field_dict["date"] = date
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if date_precision is not UNSET:
            field_dict["date_precision"] = date_precision
        if date_note is not UNSET:
            field_dict["date_note"] = date_note
        if topics is not UNSET:
            field_dict["topics"] = topics
        if plover_type is not UNSET:
            field_dict["plover_type"] = plover_type
        if plover_mode is not UNSET:
            field_dict["plover_mode"] = plover_mode
        if note is not UNSET:
            field_dict["note"] = note
        if citations is not UNSET:
            field_dict["citations"] = citations
        if ongoing is not UNSET:
            field_dict["ongoing"] = ongoing
        if kind is not UNSET:
            field_dict["kind"] = kind
        if status is not UNSET:
            field_dict["status"] = status
        if place is not UNSET:
            field_dict["place"] = place
        if participants is not UNSET:
            field_dict["participants"] = participants
        if summary is not UNSET:
            field_dict["summary"] = summary

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.citation_request import CitationRequest  # noqa: PLC0415
        from ..models.participant_write_request import ParticipantWriteRequest  # noqa: PLC0415

        d = dict(src_dict)
        slug = d.pop("slug", UNSET)

        title = d.pop("title", UNSET)

        _date = d.pop("date", UNSET)
        date: datetime.date | Unset
        if isinstance(_date, Unset):
            date = UNSET
        else:
            date = datetime.date.fromisoformat(_date)

        def _parse_end_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        end_date = _parse_end_date(d.pop("end_date", UNSET))

        _date_precision = d.pop("date_precision", UNSET)
        date_precision: DatePrecisionEnum | Unset
        if isinstance(_date_precision, Unset):
            date_precision = UNSET
        else:
            date_precision = DatePrecisionEnum(_date_precision)

        date_note = d.pop("date_note", UNSET)

        topics = cast(list[str], d.pop("topics", UNSET))

        def _parse_plover_type(data: object) -> None | PloverTypeEnum | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                plover_type_type_1 = PloverTypeEnum(data)

                return plover_type_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PloverTypeEnum | Unset, data)

        plover_type = _parse_plover_type(d.pop("plover_type", UNSET))

        plover_mode = d.pop("plover_mode", UNSET)

        note = d.pop("note", UNSET)

        _citations = d.pop("citations", UNSET)
        citations: list[CitationRequest] | Unset = UNSET
        if _citations is not UNSET:
            citations = []
            for citations_item_data in _citations:
                citations_item = CitationRequest.from_dict(citations_item_data)

                citations.append(citations_item)

        ongoing = d.pop("ongoing", UNSET)

        _kind = d.pop("kind", UNSET)
        kind: MeetingKindEnum | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = MeetingKindEnum(_kind)

        _status = d.pop("status", UNSET)
        status: MeetingStatusEnum | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = MeetingStatusEnum(_status)

        def _parse_place(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        place = _parse_place(d.pop("place", UNSET))

        _participants = d.pop("participants", UNSET)
        participants: list[ParticipantWriteRequest] | Unset = UNSET
        if _participants is not UNSET:
            participants = []
            for participants_item_data in _participants:
                participants_item = ParticipantWriteRequest.from_dict(participants_item_data)

                participants.append(participants_item)

        summary = d.pop("summary", UNSET)

        patched_meeting_write_request = cls(
            slug=slug,
            title=title,
            date=date,
            end_date=end_date,
            date_precision=date_precision,
            date_note=date_note,
            topics=topics,
            plover_type=plover_type,
            plover_mode=plover_mode,
            note=note,
            citations=citations,
            ongoing=ongoing,
            kind=kind,
            status=status,
            place=place,
            participants=participants,
            summary=summary,
        )

        return patched_meeting_write_request
