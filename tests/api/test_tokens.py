"""API tokens: issued by issue_token, stored only as a digest with a visible prefix, each
with an expiry; rotated with a grace period; revoked; never shown by the admin."""

import datetime
import importlib
from types import SimpleNamespace

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.utils import timezone
from knox.crypto import hash_token
from knox.models import AuthToken

from tests.support import CarefulClient, make_user

pytestmark = pytest.mark.django_db


def issue(*args, capsys):
    call_command("issue_token", *args)
    return capsys.readouterr().out.strip()


def can_write(token: str, scheme: str = "Token") -> int:
    api = CarefulClient()
    api.credentials(HTTP_AUTHORIZATION=f"{scheme} {token}")
    return api.patch("/api/v1/topics/peace-treaty/", {"name": "Peace"}, format="json").status_code


def test_issue_use_and_revoke_a_token(curator, sample, capsys):
    key = issue("curator", capsys=capsys)
    assert key.startswith("parley_") and len(key) == 71
    assert can_write(key, "Bearer") == 200
    assert can_write(key, "token") == 200
    assert issue("curator", "--revoke", capsys=capsys) == "1 token(s) revoked."
    assert can_write(key) == 401
    assert issue("curator", "--revoke", capsys=capsys) == "The user had no token."


def test_tokens_are_stored_as_a_digest_with_a_visible_prefix(curator, capsys):
    key = issue("curator", capsys=capsys)
    stored = AuthToken.objects.get(user=curator)
    assert stored.token_key == key[:15] and stored.token_key.startswith("parley_")
    assert stored.digest == hash_token(key)
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM knox_authtoken")
        assert not any(key in str(value) for row in cursor.fetchall() for value in row)


def test_every_token_expires_and_an_expired_one_is_refused(curator, sample, capsys):
    key = issue("curator", "--days", "7", capsys=capsys)
    stored = AuthToken.objects.get(user=curator)
    assert stored.expiry - timezone.now() == pytest.approx(
        datetime.timedelta(days=7), abs=datetime.timedelta(minutes=1)
    )
    default = issue("curator", capsys=capsys)
    assert AuthToken.objects.get(token_key=default[:15]).expiry > timezone.now() + (
        datetime.timedelta(days=89)
    )
    AuthToken.objects.filter(token_key=key[:15]).update(
        expiry=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert can_write(key) == 401
    assert not AuthToken.objects.filter(token_key=key[:15]).exists()
    assert can_write(default) == 200
    with pytest.raises(CommandError, match="every token expires"):
        call_command("issue_token", "curator", "--days", "0")


def test_rotation_keeps_the_old_token_for_a_grace_period(curator, sample, capsys):
    old = issue("curator", capsys=capsys)
    new = issue("curator", "--rotate", capsys=capsys)
    assert new != old
    assert can_write(old) == 200 and can_write(new) == 200  # both during the grace period
    expiry = AuthToken.objects.get(token_key=old[:15]).expiry
    assert expiry - timezone.now() == pytest.approx(
        datetime.timedelta(hours=24), abs=datetime.timedelta(minutes=1)
    )
    newest = issue("curator", "--rotate", "--grace-hours", "0", capsys=capsys)
    assert can_write(old) == 401 and can_write(new) == 401
    assert can_write(newest) == 200


def test_only_existing_staff_users_get_tokens(db):
    make_user("reader", staff=False)
    with pytest.raises(CommandError, match="not staff"):
        call_command("issue_token", "reader")
    with pytest.raises(CommandError, match="No user"):
        call_command("issue_token", "nobody")


def test_malformed_token_headers_are_401_json(sample):
    for header in ["Token", "Token a b", "Bearer parley_nothing", "Token \u00e9t\u00e9"]:
        response = CarefulClient().get(
            "/api/v1/topics/", HTTP_AUTHORIZATION=header.encode().decode("latin-1")
        )
        assert response.status_code == 401, header
        assert "detail" in response.json()


def test_the_admin_shows_prefixes_never_secrets(curator, capsys):
    key = issue("curator", capsys=capsys)
    admin = make_user("boss", staff=True, superuser=True)
    browser = Client()
    browser.force_login(admin)
    listing = browser.get("/admin/knox/authtoken/")
    assert listing.status_code == 200
    page = listing.content.decode()
    assert key[:15] in page and key not in page
    assert key[15:] not in page  # the digest (a SHA-512 of the token) is the row's id
    change = browser.get(f"/admin/knox/authtoken/{hash_token(key)}/change/").content.decode()
    assert key[:15] in change and key[15:] not in change
    assert browser.get("/admin/knox/authtoken/add/").status_code == 403
    assert "rest_framework.authtoken" not in str(
        importlib.import_module("django.conf").settings.INSTALLED_APPS
    )


def test_plain_tokens_from_before_are_hashed_by_the_migration(curator, sample):
    """An old rest_framework.authtoken key keeps working, stored hashed, and its plain row goes."""
    migration = importlib.import_module("events.migrations.0014_hashed_tokens_required_date_note")
    plain = "0123456789abcdef0123456789abcdef01234567"
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE authtoken_token (key varchar(40) PRIMARY KEY, user_id integer, "
            "created timestamp)"
        )
        cursor.execute(
            "INSERT INTO authtoken_token VALUES (%s, %s, %s)", [plain, curator.pk, timezone.now()]
        )
    from django.apps import apps

    # What RunPython hands over: the live apps stand in for the historical ones here.
    migration.hash_plain_tokens(apps, SimpleNamespace(connection=connection))
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM authtoken_token")
        assert cursor.fetchone()[0] == 0
    assert AuthToken.objects.get(user=curator).digest == hash_token(plain)
    assert can_write(plain) == 200
