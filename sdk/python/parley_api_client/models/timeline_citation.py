from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.supported_field_enum import SupportedFieldEnum

T = TypeVar("T", bound="TimelineCitation")


@_attrs_define
class TimelineCitation:
    """
    Attributes:
        source (str): Slug of the cited source.
        quote (str): Verbatim quote from a held document; empty for an outside reference.
        note (str): Curator's note: judgement calls and disagreements between sources.
        supports (list[SupportedFieldEnum]): Names of the record's fields this citation supports, e.g. ["date",
            "place"].
        disagrees (bool): True when the source states something other than the recorded value.
    """

    source: str
    quote: str
    note: str
    supports: list[SupportedFieldEnum]
    disagrees: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source = self.source

        quote = self.quote

        note = self.note

        supports = []
        for supports_item_data in self.supports:
            supports_item = supports_item_data.value
            supports.append(supports_item)

        disagrees = self.disagrees

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "source": source,
                "quote": quote,
                "note": note,
                "supports": supports,
                "disagrees": disagrees,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        source = d.pop("source")

        quote = d.pop("quote")

        note = d.pop("note")

        supports = []
        _supports = d.pop("supports")
        for supports_item_data in _supports:
            supports_item = SupportedFieldEnum(supports_item_data)

            supports.append(supports_item)

        disagrees = d.pop("disagrees")

        timeline_citation = cls(
            source=source,
            quote=quote,
            note=note,
            supports=supports,
            disagrees=disagrees,
        )

        timeline_citation.additional_properties = d
        return timeline_citation

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
