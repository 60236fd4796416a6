from enum import StrEnum


class TimelineOrderingEnum(StrEnum):
    DATE_ASC = "date"
    DATE_DESC = "-date"

    def __str__(self) -> str:
        return str(self.value)
