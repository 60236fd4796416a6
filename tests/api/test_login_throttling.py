"""Sign-in attempts on the admin's and the browsable API's login pages are rate-limited,
per client address and per username, with counters that hold under parallel attempts."""

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.test import Client

from tests.support import make_user

pytestmark = pytest.mark.django_db

LOGIN_PAGES = ["/admin/login/", "/api-auth/login/"]


@pytest.fixture
def low_login_rates(settings):
    settings.LOGIN_RATE_PER_ADDRESS = "6/hour"
    settings.LOGIN_RATE_PER_USERNAME = "3/hour"
    # The counters are fixed hourly windows: a test straddling the hour would see its
    # attempts split over two windows (it once failed so in CI at 08:00). Start clear of it.
    left = 3600 - time.time() % 3600
    if left < 15:
        time.sleep(left + 0.5)


def attempt(page: str, username: str, password: str, address: str = "10.0.0.1"):
    return Client(REMOTE_ADDR=address).post(page, {"username": username, "password": password})


@pytest.mark.parametrize("page", LOGIN_PAGES)
def test_guessing_one_password_is_stopped_with_429_and_a_message(page, low_login_rates):
    make_user("ada", staff=True)
    codes = [attempt(page, "ada", f"guess-{n}").status_code for n in range(3)]
    assert codes == [200, 200, 200]  # the form again, with "enter a correct username..."
    refused = attempt(page, "ada", "pw-for-tests-only")  # even the right password now
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "Too many sign-in attempts" in refused.content.decode()
    assert "_auth_user_id" not in refused.wsgi_request.session


@pytest.mark.parametrize("page", LOGIN_PAGES)
def test_the_username_limit_holds_across_addresses(page, low_login_rates):
    make_user("ada", staff=True)
    for n in range(3):
        attempt(page, "ada", "wrong", address=f"10.0.1.{n}")
    assert attempt(page, "ADA ", "wrong", address="10.0.1.99").status_code == 429


def test_the_address_limit_holds_across_usernames(low_login_rates):
    codes = [attempt("/admin/login/", f"user{n}", "wrong").status_code for n in range(7)]
    assert codes == [200] * 6 + [429]
    # Another address is not held back by this one.
    assert attempt("/admin/login/", "other", "wrong", address="10.0.0.2").status_code == 200


def test_a_curator_signs_in_within_the_limits(low_login_rates):
    make_user("ada", staff=True)
    response = attempt("/admin/login/", "ada", "pw-for-tests-only")
    assert response.status_code == 302
    response = attempt("/api-auth/login/", "ada", "pw-for-tests-only")
    assert response.status_code == 302


def test_parallel_guesses_do_not_slip_through(low_login_rates, settings):
    """The counters are atomic: 24 guesses at once from one address, 6 answered."""
    settings.LOGIN_RATE_PER_USERNAME = "1000/hour"
    with ThreadPoolExecutor(8) as pool:
        codes = list(
            pool.map(lambda n: attempt("/api-auth/login/", f"u{n}", "x").status_code, range(24))
        )
    assert codes.count(200) == 6
    assert codes.count(429) == 18
