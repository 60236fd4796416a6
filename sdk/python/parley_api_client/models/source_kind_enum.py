from enum import StrEnum


class SourceKindEnum(StrEnum):
    DOCUMENT = "document"
    REFERENCE = "reference"

    def __str__(self) -> str:
        return str(self.value)
