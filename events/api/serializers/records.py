"""The events: meetings, statements and incidents, read and written."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import transaction
from rest_framework import serializers

from events.api.serializers.base import (
    MAX_COUNT,
    BriefActorSerializer,
    BriefPlaceSerializer,
    CitationSerializer,
    IncidentActorSerializer,
    NestedWriteMixin,
    ParticipantSerializer,
    StrictInputMixin,
    detail_url,
    reject_repeats,
    slug_list_field,
)
from events.models import (
    Actor,
    Citation,
    Event,
    Incident,
    IncidentActor,
    Meeting,
    Participation,
    Place,
    Statement,
    Topic,
)
from events.provenance import open_ended_problems

EVENT_FIELDS = [
    "id",
    "api_url",
    "slug",
    "title",
    "date",
    "end_date",
    "date_precision",
    "date_note",
]
EVENT_TRAILING_FIELDS = ["topics", "plover_type", "plover_mode", "note", "citations"]
TIMESTAMPS = ["created_at", "updated_at"]
# Each type's own fields: between the shared ones when read, after them when written.
# `ongoing` (meetings and incidents; a statement is made on a day) first, by the dates.
MEETING_FIELDS = ["ongoing", "kind", "status", "place", "participants", "summary"]
STATEMENT_FIELDS = ["kind", "speaker", "text", "meeting", "mentions"]
INCIDENT_FIELDS = ["ongoing", "kind", "place", "actors", "fatalities", "injuries", "summary"]


class EventSerializer(serializers.ModelSerializer):
    topics = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True, help_text="Topic slugs."
    )
    citations = CitationSerializer(many=True, read_only=True)


class MeetingSerializer(EventSerializer):
    api_url = detail_url("meeting-detail", "pk")
    place = BriefPlaceSerializer(allow_null=True, read_only=True)
    participants = ParticipantSerializer(
        source="participations",
        many=True,
        read_only=True,
        help_text="Every actor taking part, with their role.",
    )

    class Meta:
        model = Meeting
        fields = [*EVENT_FIELDS, *MEETING_FIELDS, *EVENT_TRAILING_FIELDS, *TIMESTAMPS]


class StatementSerializer(EventSerializer):
    api_url = detail_url("statement-detail", "pk")
    speaker = BriefActorSerializer(read_only=True)
    mentions = BriefActorSerializer(many=True, read_only=True, help_text="Actors it is about.")
    meeting = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True, help_text="Id of the meeting it was made at."
    )

    class Meta:
        model = Statement
        fields = [*EVENT_FIELDS, *STATEMENT_FIELDS, *EVENT_TRAILING_FIELDS, *TIMESTAMPS]


class IncidentSerializer(EventSerializer):
    api_url = detail_url("incident-detail", "pk")
    place = BriefPlaceSerializer(allow_null=True, read_only=True)
    actors = IncidentActorSerializer(
        source="incident_actors",
        many=True,
        read_only=True,
        help_text="Actors involved, with their role.",
    )

    class Meta:
        model = Incident
        fields = [*EVENT_FIELDS, *INCIDENT_FIELDS, *EVENT_TRAILING_FIELDS, *TIMESTAMPS]
        extra_kwargs = {
            "fatalities": {"max_value": MAX_COUNT},
            "injuries": {"max_value": MAX_COUNT},
        }


class ActorRoleWriteSerializer(StrictInputMixin, serializers.Serializer):
    actor = serializers.SlugRelatedField(
        slug_field="slug", queryset=Actor.objects.all(), help_text="Actor slug."
    )


class ParticipantWriteSerializer(ActorRoleWriteSerializer):
    role = serializers.ChoiceField(choices=Participation._meta.get_field("role").choices)


class IncidentActorWriteSerializer(ActorRoleWriteSerializer):
    role = serializers.ChoiceField(choices=IncidentActor._meta.get_field("role").choices)


def reject_repeated_actors(items: list[dict[str, Any]], *, with_role: bool) -> list[dict[str, Any]]:
    keys = [(item["actor"].pk, item["role"] if with_role else None) for item in items]
    if len(set(keys)) != len(keys):
        raise serializers.ValidationError("An actor is listed twice.")
    return items


class EventWriteSerializer(StrictInputMixin, NestedWriteMixin, serializers.ModelSerializer):
    """Common write rules: topics by slug, at least one citation, end not before start."""

    topics = slug_list_field(Topic, "Topic slugs.")
    citations = CitationSerializer(
        many=True, allow_empty=False, help_text="At least one citation: every event is sourced."
    )
    many_to_many_fields: ClassVar[tuple[str, ...]] = ("topics",)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        def current(name: str) -> Any:
            if name in attrs:
                return attrs[name]
            return getattr(self.instance, name, None)

        start, end = current("date"), current("end_date")
        if start and end and end < start:
            raise serializers.ValidationError({"end_date": "The end date is before the date."})
        if "ongoing" in self.fields:
            problems = open_ended_problems(ongoing=bool(current("ongoing")), end_date=end)
            if problems:
                raise serializers.ValidationError(dict(problems))
        return attrs

    def validate_topics(self, value: list[Topic]) -> list[Topic]:
        return reject_repeats(value, "A topic is listed twice.")

    def validate_citations(self, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        # A reference's citations have no quote: their note tells them apart.
        quotes = [(item["source"].pk, item.get("quote") or item.get("note")) for item in value]
        reject_repeats(quotes, "The same quote of the same source is cited twice.")
        return value

    def _pop_many_to_many(self, validated_data: dict[str, Any]) -> dict[str, Any]:
        return {
            field: validated_data.pop(field)
            for field in self.many_to_many_fields
            if field in validated_data
        }

    @transaction.atomic
    def create(self, validated_data: dict[str, Any]) -> Event:
        related = self._pop_many_to_many(validated_data)
        instance = super().create(validated_data)
        for field in self.many_to_many_fields:
            getattr(instance, field).set(related.get(field, []))
        return instance

    @transaction.atomic
    def update(self, instance: Event, validated_data: dict[str, Any]) -> Event:
        related = self._pop_many_to_many(validated_data)
        instance = super().update(instance, validated_data)
        for field, values in related.items():
            getattr(instance, field).set(values)
        return instance


EVENT_WRITE_FIELDS = [
    "slug",
    "title",
    "date",
    "end_date",
    "date_precision",
    "date_note",
    "topics",
    "plover_type",
    "plover_mode",
    "note",
    "citations",
]


def place_slug_field() -> serializers.SlugRelatedField:
    return serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Place.objects.all(),
        allow_null=True,
        required=False,
        help_text="Place slug.",
    )


class MeetingWriteSerializer(EventWriteSerializer):
    place = place_slug_field()
    participants = ParticipantWriteSerializer(many=True, allow_empty=False)
    nested_collections: ClassVar = {
        "participants": (Participation, "meeting"),
        "citations": (Citation, "meeting"),
    }

    class Meta:
        model = Meeting
        fields = [*EVENT_WRITE_FIELDS, *MEETING_FIELDS]

    def validate_participants(self, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return reject_repeated_actors(value, with_role=False)


class StatementWriteSerializer(EventWriteSerializer):
    speaker = serializers.SlugRelatedField(
        slug_field="slug", queryset=Actor.objects.all(), help_text="Actor slug of the speaker."
    )
    mentions = slug_list_field(Actor, "Slugs of the actors the statement is about.")
    nested_collections: ClassVar = {"citations": (Citation, "statement")}
    many_to_many_fields: ClassVar = ("topics", "mentions")

    class Meta:
        model = Statement
        fields = [*EVENT_WRITE_FIELDS, *STATEMENT_FIELDS]

    def validate_mentions(self, value: list[Actor]) -> list[Actor]:
        return reject_repeats(value, "An actor is listed twice.")


class IncidentWriteSerializer(EventWriteSerializer):
    place = place_slug_field()
    actors = IncidentActorWriteSerializer(many=True, required=False)
    nested_collections: ClassVar = {
        "actors": (IncidentActor, "incident"),
        "citations": (Citation, "incident"),
    }

    class Meta:
        model = Incident
        fields = [*EVENT_WRITE_FIELDS, *INCIDENT_FIELDS]
        extra_kwargs = IncidentSerializer.Meta.extra_kwargs

    def validate_actors(self, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return reject_repeated_actors(value, with_role=True)
