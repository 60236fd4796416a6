from enum import StrEnum


class StatsGroupByEnum(StrEnum):
    ACTOR = "actor"
    COUNTRY = "country"
    MONTH = "month"
    TOPIC = "topic"
    TYPE = "type"
    YEAR = "year"

    def __str__(self) -> str:
        return str(self.value)
