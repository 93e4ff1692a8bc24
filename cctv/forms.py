"""The camera edit form of the admin: a status change follows the lifecycle (the same rule as
imports and the VMS, see services.lifecycle) and is recorded in the camera's history."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm

from .models import Camera
from .services.lifecycle import change_status, transition_error


class CameraAdminForm(WagtailAdminModelForm):
    def clean_status(self) -> str:
        status = self.cleaned_data["status"]
        if self.instance.pk:
            reason = transition_error(current=self.instance.status, to=status)
            if reason:
                raise ValidationError(reason, code="transition")
        return status

    def save(self, commit: bool = True) -> Camera:
        camera: Camera = self.instance
        if not (commit and camera.pk and "status" in self.changed_data):
            return super().save(commit=commit)
        to = camera.status
        camera.status = self.initial["status"]
        camera = super().save(commit=True)
        return change_status(camera=camera, to=to, note="Changed in the admin.")
