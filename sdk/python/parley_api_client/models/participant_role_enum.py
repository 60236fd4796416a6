from enum import StrEnum


class ParticipantRoleEnum(StrEnum):
    HOST = "host"
    MEDIATOR = "mediator"
    OBSERVER = "observer"
    PARTICIPANT = "participant"

    def __str__(self) -> str:
        return str(self.value)
