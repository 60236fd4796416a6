"""Admin for curators: search, filters, inlines for every nested collection, and
autocomplete wherever an actor or place is picked."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import (
    Actor,
    ActorAlias,
    ActorIdentifier,
    ActorRole,
    Citation,
    Incident,
    IncidentActor,
    Meeting,
    Participation,
    Place,
    PlaceAlias,
    Source,
    Statement,
    Topic,
)
from .timeline import refresh_timeline_for


class RefreshTimelineMixin:
    """After a save (inlines included), rebuild the timeline rows that show the record."""

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        refresh_timeline_for(form.instance)


class CitationInline(admin.TabularInline):
    model = Citation
    fields = ["source", "quote", "note"]
    autocomplete_fields = ["source"]
    extra = 0


class ActorAliasInline(admin.TabularInline):
    model = ActorAlias
    extra = 0


class ActorIdentifierInline(admin.TabularInline):
    model = ActorIdentifier
    extra = 0


class ActorRoleInline(admin.TabularInline):
    model = ActorRole
    fk_name = "actor"
    autocomplete_fields = ["organization"]
    extra = 0


class PlaceAliasInline(admin.TabularInline):
    model = PlaceAlias
    extra = 0


class ParticipationInline(admin.TabularInline):
    model = Participation
    autocomplete_fields = ["actor"]
    extra = 0


class IncidentActorInline(admin.TabularInline):
    model = IncidentActor
    autocomplete_fields = ["actor"]
    extra = 0


@admin.register(Topic)
class TopicAdmin(RefreshTimelineMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "updated_at"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Source)
class SourceAdmin(RefreshTimelineMixin, admin.ModelAdmin):
    list_display = ["slug", "title", "publisher", "published_on", "document"]
    list_filter = ["publisher", "language"]
    search_fields = ["slug", "title", "publisher", "document"]


@admin.register(Place)
class PlaceAdmin(RefreshTimelineMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "kind", "country", "latitude", "longitude"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "slug", "aliases__name"]
    inlines = [PlaceAliasInline, CitationInline]


@admin.register(Actor)
class ActorAdmin(RefreshTimelineMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "kind", "country", "updated_at"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "slug", "aliases__name"]
    inlines = [ActorAliasInline, ActorRoleInline, ActorIdentifierInline, CitationInline]


class EventAdmin(RefreshTimelineMixin, admin.ModelAdmin):
    date_hierarchy = "date"
    filter_horizontal = ["topics"]
    readonly_fields = ["created_at", "updated_at"]


@admin.register(Meeting)
class MeetingAdmin(EventAdmin):
    list_display = ["date", "title", "kind", "status", "place", "date_precision"]
    list_filter = ["kind", "status", "date_precision", "topics"]
    search_fields = ["title", "slug", "summary", "participants__name"]
    autocomplete_fields = ["place"]
    inlines = [ParticipationInline, CitationInline]


@admin.register(Statement)
class StatementAdmin(EventAdmin):
    list_display = ["date", "title", "speaker", "kind", "date_precision"]
    list_filter = ["kind", "date_precision", "topics"]
    search_fields = ["title", "slug", "text", "speaker__name"]
    autocomplete_fields = ["speaker", "meeting", "mentions"]
    inlines = [CitationInline]


@admin.register(Incident)
class IncidentAdmin(EventAdmin):
    list_display = ["date", "title", "kind", "place", "fatalities", "injuries"]
    list_filter = ["kind", "date_precision", "topics"]
    search_fields = ["title", "slug", "summary"]
    autocomplete_fields = ["place"]
    inlines = [IncidentActorInline, CitationInline]
