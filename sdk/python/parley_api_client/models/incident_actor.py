from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.incident_actor_role_enum import IncidentActorRoleEnum

T = TypeVar("T", bound="IncidentActor")


@_attrs_define
class IncidentActor:
    """An actor's brief form plus the part they played.

    Attributes:
        slug (str): The record's fixed public key: lowercase letters, digits and hyphens.
        name (str): Name (canonical English form for actors and places).
        role (IncidentActorRoleEnum): * `perpetrator` - Perpetrator
            * `target` - Target
            * `affected` - Affected
            * `party` - Party
            * `mediator` - Mediator
    """

    slug: str
    name: str
    role: IncidentActorRoleEnum
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        slug = self.slug

        name = self.name

        role = self.role.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "slug": slug,
                "name": name,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        slug = d.pop("slug")

        name = d.pop("name")

        role = IncidentActorRoleEnum(d.pop("role"))

        incident_actor = cls(
            slug=slug,
            name=name,
            role=role,
        )

        incident_actor.additional_properties = d
        return incident_actor

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
