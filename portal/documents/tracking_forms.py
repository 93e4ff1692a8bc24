"""Forms of the tracking journeys: the resident's answer when more information is needed (on
the tracking page) and the clerk's revocation of a permit with its public reason."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .forms import AttachmentsField
from .models import ServiceRegistryPolicy

MAX_ANSWER = 5000


class AnswerForm(forms.Form):
    """What the resident sends back: a message and, if the service's policy allows uploads,
    the missing papers (checked by content, count and size like the request's own files)."""

    message = forms.CharField(
        label=_("Your answer"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=MAX_ANSWER,
        required=False,
        help_text=_("Only the registry's staff see it."),
    )

    def __init__(self, *args: Any, policy: ServiceRegistryPolicy, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if policy.max_attachments:
            self.fields["attachments"] = AttachmentsField(policy=policy, label=_("Missing papers"))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not self.errors and not data.get("message", "").strip() and not data.get("attachments"):
            raise forms.ValidationError(_("Write an answer or attach a file."))
        return data


class RevocationForm(forms.Form):
    public_note = forms.CharField(
        label=_("Reason, for the resident"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
        required=False,
        help_text=_("Shown on the tracking page and e-mailed. No personal data."),
    )
