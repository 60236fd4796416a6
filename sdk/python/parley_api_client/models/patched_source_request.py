from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.source_kind_enum import SourceKindEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchedSourceRequest")


@_attrs_define
class PatchedSourceRequest:
    """Takes a write body literally, for a curated dataset where silence loses data.

    A field the serializer does not write is refused by name instead of silently dropped
    (a misspelt `titel` would otherwise be lost without a word), and a value of the wrong
    JSON type is refused instead of coerced (DRF stores 12 as "12", reads "5" as 5 and a
    dict as the list of its keys). The schema says the same: `additionalProperties: false`
    (see events.api.openapi).

        Attributes:
            slug (str | Unset): The record's fixed public key: lowercase letters, digits and hyphens.
            kind (SourceKindEnum | Unset): * `document` - Held document
                * `reference` - Outside reference
            title (str | Unset): Headline of a document, if it has one; a reference's title in our own words.
            publisher (str | Unset): Publisher named in the document; empty when the text names none. Required for a
                reference.
            published_on (datetime.date | None | Unset): Publication date; null when the document does not give it. Required
                for a reference.
            url (None | str | Unset): Where the source was published; null when unknown. Required for a reference.
            language (str | Unset): BCP 47 language tag.
            document (None | str | Unset): File name of the source text the quotes can be checked against; null for a
                reference.
            note (str | Unset): Curator's note: judgement calls and disagreements between sources.
    """

    slug: str | Unset = UNSET
    kind: SourceKindEnum | Unset = UNSET
    title: str | Unset = UNSET
    publisher: str | Unset = UNSET
    published_on: datetime.date | None | Unset = UNSET
    url: None | str | Unset = UNSET
    language: str | Unset = UNSET
    document: None | str | Unset = UNSET
    note: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        slug = self.slug

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        title = self.title

        publisher = self.publisher

        published_on: None | str | Unset
        if isinstance(self.published_on, Unset):
            published_on = UNSET
        elif isinstance(self.published_on, datetime.date):
            published_on = self.published_on.isoformat()
        else:
            published_on = self.published_on

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        language = self.language

        document: None | str | Unset
        if isinstance(self.document, Unset):
            document = UNSET
        else:
            document = self.document

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if slug is not UNSET:
            field_dict["slug"] = slug
        if kind is not UNSET:
            field_dict["kind"] = kind
        if title is not UNSET:
            field_dict["title"] = title
        if publisher is not UNSET:
            field_dict["publisher"] = publisher
        if published_on is not UNSET:
            field_dict["published_on"] = published_on
        if url is not UNSET:
            field_dict["url"] = url
        if language is not UNSET:
            field_dict["language"] = language
        if document is not UNSET:
            field_dict["document"] = document
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        slug = d.pop("slug", UNSET)

        _kind = d.pop("kind", UNSET)
        kind: SourceKindEnum | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = SourceKindEnum(_kind)

        title = d.pop("title", UNSET)

        publisher = d.pop("publisher", UNSET)

        def _parse_published_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_on_type_0 = datetime.date.fromisoformat(data)

                return published_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        published_on = _parse_published_on(d.pop("published_on", UNSET))

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        language = d.pop("language", UNSET)

        def _parse_document(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        document = _parse_document(d.pop("document", UNSET))

        note = d.pop("note", UNSET)

        patched_source_request = cls(
            slug=slug,
            kind=kind,
            title=title,
            publisher=publisher,
            published_on=published_on,
            url=url,
            language=language,
            document=document,
            note=note,
        )

        return patched_source_request
