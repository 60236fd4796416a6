from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.source_kind_enum import SourceKindEnum

T = TypeVar("T", bound="Source")


@_attrs_define
class Source:
    """Takes a write body literally, for a curated dataset where silence loses data.

    A field the serializer does not write is refused by name instead of silently dropped
    (a misspelt `titel` would otherwise be lost without a word), and a value of the wrong
    JSON type is refused instead of coerced (DRF stores 12 as "12", reads "5" as 5 and a
    dict as the list of its keys). The schema says the same: `additionalProperties: false`
    (see events.api.openapi).

        Attributes:
            api_url (str): Link to this record in the API.
            slug (str): The record's fixed public key: lowercase letters, digits and hyphens.
            kind (SourceKindEnum): * `document` - Held document
                * `reference` - Outside reference
            title (str): Headline of a document, if it has one; a reference's title in our own words.
            publisher (str): Publisher named in the document; empty when the text names none. Required for a reference.
            published_on (datetime.date | None): Publication date; null when the document does not give it. Required for a
                reference.
            url (None | str): Where the source was published; null when unknown. Required for a reference.
            language (str): BCP 47 language tag.
            document (None | str): File name of the source text the quotes can be checked against; null for a reference.
            note (str): Curator's note: judgement calls and disagreements between sources.
            created_at (datetime.datetime): When the record was created in Parley.
            updated_at (datetime.datetime): When the record, or anything it shows, last changed (for sync clients).
    """

    api_url: str
    slug: str
    kind: SourceKindEnum
    title: str
    publisher: str
    published_on: datetime.date | None
    url: None | str
    language: str
    document: None | str
    note: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        api_url = self.api_url

        slug = self.slug

        kind = self.kind.value

        title = self.title

        publisher = self.publisher

        published_on: None | str
        if isinstance(self.published_on, datetime.date):
            published_on = self.published_on.isoformat()
        else:
            published_on = self.published_on

        url: None | str
        url = self.url

        language = self.language

        document: None | str
        document = self.document

        note = self.note

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "api_url": api_url,
                "slug": slug,
                "kind": kind,
                "title": title,
                "publisher": publisher,
                "published_on": published_on,
                "url": url,
                "language": language,
                "document": document,
                "note": note,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        api_url = d.pop("api_url")

        slug = d.pop("slug")

        kind = SourceKindEnum(d.pop("kind"))

        title = d.pop("title")

        publisher = d.pop("publisher")

        def _parse_published_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_on_type_0 = datetime.date.fromisoformat(data)

                return published_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        published_on = _parse_published_on(d.pop("published_on"))

        def _parse_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        url = _parse_url(d.pop("url"))

        language = d.pop("language")

        def _parse_document(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        document = _parse_document(d.pop("document"))

        note = d.pop("note")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        source = cls(
            api_url=api_url,
            slug=slug,
            kind=kind,
            title=title,
            publisher=publisher,
            published_on=published_on,
            url=url,
            language=language,
            document=document,
            note=note,
            created_at=created_at,
            updated_at=updated_at,
        )

        source.additional_properties = d
        return source

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
