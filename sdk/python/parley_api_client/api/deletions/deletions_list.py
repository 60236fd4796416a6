import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_detail import ErrorDetail
from ...models.paginated_deletion_list import PaginatedDeletionList
from ...models.record_type_enum import RecordTypeEnum
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    bom: bool | Unset = UNSET,
    deleted_since: datetime.datetime | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    type_: list[RecordTypeEnum] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["bom"] = bom

    json_deleted_since: str | Unset = UNSET
    if not isinstance(deleted_since, Unset):
        json_deleted_since = deleted_since.isoformat()
    params["deleted_since"] = json_deleted_since

    params["page"] = page

    params["page_size"] = page_size

    json_type_: list[str] | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = []
        for type_item_data in type_:
            type_item = type_item_data.value
            json_type_.append(type_item)

    params["type"] = json_type_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/deletions/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDetail | PaginatedDeletionList | ValidationError | None:
    if response.status_code == 200:
        response_200 = PaginatedDeletionList.from_dict(response.json())

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
) -> Response[ErrorDetail | PaginatedDeletionList | ValidationError]:
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
    deleted_since: datetime.datetime | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    type_: list[RecordTypeEnum] | Unset = UNSET,
) -> Response[ErrorDetail | PaginatedDeletionList | ValidationError]:
    """Deleted records, for clients that mirror the data

     One entry per deleted record, oldest first. Poll with `deleted_since` set to the time of your last
    sync and delete these records.

    **Other formats** (files, outside the typed JSON answer): `?format=csv` or `Accept: text/csv`.
    Errors are JSON whatever the format.

    Args:
        bom (bool | Unset):
        deleted_since (datetime.datetime | Unset):
        page (int | Unset):
        page_size (int | Unset):
        type_ (list[RecordTypeEnum] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | PaginatedDeletionList | ValidationError]
    """

    kwargs = _get_kwargs(
        bom=bom,
        deleted_since=deleted_since,
        page=page,
        page_size=page_size,
        type_=type_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    bom: bool | Unset = UNSET,
    deleted_since: datetime.datetime | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    type_: list[RecordTypeEnum] | Unset = UNSET,
) -> ErrorDetail | PaginatedDeletionList | ValidationError | None:
    """Deleted records, for clients that mirror the data

     One entry per deleted record, oldest first. Poll with `deleted_since` set to the time of your last
    sync and delete these records.

    **Other formats** (files, outside the typed JSON answer): `?format=csv` or `Accept: text/csv`.
    Errors are JSON whatever the format.

    Args:
        bom (bool | Unset):
        deleted_since (datetime.datetime | Unset):
        page (int | Unset):
        page_size (int | Unset):
        type_ (list[RecordTypeEnum] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | PaginatedDeletionList | ValidationError
    """

    return sync_detailed(
        client=client,
        bom=bom,
        deleted_since=deleted_since,
        page=page,
        page_size=page_size,
        type_=type_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    bom: bool | Unset = UNSET,
    deleted_since: datetime.datetime | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    type_: list[RecordTypeEnum] | Unset = UNSET,
) -> Response[ErrorDetail | PaginatedDeletionList | ValidationError]:
    """Deleted records, for clients that mirror the data

     One entry per deleted record, oldest first. Poll with `deleted_since` set to the time of your last
    sync and delete these records.

    **Other formats** (files, outside the typed JSON answer): `?format=csv` or `Accept: text/csv`.
    Errors are JSON whatever the format.

    Args:
        bom (bool | Unset):
        deleted_since (datetime.datetime | Unset):
        page (int | Unset):
        page_size (int | Unset):
        type_ (list[RecordTypeEnum] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | PaginatedDeletionList | ValidationError]
    """

    kwargs = _get_kwargs(
        bom=bom,
        deleted_since=deleted_since,
        page=page,
        page_size=page_size,
        type_=type_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    bom: bool | Unset = UNSET,
    deleted_since: datetime.datetime | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    type_: list[RecordTypeEnum] | Unset = UNSET,
) -> ErrorDetail | PaginatedDeletionList | ValidationError | None:
    """Deleted records, for clients that mirror the data

     One entry per deleted record, oldest first. Poll with `deleted_since` set to the time of your last
    sync and delete these records.

    **Other formats** (files, outside the typed JSON answer): `?format=csv` or `Accept: text/csv`.
    Errors are JSON whatever the format.

    Args:
        bom (bool | Unset):
        deleted_since (datetime.datetime | Unset):
        page (int | Unset):
        page_size (int | Unset):
        type_ (list[RecordTypeEnum] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | PaginatedDeletionList | ValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            bom=bom,
            deleted_since=deleted_since,
            page=page,
            page_size=page_size,
            type_=type_,
        )
    ).parsed
