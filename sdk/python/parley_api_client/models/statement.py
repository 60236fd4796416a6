from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.date_precision_enum import DatePrecisionEnum
from ..models.plover_type_enum import PloverTypeEnum
from ..models.statement_kind_enum import StatementKindEnum

if TYPE_CHECKING:
    from ..models.brief_actor import BriefActor
    from ..models.citation import Citation


T = TypeVar("T", bound="Statement")


@_attrs_define
class Statement:
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
        kind (StatementKindEnum): * `direct_quote` - Direct quote
            * `paraphrase` - Paraphrase
            * `readout` - Official readout
            * `announcement` - Announcement
        speaker (BriefActor):
        text (str): The words; verbatim when kind is direct_quote.
        meeting (int | None): Id of the meeting it was made at.
        mentions (list[BriefActor]): Actors it is about.
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
    kind: StatementKindEnum
    speaker: BriefActor
    text: str
    meeting: int | None
    mentions: list[BriefActor]
    topics: list[str]
    plover_type: None | PloverTypeEnum
    plover_mode: str
    note: str
    citations: list[Citation]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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

        kind = self.kind.value

        speaker = self.speaker.to_dict()

        text = self.text

        meeting: int | None
        meeting = self.meeting

        mentions = []
        for mentions_item_data in self.mentions:
            mentions_item = mentions_item_data.to_dict()
            mentions.append(mentions_item)

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
                "kind": kind,
                "speaker": speaker,
                "text": text,
                "meeting": meeting,
                "mentions": mentions,
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
        from ..models.brief_actor import BriefActor  # noqa: PLC0415
        from ..models.citation import Citation  # noqa: PLC0415

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

        kind = StatementKindEnum(d.pop("kind"))

        speaker = BriefActor.from_dict(d.pop("speaker"))

        text = d.pop("text")

        def _parse_meeting(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        meeting = _parse_meeting(d.pop("meeting"))

        mentions = []
        _mentions = d.pop("mentions")
        for mentions_item_data in _mentions:
            mentions_item = BriefActor.from_dict(mentions_item_data)

            mentions.append(mentions_item)

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

        statement = cls(
            id=id,
            api_url=api_url,
            slug=slug,
            title=title,
            date=date,
            end_date=end_date,
            date_precision=date_precision,
            date_note=date_note,
            kind=kind,
            speaker=speaker,
            text=text,
            meeting=meeting,
            mentions=mentions,
            topics=topics,
            plover_type=plover_type,
            plover_mode=plover_mode,
            note=note,
            citations=citations,
            created_at=created_at,
            updated_at=updated_at,
        )

        statement.additional_properties = d
        return statement

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
