"""The statement's feedback form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class FeedbackForm(forms.Form):
    name = forms.CharField(label=_("Your name (optional)"), max_length=150, required=False)
    email = forms.EmailField(label=_("Your e-mail address"), help_text=_("We reply to this address."))
    page_url = forms.CharField(
        label=_("Address of the page (optional)"),
        max_length=500,
        required=False,
        help_text=_("For example https://… or the page's title."),
    )
    description = forms.CharField(
        label=_("What could you not use?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        help_text=_("Tell us what you tried to do and what went wrong."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        autocomplete = {"name": "name", "email": "email", "page_url": "off", "description": "off"}
        for name, token in autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = token
