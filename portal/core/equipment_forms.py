"""The admin edit form of field equipment (cameras, call points, alert buttons): a status change
follows the lifecycle (the same rule as imports and devices, see portal/core/equipment.py) and
is recorded in the equipment's history."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm


class LifecycleAdminForm(WagtailAdminModelForm):
    """Subclasses say how their app checks and makes a status change."""

    def transition_error(self, *, current: str, to: str) -> str | None:
        raise NotImplementedError

    def change_status(self, obj: Any, *, to: str, note: str) -> Any:
        raise NotImplementedError

    def clean_status(self) -> str:
        status = self.cleaned_data["status"]
        if self.instance.pk:
            reason = self.transition_error(current=self.instance.status, to=status)
            if reason:
                raise ValidationError(reason, code="transition")
        return status

    def save(self, commit: bool = True) -> Any:
        obj = self.instance
        if not (commit and obj.pk and "status" in self.changed_data):
            return super().save(commit=commit)
        to = obj.status
        obj.status = self.initial["status"]
        obj = super().save(commit=True)
        return self.change_status(obj, to=to, note="Changed in the admin.")
