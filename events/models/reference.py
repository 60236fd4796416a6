"""Reference data: topics, sources, places and actors, with the aliases, identifiers and
offices that belong to them."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Prefetch, Q
from django.db.models.functions import Lower

from events.choices import ActorKind, PlaceKind, SourceKind
from events.models.base import (
    CuratedQuerySet,
    SearchableQuerySet,
    TimestampedModel,
    citations_with_sources,
    country_field,
)
from events.provenance import source_problems


class TopicQuerySet(SearchableQuerySet):
    search_fields = ("name", "slug", "description")


class Topic(TimestampedModel):
    """An entry of the small controlled vocabulary events are tagged with."""

    slug = models.SlugField(max_length=100, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class SourceQuerySet(SearchableQuerySet):
    search_fields = ("title", "publisher", "slug")


class Source(TimestampedModel):
    """Where facts come from: a held document (citations quote it verbatim) or an outside
    reference (citations say in the curator's words what it attests); see
    `events.provenance`."""

    slug = models.SlugField(max_length=150, unique=True)
    kind = models.CharField(
        max_length=10,
        choices=SourceKind.choices,
        default=SourceKind.DOCUMENT,
        db_index=True,
        help_text="document: a text held beside the project, quoted verbatim; reference: an "
        "outside publication (url, publisher and date required), cited without quotes.",
    )
    title = models.CharField(
        max_length=500,
        blank=True,
        help_text="Headline of a document, if it has one; a reference's title in our own words.",
    )
    publisher = models.CharField(max_length=200, blank=True)
    published_on = models.DateField(null=True, blank=True)
    url = models.URLField(max_length=1000, null=True, blank=True)
    language = models.CharField(max_length=8, default="en", help_text="BCP 47 language tag.")
    document = models.CharField(
        max_length=255,
        null=True,
        blank=True,
        help_text="File name of the source text the quotes can be checked against; null for "
        "a reference.",
    )
    note = models.TextField(blank=True)

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.title or self.document or self.slug

    def clean(self) -> None:
        problems = source_problems(
            self.kind,
            url=self.url,
            publisher=self.publisher,
            published_on=self.published_on,
            document=self.document,
        )
        if problems:
            raise ValidationError(dict(problems))


class PlaceQuerySet(SearchableQuerySet):
    search_fields = ("name", "slug")

    def for_api(self) -> PlaceQuerySet:
        return self.prefetch_related("aliases", citations_with_sources(self.model))


class Place(TimestampedModel):
    """Where a meeting or incident happened."""

    slug = models.SlugField(max_length=100, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=PlaceKind.choices, db_index=True)
    country = country_field("ISO 3166-1 alpha-3 code of the country the place lies in.")
    latitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)

    objects = PlaceQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="place_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="place_longitude_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ActorQuerySet(SearchableQuerySet):
    search_fields = ("name", "slug")

    def for_api(self) -> ActorQuerySet:
        return self.prefetch_related(
            "aliases",
            "identifiers",
            Prefetch("roles", queryset=ActorRole.objects.select_related("organization")),
            citations_with_sources(self.model),
        )


class Actor(TimestampedModel):
    """A person, state, organisation or group that takes part in events."""

    slug = models.SlugField(max_length=100, unique=True)
    name = models.CharField(max_length=200, help_text="Canonical English name.")
    kind = models.CharField(max_length=20, choices=ActorKind.choices, db_index=True)
    country = country_field("ISO 3166-1 alpha-3 code of the actor's country, if any.")
    description = models.TextField(blank=True)
    note = models.TextField(blank=True, help_text="Curator's note: judgement calls, disagreements.")

    objects = ActorQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class Alias(models.Model):
    """Another spelling of a name met in the sources (transliteration, short form...)."""

    name = models.CharField(
        max_length=200,
        db_index=True,
        help_text="The spelling as met in the sources. Unique, ignoring case, among the "
        "aliases of all actors (or of all places).",
    )

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ActorAlias(Alias):
    """Another spelling of an actor's name met in the sources, e.g. "Pashinian" for
    Pashinyan; searches match it as they match the name."""

    owner = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")

    objects = CuratedQuerySet.as_manager()

    class Meta(Alias.Meta):
        verbose_name_plural = "actor aliases"
        constraints = [
            models.UniqueConstraint(Lower("name"), name="actor_alias_unique_name"),
        ]


class PlaceAlias(Alias):
    """Another spelling of a place's name met in the sources, e.g. "Chisinau" for
    Chișinău; searches match it as they match the name."""

    owner = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="aliases")

    objects = CuratedQuerySet.as_manager()

    class Meta(Alias.Meta):
        verbose_name_plural = "place aliases"
        constraints = [
            models.UniqueConstraint(Lower("name"), name="place_alias_unique_name"),
        ]


Actor.alias_model = ActorAlias
Place.alias_model = PlaceAlias


class ActorIdentifier(models.Model):
    """An identifier of the actor in another dataset (scheme + value, e.g. wikidata Q7747)."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="identifiers")
    scheme = models.CharField(max_length=50)
    value = models.CharField(max_length=200)

    objects = CuratedQuerySet.as_manager()

    class Meta:
        ordering = ["scheme", "value"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "value"], name="actor_identifier_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.scheme}:{self.value}"


class ActorRole(models.Model):
    """An office an actor held, so their title at the time of an event is known."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="roles")
    title = models.CharField(
        max_length=300, help_text="Title of the office, e.g. Prime Minister of Armenia."
    )
    organization = models.ForeignKey(
        Actor,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="member_roles",
        help_text="The organisation (an actor) the office belongs to.",
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(
        null=True,
        blank=True,
        help_text="Last day in office; null while the office is held or when unknown.",
    )
    note = models.TextField(blank=True)

    objects = CuratedQuerySet.as_manager()

    class Meta:
        ordering = ["start_date", "title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="actor_role_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.actor}: {self.title}"
