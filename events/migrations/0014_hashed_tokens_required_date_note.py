"""Issue 15. 1) API tokens move from rest_framework.authtoken (stored in plain text) to django-rest-knox
(a SHA-512 digest, a visible prefix and an expiry). An existing token keeps working until
it expires API_TOKEN_DAYS from now; its plain-text row is deleted. The old table stays, empty,
when it exists (rest_framework.authtoken is no longer installed).
2) `date_note` is required on every event, as the curated files require it (a form or
serializer field change only: the column was already NOT NULL)."""

import datetime

from django.conf import settings
from django.db import migrations, models
from django.utils import timezone


def hash_plain_tokens(apps, schema_editor):
    from knox.crypto import hash_token
    from knox.settings import CONSTANTS

    connection = schema_editor.connection
    if "authtoken_token" not in connection.introspection.table_names():
        return
    AuthToken = apps.get_model("knox", "AuthToken")
    expiry = timezone.now() + datetime.timedelta(days=settings.API_TOKEN_DAYS)
    with connection.cursor() as cursor:
        cursor.execute("SELECT key, user_id FROM authtoken_token")
        AuthToken.objects.bulk_create(
            AuthToken(
                digest=hash_token(key),
                token_key=key[: CONSTANTS.TOKEN_KEY_LENGTH],
                user_id=user_id,
                expiry=expiry,
            )
            for key, user_id in cursor.fetchall()
        )
        cursor.execute("DELETE FROM authtoken_token")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0013_stored_representations"),
        ("knox", "0009_extend_authtoken_field"),
    ]

    operations = [
        migrations.RunPython(hash_plain_tokens, migrations.RunPython.noop),
        *(
            migrations.AlterField(
                model_name=model_name,
                name="date_note",
                field=models.TextField(help_text="How the date was resolved from the sources."),
            )
            for model_name in ("incident", "meeting", "statement")
        ),
    ]
