from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.supported_field_enum import SupportedFieldEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="CitationRequest")


@_attrs_define
class CitationRequest:
    """Takes a write body literally, for a curated dataset where silence loses data.

    A field the serializer does not write is refused by name instead of silently dropped
    (a misspelt `titel` would otherwise be lost without a word), and a value of the wrong
    JSON type is refused instead of coerced (DRF stores 12 as "12", reads "5" as 5 and a
    dict as the list of its keys). The schema says the same: `additionalProperties: false`
    (see events.api.openapi).

        Attributes:
            source (str): Slug of the cited source.
            quote (str | Unset): Exact substring of the source document; empty when the source is a reference (its text is
                not held).
            note (str | Unset): The curator's note; for a reference, what it attests, in our own words.
            supports (list[SupportedFieldEnum] | Unset): Names of the record's fields this citation supports, e.g. ["date",
                "place"].
            disagrees (bool | Unset): True when the source states something other than the recorded value.
    """

    source: str
    quote: str | Unset = UNSET
    note: str | Unset = UNSET
    supports: list[SupportedFieldEnum] | Unset = UNSET
    disagrees: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        source = self.source

        quote = self.quote

        note = self.note

        supports: list[str] | Unset = UNSET
        if not isinstance(self.supports, Unset):
            supports = []
            for supports_item_data in self.supports:
                supports_item = supports_item_data.value
                supports.append(supports_item)

        disagrees = self.disagrees

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "source": source,
            }
        )
        if quote is not UNSET:
            field_dict["quote"] = quote
        if note is not UNSET:
            field_dict["note"] = note
        if supports is not UNSET:
            field_dict["supports"] = supports
        if disagrees is not UNSET:
            field_dict["disagrees"] = disagrees

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        source = d.pop("source")

        quote = d.pop("quote", UNSET)

        note = d.pop("note", UNSET)

        _supports = d.pop("supports", UNSET)
        supports: list[SupportedFieldEnum] | Unset = UNSET
        if _supports is not UNSET:
            supports = []
            for supports_item_data in _supports:
                supports_item = SupportedFieldEnum(supports_item_data)

                supports.append(supports_item)

        disagrees = d.pop("disagrees", UNSET)

        citation_request = cls(
            source=source,
            quote=quote,
            note=note,
            supports=supports,
            disagrees=disagrees,
        )

        return citation_request
