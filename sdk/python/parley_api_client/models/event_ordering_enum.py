from enum import StrEnum


class EventOrderingEnum(StrEnum):
    DATE_ASC = "date"
    DATE_DESC = "-date"
    ID_ASC = "id"
    ID_DESC = "-id"
    UPDATED_AT_ASC = "updated_at"
    UPDATED_AT_DESC = "-updated_at"

    def __str__(self) -> str:
        return str(self.value)
