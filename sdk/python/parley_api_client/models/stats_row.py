from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StatsRow")


@_attrs_define
class StatsRow:
    """
    Attributes:
        key (None | str): Period (YYYY or YYYY-MM), type, slug or country; null: none.
        label (str): Human-readable form of the key.
        meeting (int): Number of meetings.
        statement (int): Number of statements.
        incident (int): Number of incidents.
        total (int): Events of all types in the group.
    """

    key: None | str
    label: str
    meeting: int
    statement: int
    incident: int
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key: None | str
        key = self.key

        label = self.label

        meeting = self.meeting

        statement = self.statement

        incident = self.incident

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "label": label,
                "meeting": meeting,
                "statement": statement,
                "incident": incident,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_key(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        key = _parse_key(d.pop("key"))

        label = d.pop("label")

        meeting = d.pop("meeting")

        statement = d.pop("statement")

        incident = d.pop("incident")

        total = d.pop("total")

        stats_row = cls(
            key=key,
            label=label,
            meeting=meeting,
            statement=statement,
            incident=incident,
            total=total,
        )

        stats_row.additional_properties = d
        return stats_row

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
