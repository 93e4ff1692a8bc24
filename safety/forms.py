"""Admin forms: the device edit form (lifecycle rule, as for cameras) and the console's steps."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cctv.models import District
from portal.core.equipment_forms import LifecycleAdminForm

from .models import Alert, Device
from .services.devices import change_status, transition_error


class DeviceAdminForm(LifecycleAdminForm):
    def transition_error(self, *, current: str, to: str) -> str | None:
        return transition_error(current=current, to=to)

    def change_status(self, obj: Device, *, to: str, note: str) -> Device:
        return change_status(device=obj, to=to, note=note)


class DispatchForm(forms.Form):
    note = forms.CharField(
        label=_("Dispatch note"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Whom you sent (police, ambulance, patrol) and why."),
    )


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Alert.Outcome.choices)
    note = forms.CharField(
        label=_("Note"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ApproveRequestForm(forms.Form):
    """What staff decide when approving a request: where the button goes and who runs it."""

    latitude = forms.FloatField(label=_("Latitude"), min_value=-90, max_value=90)
    longitude = forms.FloatField(label=_("Longitude"), min_value=-180, max_value=180)
    district = forms.ModelChoiceField(label=_("District"), queryset=District.objects.all(), required=False)
    operator = forms.CharField(label=_("Operator"), max_length=200)
