from enum import StrEnum


class IncidentKindEnum(StrEnum):
    ARMED_CLASH = "armed_clash"
    BLOCKADE = "blockade"
    CASUALTIES = "casualties"
    CEASEFIRE = "ceasefire"
    CEASEFIRE_VIOLATION = "ceasefire_violation"
    CHECKPOINT = "checkpoint"
    DEPLOYMENT = "deployment"
    OTHER = "other"
    WAR = "war"

    def __str__(self) -> str:
        return str(self.value)
