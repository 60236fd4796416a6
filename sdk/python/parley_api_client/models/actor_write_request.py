from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.actor_kind_enum import ActorKindEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.actor_identifier_request import ActorIdentifierRequest
    from ..models.actor_role_request import ActorRoleRequest


T = TypeVar("T", bound="ActorWriteRequest")


@_attrs_define
class ActorWriteRequest:
    """Actors and places: `aliases` is a list of strings, unique across all records.

    Attributes:
        slug (str): The record's fixed public key: lowercase letters, digits and hyphens.
        name (str): Canonical English name.
        kind (ActorKindEnum): * `person` - Person
            * `state` - State
            * `organization` - Organization
            * `group` - Group
        country (None | str | Unset): ISO 3166-1 alpha-3 code of the actor's country, if any.
        aliases (list[str] | Unset): Other spellings met in the sources.
        description (str | Unset): Short description.
        identifiers (list[ActorIdentifierRequest] | Unset): Identifiers of the actor in other datasets (scheme and
            value).
        roles (list[ActorRoleRequest] | Unset): Offices the actor held, with the organisation and dates where known.
        note (str | Unset): Curator's note: judgement calls, disagreements.
    """

    slug: str
    name: str
    kind: ActorKindEnum
    country: None | str | Unset = UNSET
    aliases: list[str] | Unset = UNSET
    description: str | Unset = UNSET
    identifiers: list[ActorIdentifierRequest] | Unset = UNSET
    roles: list[ActorRoleRequest] | Unset = UNSET
    note: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        slug = self.slug

        name = self.name

        kind = self.kind.value

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        aliases: list[str] | Unset = UNSET
        if not isinstance(self.aliases, Unset):
            aliases = self.aliases

        description = self.description

        identifiers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.identifiers, Unset):
            identifiers = []
            for identifiers_item_data in self.identifiers:
                identifiers_item = identifiers_item_data.to_dict()
                identifiers.append(identifiers_item)

        roles: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.roles, Unset):
            roles = []
            for roles_item_data in self.roles:
                roles_item = roles_item_data.to_dict()
                roles.append(roles_item)

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "slug": slug,
                "name": name,
                "kind": kind,
            }
        )
        if country is not UNSET:
            field_dict["country"] = country
        if aliases is not UNSET:
            field_dict["aliases"] = aliases
        if description is not UNSET:
            field_dict["description"] = description
        if identifiers is not UNSET:
            field_dict["identifiers"] = identifiers
        if roles is not UNSET:
            field_dict["roles"] = roles
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actor_identifier_request import ActorIdentifierRequest  # noqa: PLC0415
        from ..models.actor_role_request import ActorRoleRequest  # noqa: PLC0415

        d = dict(src_dict)
        slug = d.pop("slug")

        name = d.pop("name")

        kind = ActorKindEnum(d.pop("kind"))

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        aliases = cast(list[str], d.pop("aliases", UNSET))

        description = d.pop("description", UNSET)

        _identifiers = d.pop("identifiers", UNSET)
        identifiers: list[ActorIdentifierRequest] | Unset = UNSET
        if _identifiers is not UNSET:
            identifiers = []
            for identifiers_item_data in _identifiers:
                identifiers_item = ActorIdentifierRequest.from_dict(identifiers_item_data)

                identifiers.append(identifiers_item)

        _roles = d.pop("roles", UNSET)
        roles: list[ActorRoleRequest] | Unset = UNSET
        if _roles is not UNSET:
            roles = []
            for roles_item_data in _roles:
                roles_item = ActorRoleRequest.from_dict(roles_item_data)

                roles.append(roles_item)

        note = d.pop("note", UNSET)

        actor_write_request = cls(
            slug=slug,
            name=name,
            kind=kind,
            country=country,
            aliases=aliases,
            description=description,
            identifiers=identifiers,
            roles=roles,
            note=note,
        )

        return actor_write_request
