from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_detail import ErrorDetail
from ...models.paginated_revision_list import PaginatedRevisionList
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    slug: str,
    *,
    bom: bool | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["bom"] = bom

    params["page"] = page

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/actors/{slug}/history/".format(
            slug=quote(str(slug), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDetail | PaginatedRevisionList | ValidationError | None:
    if response.status_code == 200:
        response_200 = PaginatedRevisionList.from_dict(response.json())

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
) -> Response[ErrorDetail | PaginatedRevisionList | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    bom: bool | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
) -> Response[ErrorDetail | PaginatedRevisionList | ValidationError]:
    """The record's history

     Every change to this record, newest first: who made it, when, through what (api, admin,
    load_curated) and which fields changed.

    **Other formats** (files, outside the typed JSON answer): `?format=csv` or `Accept: text/csv`.
    Errors are JSON whatever the format.

    Args:
        slug (str):
        bom (bool | Unset):
        page (int | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | PaginatedRevisionList | ValidationError]
    """

    kwargs = _get_kwargs(
        slug=slug,
        bom=bom,
        page=page,
        page_size=page_size,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    bom: bool | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
) -> ErrorDetail | PaginatedRevisionList | ValidationError | None:
    """The record's history

     Every change to this record, newest first: who made it, when, through what (api, admin,
    load_curated) and which fields changed.

    **Other formats** (files, outside the typed JSON answer): `?format=csv` or `Accept: text/csv`.
    Errors are JSON whatever the format.

    Args:
        slug (str):
        bom (bool | Unset):
        page (int | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | PaginatedRevisionList | ValidationError
    """

    return sync_detailed(
        slug=slug,
        client=client,
        bom=bom,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    bom: bool | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
) -> Response[ErrorDetail | PaginatedRevisionList | ValidationError]:
    """The record's history

     Every change to this record, newest first: who made it, when, through what (api, admin,
    load_curated) and which fields changed.

    **Other formats** (files, outside the typed JSON answer): `?format=csv` or `Accept: text/csv`.
    Errors are JSON whatever the format.

    Args:
        slug (str):
        bom (bool | Unset):
        page (int | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | PaginatedRevisionList | ValidationError]
    """

    kwargs = _get_kwargs(
        slug=slug,
        bom=bom,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    bom: bool | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
) -> ErrorDetail | PaginatedRevisionList | ValidationError | None:
    """The record's history

     Every change to this record, newest first: who made it, when, through what (api, admin,
    load_curated) and which fields changed.

    **Other formats** (files, outside the typed JSON answer): `?format=csv` or `Accept: text/csv`.
    Errors are JSON whatever the format.

    Args:
        slug (str):
        bom (bool | Unset):
        page (int | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | PaginatedRevisionList | ValidationError
    """

    return (
        await asyncio_detailed(
            slug=slug,
            client=client,
            bom=bom,
            page=page,
            page_size=page_size,
        )
    ).parsed
