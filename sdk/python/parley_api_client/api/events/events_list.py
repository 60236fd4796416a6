import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cursor_paginated_timeline_item_list import CursorPaginatedTimelineItemList
from ...models.date_precision_enum import DatePrecisionEnum
from ...models.documented_only_enum import DocumentedOnlyEnum
from ...models.error_detail import ErrorDetail
from ...models.event_type_enum import EventTypeEnum
from ...models.timeline_ordering_enum import TimelineOrderingEnum
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    actor: list[str] | Unset = UNSET,
    bom: bool | Unset = UNSET,
    country: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_precision: list[DatePrecisionEnum] | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    documented_only: DocumentedOnlyEnum | Unset = UNSET,
    ordering: TimelineOrderingEnum | Unset = UNSET,
    page_size: int | Unset = UNSET,
    place: str | Unset = UNSET,
    search: str | Unset = UNSET,
    topic: str | Unset = UNSET,
    type_: list[EventTypeEnum] | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_actor: list[str] | Unset = UNSET
    if not isinstance(actor, Unset):
        json_actor = actor

    params["actor"] = json_actor

    params["bom"] = bom

    params["country"] = country

    params["cursor"] = cursor

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

    json_ordering: str | Unset = UNSET
    if not isinstance(ordering, Unset):
        json_ordering = ordering.value

    params["ordering"] = json_ordering

    params["page_size"] = page_size

    params["place"] = place

    params["search"] = search

    params["topic"] = topic

    json_type_: list[str] | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = []
        for type_item_data in type_:
            type_item = type_item_data.value
            json_type_.append(type_item)

    params["type"] = json_type_

    json_updated_since: str | Unset = UNSET
    if not isinstance(updated_since, Unset):
        json_updated_since = updated_since.isoformat()
    params["updated_since"] = json_updated_since

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/events/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CursorPaginatedTimelineItemList | ErrorDetail | ValidationError | None:
    if response.status_code == 200:
        response_200 = CursorPaginatedTimelineItemList.from_dict(response.json())

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
) -> Response[CursorPaginatedTimelineItemList | ErrorDetail | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    actor: list[str] | Unset = UNSET,
    bom: bool | Unset = UNSET,
    country: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_precision: list[DatePrecisionEnum] | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    documented_only: DocumentedOnlyEnum | Unset = UNSET,
    ordering: TimelineOrderingEnum | Unset = UNSET,
    page_size: int | Unset = UNSET,
    place: str | Unset = UNSET,
    search: str | Unset = UNSET,
    topic: str | Unset = UNSET,
    type_: list[EventTypeEnum] | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> Response[CursorPaginatedTimelineItemList | ErrorDetail | ValidationError]:
    """The unified timeline

     Meetings, statements and incidents in one feed, newest first, with cursor pagination (follow
    `next`). Each item links to its full record.

    **Other formats** (files, outside the typed JSON answer): `?format=csv` or `Accept: text/csv`;
    `?format=geojson` or `Accept: application/geo+json`. Errors are JSON whatever the format.

    Args:
        actor (list[str] | Unset):
        bom (bool | Unset):
        country (str | Unset):
        cursor (str | Unset):
        date_from (datetime.date | Unset):
        date_precision (list[DatePrecisionEnum] | Unset):
        date_to (datetime.date | Unset):
        documented_only (DocumentedOnlyEnum | Unset): Values of the `documented_only` query
            parameter.

            * `true` - true
            * `false` - false
        ordering (TimelineOrderingEnum | Unset): Values of the `ordering` query parameter.

            * `-date` - newest first
            * `date` - oldest first
        page_size (int | Unset):
        place (str | Unset):
        search (str | Unset):
        topic (str | Unset):
        type_ (list[EventTypeEnum] | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CursorPaginatedTimelineItemList | ErrorDetail | ValidationError]
    """

    kwargs = _get_kwargs(
        actor=actor,
        bom=bom,
        country=country,
        cursor=cursor,
        date_from=date_from,
        date_precision=date_precision,
        date_to=date_to,
        documented_only=documented_only,
        ordering=ordering,
        page_size=page_size,
        place=place,
        search=search,
        topic=topic,
        type_=type_,
        updated_since=updated_since,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    actor: list[str] | Unset = UNSET,
    bom: bool | Unset = UNSET,
    country: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_precision: list[DatePrecisionEnum] | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    documented_only: DocumentedOnlyEnum | Unset = UNSET,
    ordering: TimelineOrderingEnum | Unset = UNSET,
    page_size: int | Unset = UNSET,
    place: str | Unset = UNSET,
    search: str | Unset = UNSET,
    topic: str | Unset = UNSET,
    type_: list[EventTypeEnum] | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> CursorPaginatedTimelineItemList | ErrorDetail | ValidationError | None:
    """The unified timeline

     Meetings, statements and incidents in one feed, newest first, with cursor pagination (follow
    `next`). Each item links to its full record.

    **Other formats** (files, outside the typed JSON answer): `?format=csv` or `Accept: text/csv`;
    `?format=geojson` or `Accept: application/geo+json`. Errors are JSON whatever the format.

    Args:
        actor (list[str] | Unset):
        bom (bool | Unset):
        country (str | Unset):
        cursor (str | Unset):
        date_from (datetime.date | Unset):
        date_precision (list[DatePrecisionEnum] | Unset):
        date_to (datetime.date | Unset):
        documented_only (DocumentedOnlyEnum | Unset): Values of the `documented_only` query
            parameter.

            * `true` - true
            * `false` - false
        ordering (TimelineOrderingEnum | Unset): Values of the `ordering` query parameter.

            * `-date` - newest first
            * `date` - oldest first
        page_size (int | Unset):
        place (str | Unset):
        search (str | Unset):
        topic (str | Unset):
        type_ (list[EventTypeEnum] | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CursorPaginatedTimelineItemList | ErrorDetail | ValidationError
    """

    return sync_detailed(
        client=client,
        actor=actor,
        bom=bom,
        country=country,
        cursor=cursor,
        date_from=date_from,
        date_precision=date_precision,
        date_to=date_to,
        documented_only=documented_only,
        ordering=ordering,
        page_size=page_size,
        place=place,
        search=search,
        topic=topic,
        type_=type_,
        updated_since=updated_since,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    actor: list[str] | Unset = UNSET,
    bom: bool | Unset = UNSET,
    country: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_precision: list[DatePrecisionEnum] | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    documented_only: DocumentedOnlyEnum | Unset = UNSET,
    ordering: TimelineOrderingEnum | Unset = UNSET,
    page_size: int | Unset = UNSET,
    place: str | Unset = UNSET,
    search: str | Unset = UNSET,
    topic: str | Unset = UNSET,
    type_: list[EventTypeEnum] | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> Response[CursorPaginatedTimelineItemList | ErrorDetail | ValidationError]:
    """The unified timeline

     Meetings, statements and incidents in one feed, newest first, with cursor pagination (follow
    `next`). Each item links to its full record.

    **Other formats** (files, outside the typed JSON answer): `?format=csv` or `Accept: text/csv`;
    `?format=geojson` or `Accept: application/geo+json`. Errors are JSON whatever the format.

    Args:
        actor (list[str] | Unset):
        bom (bool | Unset):
        country (str | Unset):
        cursor (str | Unset):
        date_from (datetime.date | Unset):
        date_precision (list[DatePrecisionEnum] | Unset):
        date_to (datetime.date | Unset):
        documented_only (DocumentedOnlyEnum | Unset): Values of the `documented_only` query
            parameter.

            * `true` - true
            * `false` - false
        ordering (TimelineOrderingEnum | Unset): Values of the `ordering` query parameter.

            * `-date` - newest first
            * `date` - oldest first
        page_size (int | Unset):
        place (str | Unset):
        search (str | Unset):
        topic (str | Unset):
        type_ (list[EventTypeEnum] | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CursorPaginatedTimelineItemList | ErrorDetail | ValidationError]
    """

    kwargs = _get_kwargs(
        actor=actor,
        bom=bom,
        country=country,
        cursor=cursor,
        date_from=date_from,
        date_precision=date_precision,
        date_to=date_to,
        documented_only=documented_only,
        ordering=ordering,
        page_size=page_size,
        place=place,
        search=search,
        topic=topic,
        type_=type_,
        updated_since=updated_since,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    actor: list[str] | Unset = UNSET,
    bom: bool | Unset = UNSET,
    country: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_precision: list[DatePrecisionEnum] | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    documented_only: DocumentedOnlyEnum | Unset = UNSET,
    ordering: TimelineOrderingEnum | Unset = UNSET,
    page_size: int | Unset = UNSET,
    place: str | Unset = UNSET,
    search: str | Unset = UNSET,
    topic: str | Unset = UNSET,
    type_: list[EventTypeEnum] | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> CursorPaginatedTimelineItemList | ErrorDetail | ValidationError | None:
    """The unified timeline

     Meetings, statements and incidents in one feed, newest first, with cursor pagination (follow
    `next`). Each item links to its full record.

    **Other formats** (files, outside the typed JSON answer): `?format=csv` or `Accept: text/csv`;
    `?format=geojson` or `Accept: application/geo+json`. Errors are JSON whatever the format.

    Args:
        actor (list[str] | Unset):
        bom (bool | Unset):
        country (str | Unset):
        cursor (str | Unset):
        date_from (datetime.date | Unset):
        date_precision (list[DatePrecisionEnum] | Unset):
        date_to (datetime.date | Unset):
        documented_only (DocumentedOnlyEnum | Unset): Values of the `documented_only` query
            parameter.

            * `true` - true
            * `false` - false
        ordering (TimelineOrderingEnum | Unset): Values of the `ordering` query parameter.

            * `-date` - newest first
            * `date` - oldest first
        page_size (int | Unset):
        place (str | Unset):
        search (str | Unset):
        topic (str | Unset):
        type_ (list[EventTypeEnum] | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CursorPaginatedTimelineItemList | ErrorDetail | ValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            actor=actor,
            bom=bom,
            country=country,
            cursor=cursor,
            date_from=date_from,
            date_precision=date_precision,
            date_to=date_to,
            documented_only=documented_only,
            ordering=ordering,
            page_size=page_size,
            place=place,
            search=search,
            topic=topic,
            type_=type_,
            updated_since=updated_since,
        )
    ).parsed
