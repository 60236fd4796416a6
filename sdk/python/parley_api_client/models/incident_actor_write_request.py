from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.incident_actor_role_enum import IncidentActorRoleEnum

T = TypeVar("T", bound="IncidentActorWriteRequest")


@_attrs_define
class IncidentActorWriteRequest:
    """Takes a write body literally, for a curated dataset where silence loses data.

    A field the serializer does not write is refused by name instead of silently dropped
    (a misspelt `titel` would otherwise be lost without a word), and a value of the wrong
    JSON type is refused instead of coerced (DRF stores 12 as "12", reads "5" as 5 and a
    dict as the list of its keys). The schema says the same: `additionalProperties: false`
    (see events.api.openapi).

        Attributes:
            actor (str): Actor slug.
            role (IncidentActorRoleEnum): * `perpetrator` - Perpetrator
                * `target` - Target
                * `affected` - Affected
                * `party` - Party
                * `mediator` - Mediator
    """

    actor: str
    role: IncidentActorRoleEnum

    def to_dict(self) -> dict[str, Any]:
        actor = self.actor

        role = self.role.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "actor": actor,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        actor = d.pop("actor")

        role = IncidentActorRoleEnum(d.pop("role"))

        incident_actor_write_request = cls(
            actor=actor,
            role=role,
        )

        return incident_actor_write_request
