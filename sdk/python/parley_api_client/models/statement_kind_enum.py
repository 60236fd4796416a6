from enum import StrEnum


class StatementKindEnum(StrEnum):
    ANNOUNCEMENT = "announcement"
    DIRECT_QUOTE = "direct_quote"
    PARAPHRASE = "paraphrase"
    READOUT = "readout"

    def __str__(self) -> str:
        return str(self.value)
