"""History: deletions (tombstones) and revisions."""

from __future__ import annotations

from rest_framework import serializers

from events.models import Revision, Tombstone


class DeletionSerializer(serializers.ModelSerializer):
    type = serializers.CharField(source="record_type", help_text="meeting, actor, topic, ...")
    key = serializers.CharField(help_text="The deleted record's id (events) or slug.")

    class Meta:
        model = Tombstone
        fields = ["type", "key", "deleted_at"]


class RevisionSerializer(serializers.ModelSerializer):
    type = serializers.CharField(source="record_type", help_text="actor, meeting, topic, ...")
    user = serializers.SlugRelatedField(
        slug_field="username",
        read_only=True,
        allow_null=True,
        help_text="Who made it: the username, for staff readers; `curator` for everyone "
        "else (who changed what is not public); null for load_curated and scripts.",
    )

    def to_representation(self, instance: Revision) -> dict:
        data = super().to_representation(instance)
        request = self.context.get("request")
        is_staff = request is not None and request.user.is_staff
        if data.get("user") is not None and not is_staff:
            data["user"] = "curator"
        return data

    class Meta:
        model = Revision
        fields = ["id", "type", "key", "action", "via", "user", "created_at", "changes", "snapshot"]
        extra_kwargs = {"id": {"help_text": "The revision's id."}}
