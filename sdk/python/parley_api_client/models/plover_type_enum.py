from enum import StrEnum


class PloverTypeEnum(StrEnum):
    ACCUSE = "ACCUSE"
    AGREE = "AGREE"
    AID = "AID"
    ASSAULT = "ASSAULT"
    COERCE = "COERCE"
    CONCEDE = "CONCEDE"
    CONSULT = "CONSULT"
    COOPERATE = "COOPERATE"
    MOBILIZE = "MOBILIZE"
    PROTEST = "PROTEST"
    REJECT = "REJECT"
    REQUEST = "REQUEST"
    RETREAT = "RETREAT"
    SANCTION = "SANCTION"
    SUPPORT = "SUPPORT"
    THREATEN = "THREATEN"

    def __str__(self) -> str:
        return str(self.value)
