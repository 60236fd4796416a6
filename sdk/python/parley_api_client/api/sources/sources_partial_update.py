from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_detail import ErrorDetail
from ...models.patched_source_request import PatchedSourceRequest
from ...models.source import Source
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    slug: str,
    *,
    body: PatchedSourceRequest | Unset = UNSET,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/sources/{slug}/".format(
            slug=quote(str(slug), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDetail | Source | ValidationError | None:
    if response.status_code == 200:
        response_200 = Source.from_dict(response.json())

        return response_200

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

    if response.status_code == 412:
        response_412 = ErrorDetail.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = ErrorDetail.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ErrorDetail.from_dict(response.json())

        return response_415

    if response.status_code == 428:
        response_428 = ErrorDetail.from_dict(response.json())

        return response_428

    if response.status_code == 429:
        response_429 = ErrorDetail.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorDetail | Source | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: PatchedSourceRequest | Unset = UNSET,
    if_match: str,
) -> Response[ErrorDetail | Source | ValidationError]:
    """Documents the facts are taken from.

    Args:
        slug (str):
        if_match (str):
        body (PatchedSourceRequest | Unset): Takes a write body literally, for a curated dataset
            where silence loses data.

            A field the serializer does not write is refused by name instead of silently dropped
            (a misspelt `titel` would otherwise be lost without a word), and a value of the wrong
            JSON type is refused instead of coerced (DRF stores 12 as "12", reads "5" as 5 and a
            dict as the list of its keys). The schema says the same: `additionalProperties: false`
            (see events.api.openapi).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | Source | ValidationError]
    """

    kwargs = _get_kwargs(
        slug=slug,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: PatchedSourceRequest | Unset = UNSET,
    if_match: str,
) -> ErrorDetail | Source | ValidationError | None:
    """Documents the facts are taken from.

    Args:
        slug (str):
        if_match (str):
        body (PatchedSourceRequest | Unset): Takes a write body literally, for a curated dataset
            where silence loses data.

            A field the serializer does not write is refused by name instead of silently dropped
            (a misspelt `titel` would otherwise be lost without a word), and a value of the wrong
            JSON type is refused instead of coerced (DRF stores 12 as "12", reads "5" as 5 and a
            dict as the list of its keys). The schema says the same: `additionalProperties: false`
            (see events.api.openapi).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | Source | ValidationError
    """

    return sync_detailed(
        slug=slug,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: PatchedSourceRequest | Unset = UNSET,
    if_match: str,
) -> Response[ErrorDetail | Source | ValidationError]:
    """Documents the facts are taken from.

    Args:
        slug (str):
        if_match (str):
        body (PatchedSourceRequest | Unset): Takes a write body literally, for a curated dataset
            where silence loses data.

            A field the serializer does not write is refused by name instead of silently dropped
            (a misspelt `titel` would otherwise be lost without a word), and a value of the wrong
            JSON type is refused instead of coerced (DRF stores 12 as "12", reads "5" as 5 and a
            dict as the list of its keys). The schema says the same: `additionalProperties: false`
            (see events.api.openapi).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | Source | ValidationError]
    """

    kwargs = _get_kwargs(
        slug=slug,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: PatchedSourceRequest | Unset = UNSET,
    if_match: str,
) -> ErrorDetail | Source | ValidationError | None:
    """Documents the facts are taken from.

    Args:
        slug (str):
        if_match (str):
        body (PatchedSourceRequest | Unset): Takes a write body literally, for a curated dataset
            where silence loses data.

            A field the serializer does not write is refused by name instead of silently dropped
            (a misspelt `titel` would otherwise be lost without a word), and a value of the wrong
            JSON type is refused instead of coerced (DRF stores 12 as "12", reads "5" as 5 and a
            dict as the list of its keys). The schema says the same: `additionalProperties: false`
            (see events.api.openapi).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | Source | ValidationError
    """

    return (
        await asyncio_detailed(
            slug=slug,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
