"""The Python clients against a live server holding the sample dataset.

`make sdk` runs these tests with the copy `pip install ./sdk/python` put in build/sdk/venv;
elsewhere (`make test`) they use the committed sources in sdk/python directly.
"""

from __future__ import annotations

import pytest

from tests.support import use_official_client

use_official_client()

from parley_api_client import AuthenticatedClient, Client  # noqa: E402


@pytest.fixture
def server(transactional_db, live_server, sample) -> str:
    """The sample dataset, committed so that the live server's thread sees it: the base URL."""
    return live_server.url


@pytest.fixture
def anonymous(server):
    # Reads are public (`security: []` in the schema): a plain Client is typed as enough.
    with Client(base_url=server, raise_on_unexpected_status=True) as client:
        yield client


@pytest.fixture
def staff_token(curator_token) -> str:
    return curator_token


@pytest.fixture
def staff(server, staff_token):
    """A client sending the token of a staff user who holds every events permission."""
    with AuthenticatedClient(
        base_url=server, token=staff_token, prefix="Token", raise_on_unexpected_status=True
    ) as client:
        yield client
