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
from ...models.meeting_kind_enum import MeetingKindEnum
from ...models.meeting_status_enum import MeetingStatusEnum
from ...models.paginated_meeting_list import PaginatedMeetingList
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    bom: bool | Unset = UNSET,
    country: str | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_precision: list[DatePrecisionEnum] | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    documented_only: DocumentedOnlyEnum | Unset = UNSET,
    kind: list[MeetingKindEnum] | Unset = UNSET,
    mediator: str | Unset = UNSET,
    ordering: list[EventOrderingEnum] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    participant: list[str] | Unset = UNSET,
    place: str | Unset = UNSET,
    search: str | Unset = UNSET,
    status: list[MeetingStatusEnum] | Unset = UNSET,
    topic: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["bom"] = bom

    params["country"] = country

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

    params["mediator"] = mediator

    json_ordering: list[str] | Unset = UNSET
    if not isinstance(ordering, Unset):
        json_ordering = []
        for ordering_item_data in ordering:
            ordering_item = ordering_item_data.value
            json_ordering.append(ordering_item)

    params["ordering"] = json_ordering

    params["page"] = page

    params["page_size"] = page_size

    json_participant: list[str] | Unset = UNSET
    if not isinstance(participant, Unset):
        json_participant = participant

    params["participant"] = json_participant

    params["place"] = place

    params["search"] = search

    json_status: list[str] | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = []
        for status_item_data in status:
            status_item = status_item_data.value
            json_status.append(status_item)

    params["status"] = json_status

    params["topic"] = topic

    json_updated_since: str | Unset = UNSET
    if not isinstance(updated_since, Unset):
        json_updated_since = updated_since.isoformat()
    params["updated_since"] = json_updated_since

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/meetings/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDetail | PaginatedMeetingList | ValidationError | None:
    if response.status_code == 200:
        response_200 = PaginatedMeetingList.from_dict(response.json())

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
) -> Response[ErrorDetail | PaginatedMeetingList | ValidationError]:
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
    date_from: datetime.date | Unset = UNSET,
    date_precision: list[DatePrecisionEnum] | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    documented_only: DocumentedOnlyEnum | Unset = UNSET,
    kind: list[MeetingKindEnum] | Unset = UNSET,
    mediator: str | Unset = UNSET,
    ordering: list[EventOrderingEnum] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    participant: list[str] | Unset = UNSET,
    place: str | Unset = UNSET,
    search: str | Unset = UNSET,
    status: list[MeetingStatusEnum] | Unset = UNSET,
    topic: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> Response[ErrorDetail | PaginatedMeetingList | ValidationError]:
    """Diplomatic encounters: talks, calls, summits, commission sessions, held or planned.

    With `format=csv` or `format=geojson` (or the matching `Accept` header) the list answers every
    record matching the filters as one streamed file: `page` and `page_size` are ignored. CSV: a header
    row, then one row per record and one column per field; embedded records as slugs (`slug (role)` for
    actors with a role), lists joined with `; `, citations as `source: quote` (`source [date, place;
    disagrees]: quote` when the citation lists the fields it supports or disagrees) joined with ` | `.
    GeoJSON: a FeatureCollection (a Feature for one record) whose geometry is the place's Point
    [longitude, latitude], or null where unknown, and whose properties are the JSON record.

    **Other formats** (files, outside the typed JSON answer): `?format=csv` or `Accept: text/csv`;
    `?format=geojson` or `Accept: application/geo+json`. Errors are JSON whatever the format.

    Args:
        bom (bool | Unset):
        country (str | Unset):
        date_from (datetime.date | Unset):
        date_precision (list[DatePrecisionEnum] | Unset):
        date_to (datetime.date | Unset):
        documented_only (DocumentedOnlyEnum | Unset): Values of the `documented_only` query
            parameter.

            * `true` - true
            * `false` - false
        kind (list[MeetingKindEnum] | Unset):
        mediator (str | Unset):
        ordering (list[EventOrderingEnum] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        participant (list[str] | Unset):
        place (str | Unset):
        search (str | Unset):
        status (list[MeetingStatusEnum] | Unset):
        topic (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | PaginatedMeetingList | ValidationError]
    """

    kwargs = _get_kwargs(
        bom=bom,
        country=country,
        date_from=date_from,
        date_precision=date_precision,
        date_to=date_to,
        documented_only=documented_only,
        kind=kind,
        mediator=mediator,
        ordering=ordering,
        page=page,
        page_size=page_size,
        participant=participant,
        place=place,
        search=search,
        status=status,
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
    country: str | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_precision: list[DatePrecisionEnum] | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    documented_only: DocumentedOnlyEnum | Unset = UNSET,
    kind: list[MeetingKindEnum] | Unset = UNSET,
    mediator: str | Unset = UNSET,
    ordering: list[EventOrderingEnum] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    participant: list[str] | Unset = UNSET,
    place: str | Unset = UNSET,
    search: str | Unset = UNSET,
    status: list[MeetingStatusEnum] | Unset = UNSET,
    topic: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> ErrorDetail | PaginatedMeetingList | ValidationError | None:
    """Diplomatic encounters: talks, calls, summits, commission sessions, held or planned.

    With `format=csv` or `format=geojson` (or the matching `Accept` header) the list answers every
    record matching the filters as one streamed file: `page` and `page_size` are ignored. CSV: a header
    row, then one row per record and one column per field; embedded records as slugs (`slug (role)` for
    actors with a role), lists joined with `; `, citations as `source: quote` (`source [date, place;
    disagrees]: quote` when the citation lists the fields it supports or disagrees) joined with ` | `.
    GeoJSON: a FeatureCollection (a Feature for one record) whose geometry is the place's Point
    [longitude, latitude], or null where unknown, and whose properties are the JSON record.

    **Other formats** (files, outside the typed JSON answer): `?format=csv` or `Accept: text/csv`;
    `?format=geojson` or `Accept: application/geo+json`. Errors are JSON whatever the format.

    Args:
        bom (bool | Unset):
        country (str | Unset):
        date_from (datetime.date | Unset):
        date_precision (list[DatePrecisionEnum] | Unset):
        date_to (datetime.date | Unset):
        documented_only (DocumentedOnlyEnum | Unset): Values of the `documented_only` query
            parameter.

            * `true` - true
            * `false` - false
        kind (list[MeetingKindEnum] | Unset):
        mediator (str | Unset):
        ordering (list[EventOrderingEnum] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        participant (list[str] | Unset):
        place (str | Unset):
        search (str | Unset):
        status (list[MeetingStatusEnum] | Unset):
        topic (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | PaginatedMeetingList | ValidationError
    """

    return sync_detailed(
        client=client,
        bom=bom,
        country=country,
        date_from=date_from,
        date_precision=date_precision,
        date_to=date_to,
        documented_only=documented_only,
        kind=kind,
        mediator=mediator,
        ordering=ordering,
        page=page,
        page_size=page_size,
        participant=participant,
        place=place,
        search=search,
        status=status,
        topic=topic,
        updated_since=updated_since,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    bom: bool | Unset = UNSET,
    country: str | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_precision: list[DatePrecisionEnum] | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    documented_only: DocumentedOnlyEnum | Unset = UNSET,
    kind: list[MeetingKindEnum] | Unset = UNSET,
    mediator: str | Unset = UNSET,
    ordering: list[EventOrderingEnum] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    participant: list[str] | Unset = UNSET,
    place: str | Unset = UNSET,
    search: str | Unset = UNSET,
    status: list[MeetingStatusEnum] | Unset = UNSET,
    topic: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> Response[ErrorDetail | PaginatedMeetingList | ValidationError]:
    """Diplomatic encounters: talks, calls, summits, commission sessions, held or planned.

    With `format=csv` or `format=geojson` (or the matching `Accept` header) the list answers every
    record matching the filters as one streamed file: `page` and `page_size` are ignored. CSV: a header
    row, then one row per record and one column per field; embedded records as slugs (`slug (role)` for
    actors with a role), lists joined with `; `, citations as `source: quote` (`source [date, place;
    disagrees]: quote` when the citation lists the fields it supports or disagrees) joined with ` | `.
    GeoJSON: a FeatureCollection (a Feature for one record) whose geometry is the place's Point
    [longitude, latitude], or null where unknown, and whose properties are the JSON record.

    **Other formats** (files, outside the typed JSON answer): `?format=csv` or `Accept: text/csv`;
    `?format=geojson` or `Accept: application/geo+json`. Errors are JSON whatever the format.

    Args:
        bom (bool | Unset):
        country (str | Unset):
        date_from (datetime.date | Unset):
        date_precision (list[DatePrecisionEnum] | Unset):
        date_to (datetime.date | Unset):
        documented_only (DocumentedOnlyEnum | Unset): Values of the `documented_only` query
            parameter.

            * `true` - true
            * `false` - false
        kind (list[MeetingKindEnum] | Unset):
        mediator (str | Unset):
        ordering (list[EventOrderingEnum] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        participant (list[str] | Unset):
        place (str | Unset):
        search (str | Unset):
        status (list[MeetingStatusEnum] | Unset):
        topic (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | PaginatedMeetingList | ValidationError]
    """

    kwargs = _get_kwargs(
        bom=bom,
        country=country,
        date_from=date_from,
        date_precision=date_precision,
        date_to=date_to,
        documented_only=documented_only,
        kind=kind,
        mediator=mediator,
        ordering=ordering,
        page=page,
        page_size=page_size,
        participant=participant,
        place=place,
        search=search,
        status=status,
        topic=topic,
        updated_since=updated_since,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    bom: bool | Unset = UNSET,
    country: str | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_precision: list[DatePrecisionEnum] | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    documented_only: DocumentedOnlyEnum | Unset = UNSET,
    kind: list[MeetingKindEnum] | Unset = UNSET,
    mediator: str | Unset = UNSET,
    ordering: list[EventOrderingEnum] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    participant: list[str] | Unset = UNSET,
    place: str | Unset = UNSET,
    search: str | Unset = UNSET,
    status: list[MeetingStatusEnum] | Unset = UNSET,
    topic: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> ErrorDetail | PaginatedMeetingList | ValidationError | None:
    """Diplomatic encounters: talks, calls, summits, commission sessions, held or planned.

    With `format=csv` or `format=geojson` (or the matching `Accept` header) the list answers every
    record matching the filters as one streamed file: `page` and `page_size` are ignored. CSV: a header
    row, then one row per record and one column per field; embedded records as slugs (`slug (role)` for
    actors with a role), lists joined with `; `, citations as `source: quote` (`source [date, place;
    disagrees]: quote` when the citation lists the fields it supports or disagrees) joined with ` | `.
    GeoJSON: a FeatureCollection (a Feature for one record) whose geometry is the place's Point
    [longitude, latitude], or null where unknown, and whose properties are the JSON record.

    **Other formats** (files, outside the typed JSON answer): `?format=csv` or `Accept: text/csv`;
    `?format=geojson` or `Accept: application/geo+json`. Errors are JSON whatever the format.

    Args:
        bom (bool | Unset):
        country (str | Unset):
        date_from (datetime.date | Unset):
        date_precision (list[DatePrecisionEnum] | Unset):
        date_to (datetime.date | Unset):
        documented_only (DocumentedOnlyEnum | Unset): Values of the `documented_only` query
            parameter.

            * `true` - true
            * `false` - false
        kind (list[MeetingKindEnum] | Unset):
        mediator (str | Unset):
        ordering (list[EventOrderingEnum] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        participant (list[str] | Unset):
        place (str | Unset):
        search (str | Unset):
        status (list[MeetingStatusEnum] | Unset):
        topic (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | PaginatedMeetingList | ValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            bom=bom,
            country=country,
            date_from=date_from,
            date_precision=date_precision,
            date_to=date_to,
            documented_only=documented_only,
            kind=kind,
            mediator=mediator,
            ordering=ordering,
            page=page,
            page_size=page_size,
            participant=participant,
            place=place,
            search=search,
            status=status,
            topic=topic,
            updated_since=updated_since,
        )
    ).parsed
