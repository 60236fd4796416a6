from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ActorIdentifierRequest")


@_attrs_define
class ActorIdentifierRequest:
    """Takes a write body literally, for a curated dataset where silence loses data.

    A field the serializer does not write is refused by name instead of silently dropped
    (a misspelt `titel` would otherwise be lost without a word), and a value of the wrong
    JSON type is refused instead of coerced (DRF stores 12 as "12", reads "5" as 5 and a
    dict as the list of its keys). The schema says the same: `additionalProperties: false`
    (see events.api.openapi).

        Attributes:
            scheme (str): The other dataset, e.g. wikidata.
            value (str): The identifier within that dataset, e.g. Q7747.
    """

    scheme: str
    value: str

    def to_dict(self) -> dict[str, Any]:
        scheme = self.scheme

        value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "scheme": scheme,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        scheme = d.pop("scheme")

        value = d.pop("value")

        actor_identifier_request = cls(
            scheme=scheme,
            value=value,
        )

        return actor_identifier_request
