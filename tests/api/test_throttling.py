"""Request rates are capped: 429 with Retry-After, per client and per account."""

import pytest
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

pytestmark = pytest.mark.django_db


@pytest.fixture
def low_rates(monkeypatch):
    from django.core.cache import cache

    cache.clear()
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "5/minute"})
    yield
    cache.clear()


def test_anonymous_clients_are_throttled_with_retry_after(client, low_rates, db):
    codes = [client.get("/api/v1/topics/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    response = client.get("/api/v1/topics/")
    assert int(response["Retry-After"]) > 0
    assert "detail" in response.json()


def test_accounts_have_their_own_higher_rate(curator_client, low_rates):
    codes = [curator_client.get("/api/v1/topics/").status_code for _ in range(6)]
    assert codes == [200] * 5 + [429]


def test_oversized_bodies_are_refused(curator_client, settings, db):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = curator_client.post(
        "/api/v1/topics/", {"slug": "big", "name": "x" * 5000}, format="json"
    )
    assert response.status_code == 413
    assert response.json() == {"detail": "Request body too large: at most 1000 bytes."}
