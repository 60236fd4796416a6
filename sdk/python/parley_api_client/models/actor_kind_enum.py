from enum import StrEnum


class ActorKindEnum(StrEnum):
    GROUP = "group"
    ORGANIZATION = "organization"
    PERSON = "person"
    STATE = "state"

    def __str__(self) -> str:
        return str(self.value)
