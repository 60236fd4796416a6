from enum import StrEnum


class PlaceKindEnum(StrEnum):
    BORDER_AREA = "border_area"
    CITY = "city"
    CORRIDOR = "corridor"
    COUNTRY = "country"
    REGION = "region"
    SITE = "site"
    TOWN = "town"
    VILLAGE = "village"

    def __str__(self) -> str:
        return str(self.value)
