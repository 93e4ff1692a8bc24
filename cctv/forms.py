"""The camera edit form of the admin: a status change follows the lifecycle (the same rule as
imports and the VMS, see services.lifecycle) and is recorded in the camera's history."""

from __future__ import annotations

from portal.core.equipment_forms import LifecycleAdminForm

from .models import Camera
from .services.lifecycle import change_status, transition_error


class CameraAdminForm(LifecycleAdminForm):
    def transition_error(self, *, current: str, to: str) -> str | None:
        return transition_error(current=current, to=to)

    def change_status(self, obj: Camera, *, to: str, note: str) -> Camera:
        return change_status(camera=obj, to=to, note=note)
