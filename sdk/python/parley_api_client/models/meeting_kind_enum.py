from enum import StrEnum


class MeetingKindEnum(StrEnum):
    COMMISSION_SESSION = "commission_session"
    IN_PERSON = "in_person"
    NEGOTIATION_ROUND = "negotiation_round"
    OTHER = "other"
    PHONE_CALL = "phone_call"
    SUMMIT = "summit"
    VIDEO_CALL = "video_call"

    def __str__(self) -> str:
        return str(self.value)
