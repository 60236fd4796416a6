from enum import StrEnum


class RevisionViaEnum(StrEnum):
    ADMIN = "admin"
    API = "api"
    LOAD_CURATED = "load_curated"
    SCRIPT = "script"

    def __str__(self) -> str:
        return str(self.value)
