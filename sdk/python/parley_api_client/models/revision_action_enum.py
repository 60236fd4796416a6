from enum import StrEnum


class RevisionActionEnum(StrEnum):
    CREATED = "created"
    DELETED = "deleted"
    RESTORED = "restored"
    UPDATED = "updated"

    def __str__(self) -> str:
        return str(self.value)
