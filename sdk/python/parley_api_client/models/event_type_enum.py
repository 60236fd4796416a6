from enum import StrEnum


class EventTypeEnum(StrEnum):
    INCIDENT = "incident"
    MEETING = "meeting"
    STATEMENT = "statement"

    def __str__(self) -> str:
        return str(self.value)
