import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_detail import ErrorDetail
from ...models.paginated_revision_list import PaginatedRevisionList
from ...models.record_type_enum import RecordTypeEnum
from ...models.revision_action_enum import RevisionActionEnum
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    action: list[RevisionActionEnum] | Unset = UNSET,
    key: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    type_: RecordTypeEnum | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_action: list[str] | Unset = UNSET
    if not isinstance(action, Unset):
        json_action = []
        for action_item_data in action:
            action_item = action_item_data.value
            json_action.append(action_item)

    params["action"] = json_action

    params["key"] = key

    params["page"] = page

    params["page_size"] = page_size

    json_since: str | Unset = UNSET
    if not isinstance(since, Unset):
        json_since = since.isoformat()
    params["since"] = json_since

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_.value

    params["type"] = json_type_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/history/",
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
    *,
    client: AuthenticatedClient | Client,
    action: list[RevisionActionEnum] | Unset = UNSET,
    key: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    type_: RecordTypeEnum | Unset = UNSET,
) -> Response[ErrorDetail | PaginatedRevisionList | ValidationError]:
    """Every change to the curated records

     Newest first. Filter by `type` and `key` for one record — including a deleted one, whose last
    revision (`deleted`) holds the record as it was.

    **Other formats** (files, outside the typed JSON answer): `?format=csv` or `Accept: text/csv`.
    Errors are JSON whatever the format.

    Args:
        action (list[RevisionActionEnum] | Unset):
        key (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        since (datetime.datetime | Unset):
        type_ (RecordTypeEnum | Unset): Values of the `type` query parameter.

            * `topic` - topic
            * `source` - source
            * `place` - place
            * `actor` - actor
            * `meeting` - meeting
            * `statement` - statement
            * `incident` - incident

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | PaginatedRevisionList | ValidationError]
    """

    kwargs = _get_kwargs(
        action=action,
        key=key,
        page=page,
        page_size=page_size,
        since=since,
        type_=type_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    action: list[RevisionActionEnum] | Unset = UNSET,
    key: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    type_: RecordTypeEnum | Unset = UNSET,
) -> ErrorDetail | PaginatedRevisionList | ValidationError | None:
    """Every change to the curated records

     Newest first. Filter by `type` and `key` for one record — including a deleted one, whose last
    revision (`deleted`) holds the record as it was.

    **Other formats** (files, outside the typed JSON answer): `?format=csv` or `Accept: text/csv`.
    Errors are JSON whatever the format.

    Args:
        action (list[RevisionActionEnum] | Unset):
        key (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        since (datetime.datetime | Unset):
        type_ (RecordTypeEnum | Unset): Values of the `type` query parameter.

            * `topic` - topic
            * `source` - source
            * `place` - place
            * `actor` - actor
            * `meeting` - meeting
            * `statement` - statement
            * `incident` - incident

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | PaginatedRevisionList | ValidationError
    """

    return sync_detailed(
        client=client,
        action=action,
        key=key,
        page=page,
        page_size=page_size,
        since=since,
        type_=type_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    action: list[RevisionActionEnum] | Unset = UNSET,
    key: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    type_: RecordTypeEnum | Unset = UNSET,
) -> Response[ErrorDetail | PaginatedRevisionList | ValidationError]:
    """Every change to the curated records

     Newest first. Filter by `type` and `key` for one record — including a deleted one, whose last
    revision (`deleted`) holds the record as it was.

    **Other formats** (files, outside the typed JSON answer): `?format=csv` or `Accept: text/csv`.
    Errors are JSON whatever the format.

    Args:
        action (list[RevisionActionEnum] | Unset):
        key (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        since (datetime.datetime | Unset):
        type_ (RecordTypeEnum | Unset): Values of the `type` query parameter.

            * `topic` - topic
            * `source` - source
            * `place` - place
            * `actor` - actor
            * `meeting` - meeting
            * `statement` - statement
            * `incident` - incident

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | PaginatedRevisionList | ValidationError]
    """

    kwargs = _get_kwargs(
        action=action,
        key=key,
        page=page,
        page_size=page_size,
        since=since,
        type_=type_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    action: list[RevisionActionEnum] | Unset = UNSET,
    key: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    type_: RecordTypeEnum | Unset = UNSET,
) -> ErrorDetail | PaginatedRevisionList | ValidationError | None:
    """Every change to the curated records

     Newest first. Filter by `type` and `key` for one record — including a deleted one, whose last
    revision (`deleted`) holds the record as it was.

    **Other formats** (files, outside the typed JSON answer): `?format=csv` or `Accept: text/csv`.
    Errors are JSON whatever the format.

    Args:
        action (list[RevisionActionEnum] | Unset):
        key (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        since (datetime.datetime | Unset):
        type_ (RecordTypeEnum | Unset): Values of the `type` query parameter.

            * `topic` - topic
            * `source` - source
            * `place` - place
            * `actor` - actor
            * `meeting` - meeting
            * `statement` - statement
            * `incident` - incident

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | PaginatedRevisionList | ValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            action=action,
            key=key,
            page=page,
            page_size=page_size,
            since=since,
            type_=type_,
        )
    ).parsed
