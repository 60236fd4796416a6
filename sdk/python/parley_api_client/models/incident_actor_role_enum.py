from enum import StrEnum


class IncidentActorRoleEnum(StrEnum):
    AFFECTED = "affected"
    MEDIATOR = "mediator"
    PARTY = "party"
    PERPETRATOR = "perpetrator"
    TARGET = "target"

    def __str__(self) -> str:
        return str(self.value)
