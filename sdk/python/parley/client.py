"""The hand-written layer over the generated `parley_api_client`.

- `connect()` makes a generated `Client` (or `AuthenticatedClient` with a token) whose
  requests are retried on 429 Too Many Requests, after the wait the server names in
  `Retry-After`.
- `ok()` turns what a generated `sync()` returns into the page or record, or raises
  `ApiError` (a 400 names each offending parameter).
- `pages()` and `all_results()` follow `next` links to the end of any list: page numbers
  and cursors alike, since both lists link their next page.
- `to_dataframe()` makes a pandas DataFrame of records, when pandas is installed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any, Protocol, Self, TypeVar, overload

import httpx
from parley_api_client import AuthenticatedClient, Client
from parley_api_client.models import ErrorDetail, ValidationError

if TYPE_CHECKING:
    import pandas

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

# Waits longer than this are not slept through: the 429 is answered to the caller.
MAX_WAIT_SECONDS = 120.0


class ApiError(Exception):
    """An answer other than the one asked for: `status` and the JSON `body` say why."""

    def __init__(self, status: int, body: Any) -> None:
        self.status = status
        self.body = body
        super().__init__(f"HTTP {status}: {body}")


class Page(Protocol[T_co]):
    """What every generated list page has: its records and the link to the next page."""

    @property
    def results(self) -> Sequence[T_co]: ...

    @property
    def next_(self) -> str | None: ...

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self: ...


class Record(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


def retry_after_seconds(value: str | None, default: float = 1.0) -> float:
    """`Retry-After` as seconds: a number of seconds or an HTTP date (RFC 9110)."""
    if not value:
        return default
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return default
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class RetryTransport(httpx.BaseTransport):
    """Retries a request answered 429, after `Retry-After`, at most `retries` times."""

    def __init__(
        self,
        wrapped: httpx.BaseTransport | None = None,
        *,
        retries: int = 5,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.wrapped = wrapped or httpx.HTTPTransport()
        self.retries = retries
        self.sleep = sleep

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        for _ in range(self.retries):
            response = self.wrapped.handle_request(request)
            wait = retry_after_seconds(response.headers.get("Retry-After"))
            if response.status_code != 429 or wait > MAX_WAIT_SECONDS:
                return response
            response.close()
            self.sleep(wait)
        return self.wrapped.handle_request(request)

    def close(self) -> None:
        self.wrapped.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """`RetryTransport` for the generated `asyncio` functions."""

    def __init__(self, wrapped: httpx.AsyncBaseTransport | None = None, *, retries: int = 5):
        self.wrapped = wrapped or httpx.AsyncHTTPTransport()
        self.retries = retries

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        import asyncio

        for _ in range(self.retries):
            response = await self.wrapped.handle_async_request(request)
            wait = retry_after_seconds(response.headers.get("Retry-After"))
            if response.status_code != 429 or wait > MAX_WAIT_SECONDS:
                return response
            await response.aclose()
            await asyncio.sleep(wait)
        return await self.wrapped.handle_async_request(request)

    async def aclose(self) -> None:
        await self.wrapped.aclose()


@overload
def connect(base_url: str, token: None = None, *, timeout: float = 30.0) -> Client: ...
@overload
def connect(base_url: str, token: str, *, timeout: float = 30.0) -> AuthenticatedClient: ...
def connect(
    base_url: str, token: str | None = None, *, timeout: float = 30.0
) -> Client | AuthenticatedClient:
    """A generated client for `base_url` (e.g. http://127.0.0.1:8000) that retries on 429.

    Reads are public: without a token it is a plain `Client`. With a staff user's token
    (`manage.py issue_token USERNAME`) it is an `AuthenticatedClient`, for writes.
    An unexpected status raises `parley_api_client.errors.UnexpectedStatus`.
    """
    headers = {"Accept": "application/json"}
    client: Client | AuthenticatedClient
    if token is None:
        client = Client(base_url=base_url, raise_on_unexpected_status=True)
    else:
        client = AuthenticatedClient(
            base_url=base_url, token=token, prefix="Token", raise_on_unexpected_status=True
        )
        headers["Authorization"] = f"Token {token}"
    settings: dict[str, Any] = {
        "base_url": base_url,
        "headers": headers,
        "timeout": httpx.Timeout(timeout),
    }
    client.set_httpx_client(httpx.Client(transport=RetryTransport(), **settings))
    client.set_async_httpx_client(httpx.AsyncClient(transport=AsyncRetryTransport(), **settings))
    return client


def ok(result: T | ErrorDetail | ValidationError | None) -> T:
    """The page or record a generated `sync()` returned; `ApiError` for an error answer."""
    if isinstance(result, ValidationError):
        raise ApiError(400, result.to_dict())
    if isinstance(result, ErrorDetail):
        raise ApiError(0, result.to_dict())  # sync() drops the status: use sync_detailed
    if result is None:
        raise ApiError(0, "no answer the schema documents")
    return result


def pages(client: Client | AuthenticatedClient, first: Page[T]) -> Iterator[Page[T]]:
    """`first`, then every following page of the same list, by its `next` link."""
    page = first
    while True:
        yield page
        if not page.next_:
            return
        response = client.get_httpx_client().get(page.next_)
        if response.status_code != 200:
            raise ApiError(response.status_code, response.json())
        page = type(page).from_dict(response.json())


def all_results(client: Client | AuthenticatedClient, first: Page[T]) -> Iterator[T]:
    """Every record of a list, from its first page to its last (page numbers or cursor)."""
    for page in pages(client, first):
        yield from page.results


def to_dataframe(records: Iterable[Record]) -> pandas.DataFrame:
    """The records as a DataFrame, one row each, columns as in the JSON (embedded objects
    flattened to `place.slug`, ...). Needs pandas: `pip install "./sdk/python[pandas]"`."""
    try:
        import pandas
    except ModuleNotFoundError as exc:
        raise ModuleNotFoundError(
            "to_dataframe needs pandas: pip install pandas", name="pandas"
        ) from exc
    return pandas.json_normalize([record.to_dict() for record in records])
