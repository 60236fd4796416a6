from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.place_kind_enum import PlaceKindEnum

if TYPE_CHECKING:
    from ..models.citation import Citation


T = TypeVar("T", bound="Place")


@_attrs_define
class Place:
    """
    Attributes:
        api_url (str): Link to this record in the API.
        slug (str): The record's fixed public key: lowercase letters, digits and hyphens.
        name (str): Name (canonical English form for actors and places).
        kind (PlaceKindEnum): * `country` - Country
            * `city` - City
            * `town` - Town
            * `village` - Village
            * `region` - Region
            * `border_area` - Border area
            * `corridor` - Corridor
            * `site` - Site
        country (None | str): ISO 3166-1 alpha-3 code of the country the place lies in.
        latitude (float | None): Decimal degrees (WGS 84), at most 5 decimals; null when unknown.
        longitude (float | None): Decimal degrees (WGS 84), at most 5 decimals; null when unknown.
        aliases (list[str]): Other spellings met in the sources.
        citations (list[Citation]): Sources: short verbatim quotes from held documents, or notes on what an outside
            reference attests; each names the fields it supports.
        created_at (datetime.datetime): When the record was created in Parley.
        updated_at (datetime.datetime): When the record, or anything it shows, last changed (for sync clients).
    """

    api_url: str
    slug: str
    name: str
    kind: PlaceKindEnum
    country: None | str
    latitude: float | None
    longitude: float | None
    aliases: list[str]
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

        latitude: float | None
        latitude = self.latitude

        longitude: float | None
        longitude = self.longitude

        aliases = self.aliases

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
                "latitude": latitude,
                "longitude": longitude,
                "aliases": aliases,
                "citations": citations,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.citation import Citation  # noqa: PLC0415

        d = dict(src_dict)
        api_url = d.pop("api_url")

        slug = d.pop("slug")

        name = d.pop("name")

        kind = PlaceKindEnum(d.pop("kind"))

        def _parse_country(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        country = _parse_country(d.pop("country"))

        def _parse_latitude(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        latitude = _parse_latitude(d.pop("latitude"))

        def _parse_longitude(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        longitude = _parse_longitude(d.pop("longitude"))

        aliases = cast(list[str], d.pop("aliases"))

        citations = []
        _citations = d.pop("citations")
        for citations_item_data in _citations:
            citations_item = Citation.from_dict(citations_item_data)

            citations.append(citations_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        place = cls(
            api_url=api_url,
            slug=slug,
            name=name,
            kind=kind,
            country=country,
            latitude=latitude,
            longitude=longitude,
            aliases=aliases,
            citations=citations,
            created_at=created_at,
            updated_at=updated_at,
        )

        place.additional_properties = d
        return place

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
