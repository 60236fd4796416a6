from django.apps import AppConfig


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    verbose_name = "Parley events"

    def ready(self) -> None:
        # Every save and delete of a curated record goes through the write service.
        from events import services

        services.connect()
        # The stored JSON of the timeline's rows is built by the API's serializers.
        from events import timeline
        from events.api import representation

        timeline.BUILDERS.representations = representation
