"""Parley's official Python client: the generated `parley_api_client` plus this layer.

from parley import all_results, connect, ok, to_dataframe
from parley_api_client.api.meetings import meetings_list

client = connect("http://127.0.0.1:8000")
first = ok(meetings_list.sync(client=client, participant=["nikol-pashinyan"]))
frame = to_dataframe(all_results(client, first))
"""

from parley.client import (
    ApiError,
    AsyncRetryTransport,
    Page,
    RetryTransport,
    all_results,
    connect,
    ok,
    pages,
    retry_after_seconds,
    to_dataframe,
)

__all__ = [
    "ApiError",
    "AsyncRetryTransport",
    "Page",
    "RetryTransport",
    "all_results",
    "connect",
    "ok",
    "pages",
    "retry_after_seconds",
    "to_dataframe",
]
