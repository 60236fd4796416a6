from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_detail import ErrorDetail
from ...models.topic import Topic
from ...models.topic_request import TopicRequest
from ...models.validation_error import ValidationError
from ...types import Response


def _get_kwargs(
    *,
    body: TopicRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/topics/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDetail | Topic | ValidationError | None:
    if response.status_code == 201:
        response_201 = Topic.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ValidationError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorDetail.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorDetail.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorDetail.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorDetail.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = ErrorDetail.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ErrorDetail.from_dict(response.json())

        return response_415

    if response.status_code == 429:
        response_429 = ErrorDetail.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorDetail | Topic | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TopicRequest,
) -> Response[ErrorDetail | Topic | ValidationError]:
    """The controlled vocabulary events are tagged with.

    Args:
        body (TopicRequest): Takes a write body literally, for a curated dataset where silence
            loses data.

            A field the serializer does not write is refused by name instead of silently dropped
            (a misspelt `titel` would otherwise be lost without a word), and a value of the wrong
            JSON type is refused instead of coerced (DRF stores 12 as "12", reads "5" as 5 and a
            dict as the list of its keys). The schema says the same: `additionalProperties: false`
            (see events.api.openapi).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | Topic | ValidationError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: TopicRequest,
) -> ErrorDetail | Topic | ValidationError | None:
    """The controlled vocabulary events are tagged with.

    Args:
        body (TopicRequest): Takes a write body literally, for a curated dataset where silence
            loses data.

            A field the serializer does not write is refused by name instead of silently dropped
            (a misspelt `titel` would otherwise be lost without a word), and a value of the wrong
            JSON type is refused instead of coerced (DRF stores 12 as "12", reads "5" as 5 and a
            dict as the list of its keys). The schema says the same: `additionalProperties: false`
            (see events.api.openapi).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | Topic | ValidationError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TopicRequest,
) -> Response[ErrorDetail | Topic | ValidationError]:
    """The controlled vocabulary events are tagged with.

    Args:
        body (TopicRequest): Takes a write body literally, for a curated dataset where silence
            loses data.

            A field the serializer does not write is refused by name instead of silently dropped
            (a misspelt `titel` would otherwise be lost without a word), and a value of the wrong
            JSON type is refused instead of coerced (DRF stores 12 as "12", reads "5" as 5 and a
            dict as the list of its keys). The schema says the same: `additionalProperties: false`
            (see events.api.openapi).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | Topic | ValidationError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TopicRequest,
) -> ErrorDetail | Topic | ValidationError | None:
    """The controlled vocabulary events are tagged with.

    Args:
        body (TopicRequest): Takes a write body literally, for a curated dataset where silence
            loses data.

            A field the serializer does not write is refused by name instead of silently dropped
            (a misspelt `titel` would otherwise be lost without a word), and a value of the wrong
            JSON type is refused instead of coerced (DRF stores 12 as "12", reads "5" as 5 and a
            dict as the list of its keys). The schema says the same: `additionalProperties: false`
            (see events.api.openapi).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | Topic | ValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
