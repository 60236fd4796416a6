from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.place_kind_enum import PlaceKindEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchedPlaceWriteRequest")


@_attrs_define
class PatchedPlaceWriteRequest:
    """Actors and places: `aliases` is a list of strings, unique across all records.

    Attributes:
        slug (str | Unset): The record's fixed public key: lowercase letters, digits and hyphens.
        name (str | Unset): Name (canonical English form for actors and places).
        kind (PlaceKindEnum | Unset): * `country` - Country
            * `city` - City
            * `town` - Town
            * `village` - Village
            * `region` - Region
            * `border_area` - Border area
            * `corridor` - Corridor
            * `site` - Site
        country (None | str | Unset): ISO 3166-1 alpha-3 code of the country the place lies in.
        latitude (float | None | Unset): Decimal degrees (WGS 84), at most 5 decimals; null when unknown.
        longitude (float | None | Unset): Decimal degrees (WGS 84), at most 5 decimals; null when unknown.
        aliases (list[str] | Unset): Other spellings met in the sources.
    """

    slug: str | Unset = UNSET
    name: str | Unset = UNSET
    kind: PlaceKindEnum | Unset = UNSET
    country: None | str | Unset = UNSET
    latitude: float | None | Unset = UNSET
    longitude: float | None | Unset = UNSET
    aliases: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        slug = self.slug

        name = self.name

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        latitude: float | None | Unset
        if isinstance(self.latitude, Unset):
            latitude = UNSET
        else:
            latitude = self.latitude

        longitude: float | None | Unset
        if isinstance(self.longitude, Unset):
            longitude = UNSET
        else:
            longitude = self.longitude

        aliases: list[str] | Unset = UNSET
        if not isinstance(self.aliases, Unset):
            aliases = self.aliases

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if slug is not UNSET:
            field_dict["slug"] = slug
        if name is not UNSET:
            field_dict["name"] = name
        if kind is not UNSET:
            field_dict["kind"] = kind
        if country is not UNSET:
            field_dict["country"] = country
        if latitude is not UNSET:
            field_dict["latitude"] = latitude
        if longitude is not UNSET:
            field_dict["longitude"] = longitude
        if aliases is not UNSET:
            field_dict["aliases"] = aliases

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        slug = d.pop("slug", UNSET)

        name = d.pop("name", UNSET)

        _kind = d.pop("kind", UNSET)
        kind: PlaceKindEnum | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = PlaceKindEnum(_kind)

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        def _parse_latitude(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        latitude = _parse_latitude(d.pop("latitude", UNSET))

        def _parse_longitude(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        longitude = _parse_longitude(d.pop("longitude", UNSET))

        aliases = cast(list[str], d.pop("aliases", UNSET))

        patched_place_write_request = cls(
            slug=slug,
            name=name,
            kind=kind,
            country=country,
            latitude=latitude,
            longitude=longitude,
            aliases=aliases,
        )

        return patched_place_write_request
