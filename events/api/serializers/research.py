"""Research views' shapes: the unified timeline, statistics and the co-participation
network (read-only)."""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from events.api.serializers.base import (
    BriefActorSerializer,
)
from events.choices import DatePrecision, EventType, MeetingStatus, SupportedField
from events.models import Actor, Citation, TimelineEntry

# --- Timeline and statistics ----------------------------------------------------------


class TimelineActorSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    role = serializers.CharField(
        help_text="Part played: a meeting role, an incident role, or speaker/mentioned."
    )


class TimelinePlaceSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class TimelineCitationSerializer(serializers.Serializer):
    source = serializers.CharField(help_text="Slug of the cited source.")
    quote = serializers.CharField(
        allow_blank=True,
        help_text="Verbatim quote from a held document; empty for an outside reference.",
    )
    note = serializers.CharField(allow_blank=True)
    supports = serializers.ListField(
        child=serializers.ChoiceField(choices=SupportedField.choices),
        help_text=Citation._meta.get_field("supports").help_text,
    )
    disagrees = serializers.BooleanField(help_text=Citation._meta.get_field("disagrees").help_text)


class TimelineItemSerializer(serializers.Serializer):
    """One meeting, statement or incident in the unified timeline."""

    type = serializers.ChoiceField(source="event_type", choices=EventType.choices)
    id = serializers.IntegerField(source="event_id", help_text="The record's id within its type.")
    api_url = serializers.SerializerMethodField(help_text="Link to the full record.")
    kind = serializers.CharField(help_text="The record's kind within its type.")
    status = serializers.SerializerMethodField(
        help_text="Meetings: held, planned or cancelled. Null for statements and incidents."
    )
    date = serializers.DateField()
    end_date = serializers.DateField(allow_null=True)
    ongoing = serializers.BooleanField(
        help_text="Still going on when its last source was written (then end_date is null); "
        "date filters treat it as reaching the present."
    )
    documented = serializers.BooleanField(
        help_text="Every value the event is filtered on rests on a held document (see "
        "`documented_only`)."
    )
    date_precision = serializers.ChoiceField(choices=DatePrecision.choices)
    title = serializers.CharField()
    summary = serializers.CharField(
        source="payload.summary", help_text="Meeting/incident summary or statement text."
    )
    actors = TimelineActorSerializer(source="payload.actors", many=True)
    place = TimelinePlaceSerializer(source="payload.place", allow_null=True)
    topics = serializers.ListField(
        source="payload.topics", child=serializers.CharField(), help_text="Topic slugs."
    )
    citations = TimelineCitationSerializer(source="payload.citations", many=True)
    updated_at = serializers.DateTimeField()

    # Documented as the meetings' status enum (MeetingStatusEnum), not a free string.
    @extend_schema_field(serializers.ChoiceField(choices=MeetingStatus.choices, allow_null=True))
    def get_status(self, entry: TimelineEntry) -> str | None:
        return entry.payload.get("status")

    def get_api_url(self, entry: TimelineEntry) -> str:
        path = reverse(f"{entry.event_type}-detail", args=[entry.event_id])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path


class StatsRowSerializer(serializers.Serializer):
    key = serializers.CharField(
        allow_null=True, help_text="Period (YYYY or YYYY-MM), type, slug or country; null: none."
    )
    label = serializers.CharField(help_text="Human-readable form of the key.")
    meeting = serializers.IntegerField(help_text="Number of meetings.")
    statement = serializers.IntegerField(help_text="Number of statements.")
    incident = serializers.IntegerField(help_text="Number of incidents.")
    total = serializers.IntegerField()


class StatsSerializer(serializers.Serializer):
    group_by = serializers.CharField()
    results = StatsRowSerializer(many=True)


# --- Co-participation network (read-only; see events/queries/network.py) ----------------------


class NetworkNodeSerializer(serializers.Serializer):
    slug = serializers.CharField(help_text="Actor slug; the node's identifier.")
    name = serializers.CharField(help_text="Actor's canonical English name.")
    kind = serializers.ChoiceField(choices=Actor._meta.get_field("kind").choices)
    meetings = serializers.IntegerField(
        help_text="Number of the selected meetings the actor took part in, in any role."
    )
    first_date = serializers.DateField(
        help_text="First day of the earliest selected meeting the actor took part in."
    )
    last_date = serializers.DateField(
        help_text="Last day of the latest selected meeting the actor took part in (its end "
        "date if it spanned days)."
    )


class NetworkEdgeSerializer(serializers.Serializer):
    source = serializers.CharField(help_text="Slug of one actor (the smaller of the two slugs).")
    target = serializers.CharField(help_text="Slug of the other actor.")
    weight = serializers.IntegerField(help_text="Number of meetings the two actors shared.")
    meeting_ids = serializers.ListField(
        child=serializers.IntegerField(), help_text="Ids of the shared meetings, ascending."
    )
    first_date = serializers.DateField(help_text="First day of the earliest shared meeting.")
    last_date = serializers.DateField(
        help_text="Last day of the latest shared meeting (its end date if it spanned days)."
    )


class NetworkSerializer(serializers.Serializer):
    nodes = NetworkNodeSerializer(many=True, help_text="Actors, sorted by slug.")
    edges = NetworkEdgeSerializer(
        many=True, help_text="Undirected ties between actors, sorted by source then target."
    )


class ActorNetworkEntrySerializer(serializers.Serializer):
    actor = BriefActorSerializer(help_text="An actor the requested actor met.")
    shared_meetings = serializers.IntegerField(
        help_text="Number of the selected meetings both actors took part in."
    )
    first_date = serializers.DateField(help_text="First day of the earliest shared meeting.")
    last_date = serializers.DateField(
        help_text="Last day of the latest shared meeting (its end date if it spanned days)."
    )
    meeting_ids = serializers.ListField(
        child=serializers.IntegerField(), help_text="Ids of the shared meetings, ascending."
    )
