from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.actor_kind_enum import ActorKindEnum

T = TypeVar("T", bound="NetworkNode")


@_attrs_define
class NetworkNode:
    """
    Attributes:
        slug (str): Actor slug; the node's identifier.
        name (str): Actor's canonical English name.
        kind (ActorKindEnum): * `person` - Person
            * `state` - State
            * `organization` - Organization
            * `group` - Group
        meetings (int): Number of the selected meetings the actor took part in, in any role.
        first_date (datetime.date): First day of the earliest selected meeting the actor took part in.
        last_date (datetime.date): Last day of the latest selected meeting the actor took part in (its end date if it
            spanned days).
    """

    slug: str
    name: str
    kind: ActorKindEnum
    meetings: int
    first_date: datetime.date
    last_date: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        slug = self.slug

        name = self.name

        kind = self.kind.value

        meetings = self.meetings

        first_date = self.first_date.isoformat()

        last_date = self.last_date.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "slug": slug,
                "name": name,
                "kind": kind,
                "meetings": meetings,
                "first_date": first_date,
                "last_date": last_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        slug = d.pop("slug")

        name = d.pop("name")

        kind = ActorKindEnum(d.pop("kind"))

        meetings = d.pop("meetings")

        first_date = datetime.date.fromisoformat(d.pop("first_date"))

        last_date = datetime.date.fromisoformat(d.pop("last_date"))

        network_node = cls(
            slug=slug,
            name=name,
            kind=kind,
            meetings=meetings,
            first_date=first_date,
            last_date=last_date,
        )

        network_node.additional_properties = d
        return network_node

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
