from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.revision_action_enum import RevisionActionEnum
from ..models.revision_via_enum import RevisionViaEnum

T = TypeVar("T", bound="Revision")


@_attrs_define
class Revision:
    """
    Attributes:
        id (int): The revision's id.
        type_ (str): actor, meeting, topic, ...
        key (str): The record's id (events) or slug.
        action (RevisionActionEnum): * `created` - Created
            * `updated` - Updated
            * `deleted` - Deleted
            * `restored` - Restored
        via (RevisionViaEnum): * `api` - API
            * `admin` - Admin
            * `load_curated` - load_curated
            * `script` - Script or shell
        user (None | str): Who made it: the username, for staff readers; `curator` for everyone else (who changed what
            is not public); null for load_curated and scripts.
        created_at (datetime.datetime): When the record was created in Parley.
        changes (Any): Changed fields: {field: [before, after]}.
        snapshot (Any): The record in curated-file form.
    """

    id: int
    type_: str
    key: str
    action: RevisionActionEnum
    via: RevisionViaEnum
    user: None | str
    created_at: datetime.datetime
    changes: Any
    snapshot: Any
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_

        key = self.key

        action = self.action.value

        via = self.via.value

        user: None | str
        user = self.user

        created_at = self.created_at.isoformat()

        changes = self.changes

        snapshot = self.snapshot

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "key": key,
                "action": action,
                "via": via,
                "user": user,
                "created_at": created_at,
                "changes": changes,
                "snapshot": snapshot,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        type_ = d.pop("type")

        key = d.pop("key")

        action = RevisionActionEnum(d.pop("action"))

        via = RevisionViaEnum(d.pop("via"))

        def _parse_user(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        user = _parse_user(d.pop("user"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        changes = d.pop("changes")

        snapshot = d.pop("snapshot")

        revision = cls(
            id=id,
            type_=type_,
            key=key,
            action=action,
            via=via,
            user=user,
            created_at=created_at,
            changes=changes,
            snapshot=snapshot,
        )

        revision.additional_properties = d
        return revision

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
