from django.apps import AppConfig


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    verbose_name = "Parley events"

    def ready(self) -> None:
        # Every save and delete of a curated record goes through the write service.
        from events import services

        services.connect()
