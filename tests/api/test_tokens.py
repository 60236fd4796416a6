"""issue_token gives a staff user an API token and takes it back."""

import pytest
from django.core.management import CommandError, call_command

from tests.support import CarefulClient, make_user

pytestmark = pytest.mark.django_db


def issue(*args, capsys):
    call_command("issue_token", *args)
    return capsys.readouterr().out.strip()


def test_issue_use_and_revoke_a_token(curator, sample, capsys):
    key = issue("curator", capsys=capsys)
    assert issue("curator", capsys=capsys) == key  # the same token until revoked
    api = CarefulClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    assert (
        api.patch("/api/v1/topics/peace-treaty/", {"name": "Peace"}, format="json").status_code
        == 200
    )
    assert issue("curator", "--revoke", capsys=capsys) == "Token revoked."
    assert (
        api.patch("/api/v1/topics/peace-treaty/", {"name": "P"}, format="json").status_code == 401
    )


def test_only_existing_staff_users_get_tokens(db):
    make_user("reader", staff=False)
    with pytest.raises(CommandError, match="not staff"):
        call_command("issue_token", "reader")
    with pytest.raises(CommandError, match="No user"):
        call_command("issue_token", "nobody")
