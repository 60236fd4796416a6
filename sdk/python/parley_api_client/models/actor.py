from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.actor_kind_enum import ActorKindEnum

if TYPE_CHECKING:
    from ..models.actor_identifier import ActorIdentifier
    from ..models.actor_role import ActorRole
    from ..models.citation import Citation


T = TypeVar("T", bound="Actor")


@_attrs_define
class Actor:
    """
    Attributes:
        api_url (str): Link to this record in the API.
        slug (str): The record's fixed public key: lowercase letters, digits and hyphens.
        name (str): Canonical English name.
        kind (ActorKindEnum): * `person` - Person
            * `state` - State
            * `organization` - Organization
            * `group` - Group
        country (None | str): ISO 3166-1 alpha-3 code of the actor's country, if any.
        aliases (list[str]): Other spellings met in the sources.
        description (str): Short description.
        identifiers (list[ActorIdentifier]): Identifiers of the actor in other datasets (scheme and value).
        roles (list[ActorRole]): Offices the actor held, with the organisation and dates where known.
        note (str): Curator's note: judgement calls, disagreements.
        citations (list[Citation]): Sources: short verbatim quotes from held documents, or notes on what an outside
            reference attests; each names the fields it supports.
        created_at (datetime.datetime): When the record was created in Parley.
        updated_at (datetime.datetime): When the record, or anything it shows, last changed (for sync clients).
    """

    api_url: str
    slug: str
    name: str
    kind: ActorKindEnum
    country: None | str
    aliases: list[str]
    description: str
    identifiers: list[ActorIdentifier]
    roles: list[ActorRole]
    note: str
    citations: list[Citation]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        api_url = self.api_url

        slug = self.slug

        name = self.name

        kind = self.kind.value

        country: None | str
        country = self.country

        aliases = self.aliases

        description = self.description

        identifiers = []
        for identifiers_item_data in self.identifiers:
            identifiers_item = identifiers_item_data.to_dict()
            identifiers.append(identifiers_item)

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.to_dict()
            roles.append(roles_item)

        note = self.note

        citations = []
        for citations_item_data in self.citations:
            citations_item = citations_item_data.to_dict()
            citations.append(citations_item)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "api_url": api_url,
                "slug": slug,
                "name": name,
                "kind": kind,
                "country": country,
                "aliases": aliases,
                "description": description,
                "identifiers": identifiers,
                "roles": roles,
                "note": note,
                "citations": citations,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actor_identifier import ActorIdentifier  # noqa: PLC0415
        from ..models.actor_role import ActorRole  # noqa: PLC0415
        from ..models.citation import Citation  # noqa: PLC0415

        d = dict(src_dict)
        api_url = d.pop("api_url")

        slug = d.pop("slug")

        name = d.pop("name")

        kind = ActorKindEnum(d.pop("kind"))

        def _parse_country(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        country = _parse_country(d.pop("country"))

        aliases = cast(list[str], d.pop("aliases"))

        description = d.pop("description")

        identifiers = []
        _identifiers = d.pop("identifiers")
        for identifiers_item_data in _identifiers:
            identifiers_item = ActorIdentifier.from_dict(identifiers_item_data)

            identifiers.append(identifiers_item)

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = ActorRole.from_dict(roles_item_data)

            roles.append(roles_item)

        note = d.pop("note")

        citations = []
        _citations = d.pop("citations")
        for citations_item_data in _citations:
            citations_item = Citation.from_dict(citations_item_data)

            citations.append(citations_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        actor = cls(
            api_url=api_url,
            slug=slug,
            name=name,
            kind=kind,
            country=country,
            aliases=aliases,
            description=description,
            identifiers=identifiers,
            roles=roles,
            note=note,
            citations=citations,
            created_at=created_at,
            updated_at=updated_at,
        )

        actor.additional_properties = d
        return actor

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
