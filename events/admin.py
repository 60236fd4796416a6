"""Admin for curators: search, filters, inlines for every nested collection, and
autocomplete wherever an actor or place is picked."""

from typing import Any

from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse

from events import services
from events.models import (
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
    Revision,
    RevisionVia,
    Source,
    Statement,
    Topic,
)


class CuratedRecordAdmin(admin.ModelAdmin):
    """Every change made in the admin — the record, its inlines, deletions from the
    change page or the list — goes through the write service as one change by the
    signed-in curator (`via="admin"`): timeline, tombstones and revisions included."""

    def changeform_view(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        with services.writing(RevisionVia.ADMIN, request.user):
            return super().changeform_view(request, *args, **kwargs)

    def delete_view(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        with services.writing(RevisionVia.ADMIN, request.user):
            return super().delete_view(request, *args, **kwargs)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        with services.writing(RevisionVia.ADMIN, request.user):
            for record in queryset:  # one by one: each leaves its tombstone and revision
                record.delete()


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):
    """The history of every curated record, read-only; deletions can be restored."""

    list_display = ["created_at", "record_type", "key", "action", "via", "user"]
    list_filter = ["record_type", "action", "via"]
    search_fields = ["key"]
    readonly_fields = [f.name for f in Revision._meta.fields]
    actions = ["restore_deleted"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.action(description="Restore the selected deleted records")
    def restore_deleted(self, request: HttpRequest, queryset: Any) -> None:
        for revision in queryset:
            try:
                services.restore(revision, via=RevisionVia.ADMIN, user=request.user)
            except services.RestoreError as exc:
                self.message_user(request, f"{revision}: {exc.problems}", messages.ERROR)
            else:
                self.message_user(request, f"Restored {revision.record_type} {revision.key}.")


class CitationInline(admin.TabularInline):
    model = Citation
    fields = ["source", "quote", "note", "supports", "disagrees"]
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
class TopicAdmin(CuratedRecordAdmin):
    list_display = ["name", "slug", "updated_at"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Source)
class SourceAdmin(CuratedRecordAdmin):
    list_display = ["slug", "kind", "title", "publisher", "published_on", "document", "url"]
    list_filter = ["kind", "publisher", "language"]
    search_fields = ["slug", "title", "publisher", "document", "url"]


@admin.register(Place)
class PlaceAdmin(CuratedRecordAdmin):
    list_display = ["name", "slug", "kind", "country", "latitude", "longitude"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "slug", "aliases__name"]
    inlines = [PlaceAliasInline, CitationInline]


@admin.register(Actor)
class ActorAdmin(CuratedRecordAdmin):
    list_display = ["name", "slug", "kind", "country", "updated_at"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "slug", "aliases__name"]
    inlines = [ActorAliasInline, ActorRoleInline, ActorIdentifierInline, CitationInline]


class EventAdmin(CuratedRecordAdmin):
    date_hierarchy = "date"
    filter_horizontal = ["topics"]
    readonly_fields = ["created_at", "updated_at"]


@admin.register(Meeting)
class MeetingAdmin(EventAdmin):
    list_display = ["date", "title", "kind", "status", "place", "date_precision", "ongoing"]
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
    list_display = ["date", "title", "kind", "place", "fatalities", "injuries", "ongoing"]
    list_filter = ["kind", "date_precision", "ongoing", "topics"]
    search_fields = ["title", "slug", "summary"]
    autocomplete_fields = ["place"]
    inlines = [IncidentActorInline, CitationInline]
