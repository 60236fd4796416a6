from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="NetworkEdge")


@_attrs_define
class NetworkEdge:
    """
    Attributes:
        source (str): Slug of one actor (the smaller of the two slugs).
        target (str): Slug of the other actor.
        weight (int): Number of meetings the two actors shared.
        meeting_ids (list[int]): Ids of the shared meetings, ascending.
        first_date (datetime.date): First day of the earliest shared meeting.
        last_date (datetime.date): Last day of the latest shared meeting (its end date if it spanned days).
    """

    source: str
    target: str
    weight: int
    meeting_ids: list[int]
    first_date: datetime.date
    last_date: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source = self.source

        target = self.target

        weight = self.weight

        meeting_ids = self.meeting_ids

        first_date = self.first_date.isoformat()

        last_date = self.last_date.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "source": source,
                "target": target,
                "weight": weight,
                "meeting_ids": meeting_ids,
                "first_date": first_date,
                "last_date": last_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        source = d.pop("source")

        target = d.pop("target")

        weight = d.pop("weight")

        meeting_ids = cast(list[int], d.pop("meeting_ids"))

        first_date = datetime.date.fromisoformat(d.pop("first_date"))

        last_date = datetime.date.fromisoformat(d.pop("last_date"))

        network_edge = cls(
            source=source,
            target=target,
            weight=weight,
            meeting_ids=meeting_ids,
            first_date=first_date,
            last_date=last_date,
        )

        network_edge.additional_properties = d
        return network_edge

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
