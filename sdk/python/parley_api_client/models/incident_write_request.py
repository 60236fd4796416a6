from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.date_precision_enum import DatePrecisionEnum
from ..models.incident_kind_enum import IncidentKindEnum
from ..models.plover_type_enum import PloverTypeEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.citation_request import CitationRequest
    from ..models.incident_actor_write_request import IncidentActorWriteRequest


T = TypeVar("T", bound="IncidentWriteRequest")


@_attrs_define
class IncidentWriteRequest:
    """Common write rules: topics by slug, at least one citation, end not before start.

    Attributes:
        slug (str): Human-readable key used in the curated files.
        title (str): One-line neutral title.
        date (datetime.date): First (or only) day of the event.
        date_note (str): How the date was resolved from the sources.
        citations (list[CitationRequest]): At least one citation: every event is sourced.
        kind (IncidentKindEnum): * `armed_clash` - Armed clash
            * `casualties` - Casualties
            * `checkpoint` - Checkpoint
            * `blockade` - Blockade
            * `war` - War
            * `ceasefire` - Ceasefire
            * `ceasefire_violation` - Ceasefire violation
            * `deployment` - Deployment
            * `other` - Other
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
        ongoing (bool | Unset): Still going on when its last source was written: no end_date, and date filters treat it
            as reaching the present.
        place (None | str | Unset): Place slug.
        actors (list[IncidentActorWriteRequest] | Unset): Actors involved, each with its role.
        fatalities (int | None | Unset): People killed as reported; null if unknown.
        injuries (int | None | Unset): People wounded as reported; null if unknown.
        summary (str | Unset): Neutral summary saying only what the cited sources support.
    """

    slug: str
    title: str
    date: datetime.date
    date_note: str
    citations: list[CitationRequest]
    kind: IncidentKindEnum
    end_date: datetime.date | None | Unset = UNSET
    date_precision: DatePrecisionEnum | Unset = UNSET
    topics: list[str] | Unset = UNSET
    plover_type: None | PloverTypeEnum | Unset = UNSET
    plover_mode: str | Unset = UNSET
    note: str | Unset = UNSET
    ongoing: bool | Unset = UNSET
    place: None | str | Unset = UNSET
    actors: list[IncidentActorWriteRequest] | Unset = UNSET
    fatalities: int | None | Unset = UNSET
    injuries: int | None | Unset = UNSET
    summary: str | Unset = UNSET

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

        ongoing = self.ongoing

        place: None | str | Unset
        if isinstance(self.place, Unset):
            place = UNSET
        else:
            place = self.place

        actors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.actors, Unset):
            actors = []
            for actors_item_data in self.actors:
                actors_item = actors_item_data.to_dict()
                actors.append(actors_item)

        fatalities: int | None | Unset
        if isinstance(self.fatalities, Unset):
            fatalities = UNSET
        else:
            fatalities = self.fatalities

        injuries: int | None | Unset
        if isinstance(self.injuries, Unset):
            injuries = UNSET
        else:
            injuries = self.injuries

        summary = self.summary

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "slug": slug,
                "title": title,
                "date": date,
                "date_note": date_note,
                "citations": citations,
                "kind": kind,
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
        if ongoing is not UNSET:
            field_dict["ongoing"] = ongoing
        if place is not UNSET:
            field_dict["place"] = place
        if actors is not UNSET:
            field_dict["actors"] = actors
        if fatalities is not UNSET:
            field_dict["fatalities"] = fatalities
        if injuries is not UNSET:
            field_dict["injuries"] = injuries
        if summary is not UNSET:
            field_dict["summary"] = summary

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.citation_request import CitationRequest  # noqa: PLC0415
        from ..models.incident_actor_write_request import IncidentActorWriteRequest  # noqa: PLC0415

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

        kind = IncidentKindEnum(d.pop("kind"))

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

        ongoing = d.pop("ongoing", UNSET)

        def _parse_place(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        place = _parse_place(d.pop("place", UNSET))

        _actors = d.pop("actors", UNSET)
        actors: list[IncidentActorWriteRequest] | Unset = UNSET
        if _actors is not UNSET:
            actors = []
            for actors_item_data in _actors:
                actors_item = IncidentActorWriteRequest.from_dict(actors_item_data)

                actors.append(actors_item)

        def _parse_fatalities(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        fatalities = _parse_fatalities(d.pop("fatalities", UNSET))

        def _parse_injuries(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        injuries = _parse_injuries(d.pop("injuries", UNSET))

        summary = d.pop("summary", UNSET)

        incident_write_request = cls(
            slug=slug,
            title=title,
            date=date,
            date_note=date_note,
            citations=citations,
            kind=kind,
            end_date=end_date,
            date_precision=date_precision,
            topics=topics,
            plover_type=plover_type,
            plover_mode=plover_mode,
            note=note,
            ongoing=ongoing,
            place=place,
            actors=actors,
            fatalities=fatalities,
            injuries=injuries,
            summary=summary,
        )

        return incident_write_request
