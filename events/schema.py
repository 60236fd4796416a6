"""drf-spectacular adjustments."""

from __future__ import annotations

from typing import Any

from drf_spectacular.openapi import AutoSchema


class FilteredObjectSchema(AutoSchema):
    """For a GET that takes a list's filters but answers one object (e.g. `/stats/`):
    document the filters, without wrapping the response in an array."""

    def get_filter_backends(self) -> list[Any]:
        return getattr(self.view, "filter_backends", [])
