"""Reads are public; writes need a staff user holding the model's permission."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rest_framework.permissions import SAFE_METHODS, DjangoModelPermissions
from rest_framework.request import Request

if TYPE_CHECKING:
    from rest_framework.views import APIView


class StaffWriteOrReadOnly(DjangoModelPermissions):
    def has_permission(self, request: Request, view: APIView) -> bool:
        if request.method in SAFE_METHODS:
            return True
        user = request.user
        if not (user and user.is_authenticated and user.is_staff):
            return False
        if getattr(view, "queryset", None) is None:
            return True
        return super().has_permission(request, view)
