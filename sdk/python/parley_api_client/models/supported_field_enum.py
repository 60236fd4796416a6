from enum import StrEnum


class SupportedFieldEnum(StrEnum):
    ACTORS = "actors"
    ALIASES = "aliases"
    COORDINATES = "coordinates"
    COUNTRY = "country"
    DATE = "date"
    DESCRIPTION = "description"
    END_DATE = "end_date"
    FATALITIES = "fatalities"
    INJURIES = "injuries"
    KIND = "kind"
    MEETING = "meeting"
    MENTIONS = "mentions"
    NAME = "name"
    ONGOING = "ongoing"
    PARTICIPANTS = "participants"
    PLACE = "place"
    ROLES = "roles"
    SPEAKER = "speaker"
    STATUS = "status"
    SUMMARY = "summary"
    TEXT = "text"
    TITLE = "title"

    def __str__(self) -> str:
        return str(self.value)
