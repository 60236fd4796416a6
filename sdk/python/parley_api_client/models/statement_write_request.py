from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.date_precision_enum import DatePrecisionEnum
from ..models.plover_type_enum import PloverTypeEnum
from ..models.statement_kind_enum import StatementKindEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.citation_request import CitationRequest


T = TypeVar("T", bound="StatementWriteRequest")


@_attrs_define
class StatementWriteRequest:
    """Common write rules: topics by slug, at least one citation, end not before start.

    Attributes:
        slug (str): Human-readable key used in the curated files.
        title (str): One-line neutral title.
        date (datetime.date): First (or only) day of the event.
        date_note (str): How the date was resolved from the sources.
        citations (list[CitationRequest]): At least one citation: every event is sourced.
        kind (StatementKindEnum): * `direct_quote` - Direct quote
            * `paraphrase` - Paraphrase
            * `readout` - Official readout
            * `announcement` - Announcement
        speaker (str): Actor slug of the speaker.
        text (str): The words; verbatim when kind is direct_quote.
        end_date (datetime.date | None | Unset): Last day, for events spanning several days.
        date_precision (DatePrecisionEnum | Unset): * `day` - Day
            * `month` - Month
            * `year` - Year
            * `approximate` - Approximate
        topics (list[str] | Unset): Topic slugs.
        plover_type (None | PloverTypeEnum | Unset): PLOVER event type, for joining with POLECAT-style data; null if
            none fits.
        plover_mode (str | Unset): PLOVER mode, e.g. phone.
        note (str | Unset): Curator's note: judgement calls.
        meeting (int | None | Unset): Id of the meeting the statement was made at; null if none.
        mentions (list[str] | Unset): Slugs of the actors the statement is about.
    """

    slug: str
    title: str
    date: datetime.date
    date_note: str
    citations: list[CitationRequest]
    kind: StatementKindEnum
    speaker: str
    text: str
    end_date: datetime.date | None | Unset = UNSET
    date_precision: DatePrecisionEnum | Unset = UNSET
    topics: list[str] | Unset = UNSET
    plover_type: None | PloverTypeEnum | Unset = UNSET
    plover_mode: str | Unset = UNSET
    note: str | Unset = UNSET
    meeting: int | None | Unset = UNSET
    mentions: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        slug = self.slug

        title = self.title

        date = self.date.isoformat()

        date_note = self.date_note

        citations = []
        for citations_item_data in self.citations:
            citations_item = citations_item_data.to_dict()
            citations.append(citations_item)

        kind = self.kind.value

        speaker = self.speaker

        text = self.text

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

        meeting: int | None | Unset
        if isinstance(self.meeting, Unset):
            meeting = UNSET
        else:
            meeting = self.meeting

        mentions: list[str] | Unset = UNSET
        if not isinstance(self.mentions, Unset):
            mentions = self.mentions

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "slug": slug,
                "title": title,
                "date": date,
                "date_note": date_note,
                "citations": citations,
                "kind": kind,
                "speaker": speaker,
                "text": text,
            }
        )
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if date_precision is not UNSET:
            field_dict["date_precision"] = date_precision
        if topics is not UNSET:
            field_dict["topics"] = topics
        if plover_type is not UNSET:
            field_dict["plover_type"] = plover_type
        if plover_mode is not UNSET:
            field_dict["plover_mode"] = plover_mode
        if note is not UNSET:
            field_dict["note"] = note
        if meeting is not UNSET:
            field_dict["meeting"] = meeting
        if mentions is not UNSET:
            field_dict["mentions"] = mentions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.citation_request import CitationRequest  # noqa: PLC0415

        d = dict(src_dict)
        slug = d.pop("slug")

        title = d.pop("title")

        date = datetime.date.fromisoformat(d.pop("date"))

        date_note = d.pop("date_note")

        citations = []
        _citations = d.pop("citations")
        for citations_item_data in _citations:
            citations_item = CitationRequest.from_dict(citations_item_data)

            citations.append(citations_item)

        kind = StatementKindEnum(d.pop("kind"))

        speaker = d.pop("speaker")

        text = d.pop("text")

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

        def _parse_meeting(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        meeting = _parse_meeting(d.pop("meeting", UNSET))

        mentions = cast(list[str], d.pop("mentions", UNSET))

        statement_write_request = cls(
            slug=slug,
            title=title,
            date=date,
            date_note=date_note,
            citations=citations,
            kind=kind,
            speaker=speaker,
            text=text,
            end_date=end_date,
            date_precision=date_precision,
            topics=topics,
            plover_type=plover_type,
            plover_mode=plover_mode,
            note=note,
            meeting=meeting,
            mentions=mentions,
        )

        return statement_write_request
