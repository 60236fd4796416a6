from enum import StrEnum


class DatePrecisionEnum(StrEnum):
    APPROXIMATE = "approximate"
    DAY = "day"
    MONTH = "month"
    YEAR = "year"

    def __str__(self) -> str:
        return str(self.value)
