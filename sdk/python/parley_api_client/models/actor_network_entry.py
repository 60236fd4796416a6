from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.brief_actor import BriefActor


T = TypeVar("T", bound="ActorNetworkEntry")


@_attrs_define
class ActorNetworkEntry:
    """
    Attributes:
        actor (BriefActor):
        shared_meetings (int): Number of the selected meetings both actors took part in.
        first_date (datetime.date): First day of the earliest shared meeting.
        last_date (datetime.date): Last day of the latest shared meeting (its end date if it spanned days).
        meeting_ids (list[int]): Ids of the shared meetings, ascending.
    """

    actor: BriefActor
    shared_meetings: int
    first_date: datetime.date
    last_date: datetime.date
    meeting_ids: list[int]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actor = self.actor.to_dict()

        shared_meetings = self.shared_meetings

        first_date = self.first_date.isoformat()

        last_date = self.last_date.isoformat()

        meeting_ids = self.meeting_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actor": actor,
                "shared_meetings": shared_meetings,
                "first_date": first_date,
                "last_date": last_date,
                "meeting_ids": meeting_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.brief_actor import BriefActor  # noqa: PLC0415

        d = dict(src_dict)
        actor = BriefActor.from_dict(d.pop("actor"))

        shared_meetings = d.pop("shared_meetings")

        first_date = datetime.date.fromisoformat(d.pop("first_date"))

        last_date = datetime.date.fromisoformat(d.pop("last_date"))

        meeting_ids = cast(list[int], d.pop("meeting_ids"))

        actor_network_entry = cls(
            actor=actor,
            shared_meetings=shared_meetings,
            first_date=first_date,
            last_date=last_date,
            meeting_ids=meeting_ids,
        )

        actor_network_entry.additional_properties = d
        return actor_network_entry

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
