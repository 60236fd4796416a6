import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.date_precision_enum import DatePrecisionEnum
from ...models.documented_only_enum import DocumentedOnlyEnum
from ...models.error_detail import ErrorDetail
from ...models.event_ordering_enum import EventOrderingEnum
from ...models.paginated_statement_list import PaginatedStatementList
from ...models.statement_kind_enum import StatementKindEnum
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    bom: bool | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_precision: list[DatePrecisionEnum] | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    documented_only: DocumentedOnlyEnum | Unset = UNSET,
    kind: list[StatementKindEnum] | Unset = UNSET,
    meeting: int | Unset = UNSET,
    mentions: list[str] | Unset = UNSET,
    ordering: list[EventOrderingEnum] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    search: str | Unset = UNSET,
    speaker: str | Unset = UNSET,
    topic: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["bom"] = bom

    json_date_from: str | Unset = UNSET
    if not isinstance(date_from, Unset):
        json_date_from = date_from.isoformat()
    params["date_from"] = json_date_from

    json_date_precision: list[str] | Unset = UNSET
    if not isinstance(date_precision, Unset):
        json_date_precision = []
        for date_precision_item_data in date_precision:
            date_precision_item = date_precision_item_data.value
            json_date_precision.append(date_precision_item)

    params["date_precision"] = json_date_precision

    json_date_to: str | Unset = UNSET
    if not isinstance(date_to, Unset):
        json_date_to = date_to.isoformat()
    params["date_to"] = json_date_to

    json_documented_only: str | Unset = UNSET
    if not isinstance(documented_only, Unset):
        json_documented_only = documented_only.value

    params["documented_only"] = json_documented_only

    json_kind: list[str] | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = []
        for kind_item_data in kind:
            kind_item = kind_item_data.value
            json_kind.append(kind_item)

    params["kind"] = json_kind

    params["meeting"] = meeting

    json_mentions: list[str] | Unset = UNSET
    if not isinstance(mentions, Unset):
        json_mentions = mentions

    params["mentions"] = json_mentions

    json_ordering: list[str] | Unset = UNSET
    if not isinstance(ordering, Unset):
        json_ordering = []
        for ordering_item_data in ordering:
            ordering_item = ordering_item_data.value
            json_ordering.append(ordering_item)

    params["ordering"] = json_ordering

    params["page"] = page

    params["page_size"] = page_size

    params["search"] = search

    params["speaker"] = speaker

    params["topic"] = topic

    json_updated_since: str | Unset = UNSET
    if not isinstance(updated_since, Unset):
        json_updated_since = updated_since.isoformat()
    params["updated_since"] = json_updated_since

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/statements/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDetail | PaginatedStatementList | ValidationError | None:
    if response.status_code == 200:
        response_200 = PaginatedStatementList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ValidationError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorDetail.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorDetail.from_dict(response.json())

        return response_404

    if response.status_code == 406:
        response_406 = ErrorDetail.from_dict(response.json())

        return response_406

    if response.status_code == 429:
        response_429 = ErrorDetail.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorDetail | PaginatedStatementList | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    bom: bool | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_precision: list[DatePrecisionEnum] | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    documented_only: DocumentedOnlyEnum | Unset = UNSET,
    kind: list[StatementKindEnum] | Unset = UNSET,
    meeting: int | Unset = UNSET,
    mentions: list[str] | Unset = UNSET,
    ordering: list[EventOrderingEnum] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    search: str | Unset = UNSET,
    speaker: str | Unset = UNSET,
    topic: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> Response[ErrorDetail | PaginatedStatementList | ValidationError]:
    """What actors said: direct quotes, paraphrases, readouts and announcements.

    With `format=csv` (or the matching `Accept` header) the list answers every record matching the
    filters as one streamed file: `page` and `page_size` are ignored. CSV: a header row, then one row
    per record and one column per field; embedded records as slugs (`slug (role)` for actors with a
    role), lists joined with `; `, citations as `source: quote` (`source [date, place; disagrees]:
    quote` when the citation lists the fields it supports or disagrees) joined with ` | `.

    **Other formats** (files, outside the typed JSON answer): `?format=csv` or `Accept: text/csv`.
    Errors are JSON whatever the format.

    Args:
        bom (bool | Unset):
        date_from (datetime.date | Unset):
        date_precision (list[DatePrecisionEnum] | Unset):
        date_to (datetime.date | Unset):
        documented_only (DocumentedOnlyEnum | Unset): Values of the `documented_only` query
            parameter.

            * `true` - true
            * `false` - false
        kind (list[StatementKindEnum] | Unset):
        meeting (int | Unset):
        mentions (list[str] | Unset):
        ordering (list[EventOrderingEnum] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        search (str | Unset):
        speaker (str | Unset):
        topic (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | PaginatedStatementList | ValidationError]
    """

    kwargs = _get_kwargs(
        bom=bom,
        date_from=date_from,
        date_precision=date_precision,
        date_to=date_to,
        documented_only=documented_only,
        kind=kind,
        meeting=meeting,
        mentions=mentions,
        ordering=ordering,
        page=page,
        page_size=page_size,
        search=search,
        speaker=speaker,
        topic=topic,
        updated_since=updated_since,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    bom: bool | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_precision: list[DatePrecisionEnum] | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    documented_only: DocumentedOnlyEnum | Unset = UNSET,
    kind: list[StatementKindEnum] | Unset = UNSET,
    meeting: int | Unset = UNSET,
    mentions: list[str] | Unset = UNSET,
    ordering: list[EventOrderingEnum] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    search: str | Unset = UNSET,
    speaker: str | Unset = UNSET,
    topic: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> ErrorDetail | PaginatedStatementList | ValidationError | None:
    """What actors said: direct quotes, paraphrases, readouts and announcements.

    With `format=csv` (or the matching `Accept` header) the list answers every record matching the
    filters as one streamed file: `page` and `page_size` are ignored. CSV: a header row, then one row
    per record and one column per field; embedded records as slugs (`slug (role)` for actors with a
    role), lists joined with `; `, citations as `source: quote` (`source [date, place; disagrees]:
    quote` when the citation lists the fields it supports or disagrees) joined with ` | `.

    **Other formats** (files, outside the typed JSON answer): `?format=csv` or `Accept: text/csv`.
    Errors are JSON whatever the format.

    Args:
        bom (bool | Unset):
        date_from (datetime.date | Unset):
        date_precision (list[DatePrecisionEnum] | Unset):
        date_to (datetime.date | Unset):
        documented_only (DocumentedOnlyEnum | Unset): Values of the `documented_only` query
            parameter.

            * `true` - true
            * `false` - false
        kind (list[StatementKindEnum] | Unset):
        meeting (int | Unset):
        mentions (list[str] | Unset):
        ordering (list[EventOrderingEnum] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        search (str | Unset):
        speaker (str | Unset):
        topic (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | PaginatedStatementList | ValidationError
    """

    return sync_detailed(
        client=client,
        bom=bom,
        date_from=date_from,
        date_precision=date_precision,
        date_to=date_to,
        documented_only=documented_only,
        kind=kind,
        meeting=meeting,
        mentions=mentions,
        ordering=ordering,
        page=page,
        page_size=page_size,
        search=search,
        speaker=speaker,
        topic=topic,
        updated_since=updated_since,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    bom: bool | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_precision: list[DatePrecisionEnum] | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    documented_only: DocumentedOnlyEnum | Unset = UNSET,
    kind: list[StatementKindEnum] | Unset = UNSET,
    meeting: int | Unset = UNSET,
    mentions: list[str] | Unset = UNSET,
    ordering: list[EventOrderingEnum] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    search: str | Unset = UNSET,
    speaker: str | Unset = UNSET,
    topic: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> Response[ErrorDetail | PaginatedStatementList | ValidationError]:
    """What actors said: direct quotes, paraphrases, readouts and announcements.

    With `format=csv` (or the matching `Accept` header) the list answers every record matching the
    filters as one streamed file: `page` and `page_size` are ignored. CSV: a header row, then one row
    per record and one column per field; embedded records as slugs (`slug (role)` for actors with a
    role), lists joined with `; `, citations as `source: quote` (`source [date, place; disagrees]:
    quote` when the citation lists the fields it supports or disagrees) joined with ` | `.

    **Other formats** (files, outside the typed JSON answer): `?format=csv` or `Accept: text/csv`.
    Errors are JSON whatever the format.

    Args:
        bom (bool | Unset):
        date_from (datetime.date | Unset):
        date_precision (list[DatePrecisionEnum] | Unset):
        date_to (datetime.date | Unset):
        documented_only (DocumentedOnlyEnum | Unset): Values of the `documented_only` query
            parameter.

            * `true` - true
            * `false` - false
        kind (list[StatementKindEnum] | Unset):
        meeting (int | Unset):
        mentions (list[str] | Unset):
        ordering (list[EventOrderingEnum] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        search (str | Unset):
        speaker (str | Unset):
        topic (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | PaginatedStatementList | ValidationError]
    """

    kwargs = _get_kwargs(
        bom=bom,
        date_from=date_from,
        date_precision=date_precision,
        date_to=date_to,
        documented_only=documented_only,
        kind=kind,
        meeting=meeting,
        mentions=mentions,
        ordering=ordering,
        page=page,
        page_size=page_size,
        search=search,
        speaker=speaker,
        topic=topic,
        updated_since=updated_since,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    bom: bool | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_precision: list[DatePrecisionEnum] | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    documented_only: DocumentedOnlyEnum | Unset = UNSET,
    kind: list[StatementKindEnum] | Unset = UNSET,
    meeting: int | Unset = UNSET,
    mentions: list[str] | Unset = UNSET,
    ordering: list[EventOrderingEnum] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    search: str | Unset = UNSET,
    speaker: str | Unset = UNSET,
    topic: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> ErrorDetail | PaginatedStatementList | ValidationError | None:
    """What actors said: direct quotes, paraphrases, readouts and announcements.

    With `format=csv` (or the matching `Accept` header) the list answers every record matching the
    filters as one streamed file: `page` and `page_size` are ignored. CSV: a header row, then one row
    per record and one column per field; embedded records as slugs (`slug (role)` for actors with a
    role), lists joined with `; `, citations as `source: quote` (`source [date, place; disagrees]:
    quote` when the citation lists the fields it supports or disagrees) joined with ` | `.

    **Other formats** (files, outside the typed JSON answer): `?format=csv` or `Accept: text/csv`.
    Errors are JSON whatever the format.

    Args:
        bom (bool | Unset):
        date_from (datetime.date | Unset):
        date_precision (list[DatePrecisionEnum] | Unset):
        date_to (datetime.date | Unset):
        documented_only (DocumentedOnlyEnum | Unset): Values of the `documented_only` query
            parameter.

            * `true` - true
            * `false` - false
        kind (list[StatementKindEnum] | Unset):
        meeting (int | Unset):
        mentions (list[str] | Unset):
        ordering (list[EventOrderingEnum] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        search (str | Unset):
        speaker (str | Unset):
        topic (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | PaginatedStatementList | ValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            bom=bom,
            date_from=date_from,
            date_precision=date_precision,
            date_to=date_to,
            documented_only=documented_only,
            kind=kind,
            meeting=meeting,
            mentions=mentions,
            ordering=ordering,
            page=page,
            page_size=page_size,
            search=search,
            speaker=speaker,
            topic=topic,
            updated_since=updated_since,
        )
    ).parsed
