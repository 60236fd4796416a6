from enum import StrEnum


class RecordTypeEnum(StrEnum):
    ACTOR = "actor"
    INCIDENT = "incident"
    MEETING = "meeting"
    PLACE = "place"
    SOURCE = "source"
    STATEMENT = "statement"
    TOPIC = "topic"

    def __str__(self) -> str:
        return str(self.value)
