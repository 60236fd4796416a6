import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.actor_network_entry import ActorNetworkEntry
from ...models.error_detail import ErrorDetail
from ...models.meeting_kind_enum import MeetingKindEnum
from ...models.meeting_status_enum import MeetingStatusEnum
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    slug: str,
    *,
    bom: bool | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    kind: list[MeetingKindEnum] | Unset = UNSET,
    status: list[MeetingStatusEnum] | Unset = UNSET,
    topic: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["bom"] = bom

    json_date_from: str | Unset = UNSET
    if not isinstance(date_from, Unset):
        json_date_from = date_from.isoformat()
    params["date_from"] = json_date_from

    json_date_to: str | Unset = UNSET
    if not isinstance(date_to, Unset):
        json_date_to = date_to.isoformat()
    params["date_to"] = json_date_to

    json_kind: list[str] | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = []
        for kind_item_data in kind:
            kind_item = kind_item_data.value
            json_kind.append(kind_item)

    params["kind"] = json_kind

    json_status: list[str] | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = []
        for status_item_data in status:
            status_item = status_item_data.value
            json_status.append(status_item)

    params["status"] = json_status

    params["topic"] = topic

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/actors/{slug}/network/".format(
            slug=quote(str(slug), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDetail | ValidationError | list[ActorNetworkEntry] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = ActorNetworkEntry.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[ErrorDetail | ValidationError | list[ActorNetworkEntry]]:
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
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    kind: list[MeetingKindEnum] | Unset = UNSET,
    status: list[MeetingStatusEnum] | Unset = UNSET,
    topic: str | Unset = UNSET,
) -> Response[ErrorDetail | ValidationError | list[ActorNetworkEntry]]:
    """The actors an actor met

     Every actor who took part, in any role, in at least one of the selected meetings the actor took part
    in, with the number of meetings they shared, the first and last day they met and the meetings' ids;
    most shared meetings first, then by name. Meetings are selected with the same filters as
    `/network/`.

    **Other formats** (files, outside the typed JSON answer): `?format=csv` or `Accept: text/csv`.
    Errors are JSON whatever the format.

    Args:
        slug (str):
        bom (bool | Unset):
        date_from (datetime.date | Unset):
        date_to (datetime.date | Unset):
        kind (list[MeetingKindEnum] | Unset):
        status (list[MeetingStatusEnum] | Unset):
        topic (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | ValidationError | list[ActorNetworkEntry]]
    """

    kwargs = _get_kwargs(
        slug=slug,
        bom=bom,
        date_from=date_from,
        date_to=date_to,
        kind=kind,
        status=status,
        topic=topic,
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
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    kind: list[MeetingKindEnum] | Unset = UNSET,
    status: list[MeetingStatusEnum] | Unset = UNSET,
    topic: str | Unset = UNSET,
) -> ErrorDetail | ValidationError | list[ActorNetworkEntry] | None:
    """The actors an actor met

     Every actor who took part, in any role, in at least one of the selected meetings the actor took part
    in, with the number of meetings they shared, the first and last day they met and the meetings' ids;
    most shared meetings first, then by name. Meetings are selected with the same filters as
    `/network/`.

    **Other formats** (files, outside the typed JSON answer): `?format=csv` or `Accept: text/csv`.
    Errors are JSON whatever the format.

    Args:
        slug (str):
        bom (bool | Unset):
        date_from (datetime.date | Unset):
        date_to (datetime.date | Unset):
        kind (list[MeetingKindEnum] | Unset):
        status (list[MeetingStatusEnum] | Unset):
        topic (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | ValidationError | list[ActorNetworkEntry]
    """

    return sync_detailed(
        slug=slug,
        client=client,
        bom=bom,
        date_from=date_from,
        date_to=date_to,
        kind=kind,
        status=status,
        topic=topic,
    ).parsed


async def asyncio_detailed(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    bom: bool | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    kind: list[MeetingKindEnum] | Unset = UNSET,
    status: list[MeetingStatusEnum] | Unset = UNSET,
    topic: str | Unset = UNSET,
) -> Response[ErrorDetail | ValidationError | list[ActorNetworkEntry]]:
    """The actors an actor met

     Every actor who took part, in any role, in at least one of the selected meetings the actor took part
    in, with the number of meetings they shared, the first and last day they met and the meetings' ids;
    most shared meetings first, then by name. Meetings are selected with the same filters as
    `/network/`.

    **Other formats** (files, outside the typed JSON answer): `?format=csv` or `Accept: text/csv`.
    Errors are JSON whatever the format.

    Args:
        slug (str):
        bom (bool | Unset):
        date_from (datetime.date | Unset):
        date_to (datetime.date | Unset):
        kind (list[MeetingKindEnum] | Unset):
        status (list[MeetingStatusEnum] | Unset):
        topic (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | ValidationError | list[ActorNetworkEntry]]
    """

    kwargs = _get_kwargs(
        slug=slug,
        bom=bom,
        date_from=date_from,
        date_to=date_to,
        kind=kind,
        status=status,
        topic=topic,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    bom: bool | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    kind: list[MeetingKindEnum] | Unset = UNSET,
    status: list[MeetingStatusEnum] | Unset = UNSET,
    topic: str | Unset = UNSET,
) -> ErrorDetail | ValidationError | list[ActorNetworkEntry] | None:
    """The actors an actor met

     Every actor who took part, in any role, in at least one of the selected meetings the actor took part
    in, with the number of meetings they shared, the first and last day they met and the meetings' ids;
    most shared meetings first, then by name. Meetings are selected with the same filters as
    `/network/`.

    **Other formats** (files, outside the typed JSON answer): `?format=csv` or `Accept: text/csv`.
    Errors are JSON whatever the format.

    Args:
        slug (str):
        bom (bool | Unset):
        date_from (datetime.date | Unset):
        date_to (datetime.date | Unset):
        kind (list[MeetingKindEnum] | Unset):
        status (list[MeetingStatusEnum] | Unset):
        topic (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | ValidationError | list[ActorNetworkEntry]
    """

    return (
        await asyncio_detailed(
            slug=slug,
            client=client,
            bom=bom,
            date_from=date_from,
            date_to=date_to,
            kind=kind,
            status=status,
            topic=topic,
        )
    ).parsed
