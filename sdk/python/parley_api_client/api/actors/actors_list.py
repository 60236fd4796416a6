import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.actor_kind_enum import ActorKindEnum
from ...models.error_detail import ErrorDetail
from ...models.paginated_actor_list import PaginatedActorList
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    bom: bool | Unset = UNSET,
    country: str | Unset = UNSET,
    kind: list[ActorKindEnum] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    search: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["bom"] = bom

    params["country"] = country

    json_kind: list[str] | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = []
        for kind_item_data in kind:
            kind_item = kind_item_data.value
            json_kind.append(kind_item)

    params["kind"] = json_kind

    params["page"] = page

    params["page_size"] = page_size

    params["search"] = search

    json_updated_since: str | Unset = UNSET
    if not isinstance(updated_since, Unset):
        json_updated_since = updated_since.isoformat()
    params["updated_since"] = json_updated_since

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/actors/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDetail | PaginatedActorList | ValidationError | None:
    if response.status_code == 200:
        response_200 = PaginatedActorList.from_dict(response.json())

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
) -> Response[ErrorDetail | PaginatedActorList | ValidationError]:
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
    country: str | Unset = UNSET,
    kind: list[ActorKindEnum] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    search: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> Response[ErrorDetail | PaginatedActorList | ValidationError]:
    """People, states, organisations and groups. `search` matches names and aliases.

    With `format=csv` (or the matching `Accept` header) the list answers every record matching the
    filters as one streamed file: `page` and `page_size` are ignored. CSV: a header row, then one row
    per record and one column per field; embedded records as slugs (`slug (role)` for actors with a
    role), lists joined with `; `, citations as `source: quote` (`source [date, place; disagrees]:
    quote` when the citation lists the fields it supports or disagrees) joined with ` | `.

    **Other formats** (files, outside the typed JSON answer): `?format=csv` or `Accept: text/csv`.
    Errors are JSON whatever the format.

    Args:
        bom (bool | Unset):
        country (str | Unset):
        kind (list[ActorKindEnum] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        search (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | PaginatedActorList | ValidationError]
    """

    kwargs = _get_kwargs(
        bom=bom,
        country=country,
        kind=kind,
        page=page,
        page_size=page_size,
        search=search,
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
    country: str | Unset = UNSET,
    kind: list[ActorKindEnum] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    search: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> ErrorDetail | PaginatedActorList | ValidationError | None:
    """People, states, organisations and groups. `search` matches names and aliases.

    With `format=csv` (or the matching `Accept` header) the list answers every record matching the
    filters as one streamed file: `page` and `page_size` are ignored. CSV: a header row, then one row
    per record and one column per field; embedded records as slugs (`slug (role)` for actors with a
    role), lists joined with `; `, citations as `source: quote` (`source [date, place; disagrees]:
    quote` when the citation lists the fields it supports or disagrees) joined with ` | `.

    **Other formats** (files, outside the typed JSON answer): `?format=csv` or `Accept: text/csv`.
    Errors are JSON whatever the format.

    Args:
        bom (bool | Unset):
        country (str | Unset):
        kind (list[ActorKindEnum] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        search (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | PaginatedActorList | ValidationError
    """

    return sync_detailed(
        client=client,
        bom=bom,
        country=country,
        kind=kind,
        page=page,
        page_size=page_size,
        search=search,
        updated_since=updated_since,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    bom: bool | Unset = UNSET,
    country: str | Unset = UNSET,
    kind: list[ActorKindEnum] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    search: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> Response[ErrorDetail | PaginatedActorList | ValidationError]:
    """People, states, organisations and groups. `search` matches names and aliases.

    With `format=csv` (or the matching `Accept` header) the list answers every record matching the
    filters as one streamed file: `page` and `page_size` are ignored. CSV: a header row, then one row
    per record and one column per field; embedded records as slugs (`slug (role)` for actors with a
    role), lists joined with `; `, citations as `source: quote` (`source [date, place; disagrees]:
    quote` when the citation lists the fields it supports or disagrees) joined with ` | `.

    **Other formats** (files, outside the typed JSON answer): `?format=csv` or `Accept: text/csv`.
    Errors are JSON whatever the format.

    Args:
        bom (bool | Unset):
        country (str | Unset):
        kind (list[ActorKindEnum] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        search (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | PaginatedActorList | ValidationError]
    """

    kwargs = _get_kwargs(
        bom=bom,
        country=country,
        kind=kind,
        page=page,
        page_size=page_size,
        search=search,
        updated_since=updated_since,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    bom: bool | Unset = UNSET,
    country: str | Unset = UNSET,
    kind: list[ActorKindEnum] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    search: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> ErrorDetail | PaginatedActorList | ValidationError | None:
    """People, states, organisations and groups. `search` matches names and aliases.

    With `format=csv` (or the matching `Accept` header) the list answers every record matching the
    filters as one streamed file: `page` and `page_size` are ignored. CSV: a header row, then one row
    per record and one column per field; embedded records as slugs (`slug (role)` for actors with a
    role), lists joined with `; `, citations as `source: quote` (`source [date, place; disagrees]:
    quote` when the citation lists the fields it supports or disagrees) joined with ` | `.

    **Other formats** (files, outside the typed JSON answer): `?format=csv` or `Accept: text/csv`.
    Errors are JSON whatever the format.

    Args:
        bom (bool | Unset):
        country (str | Unset):
        kind (list[ActorKindEnum] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        search (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | PaginatedActorList | ValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            bom=bom,
            country=country,
            kind=kind,
            page=page,
            page_size=page_size,
            search=search,
            updated_since=updated_since,
        )
    ).parsed
