"""Public forms: joining (with consent) and asking for one's leave link."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .selectors import districts
from .services import CONSENT_TEXT


class JoinForm(forms.Form):
    name = forms.CharField(
        label=_("Your name (optional)"),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We send a link to this address: you join when you open it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    district = forms.ModelChoiceField(
        label=_("Your district"),
        queryset=districts(),
        empty_label=_("Choose your district"),
        to_field_name="slug",
    )
    language = forms.ChoiceField(label=_("Language of the messages"))
    consent = forms.BooleanField(label=CONSENT_TEXT)

    def __init__(self, *args, language: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [(code, _(name)) for code, name in settings.LANGUAGES]
        self.fields["language"].initial = language
        self.fields["district"].queryset = districts()


class LeaveRequestForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address you joined with"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
