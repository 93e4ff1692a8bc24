"""Public forms: a learner's account and the voluntary demographic questionnaire."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm
from django.utils.translation import gettext_lazy as _

from .models import AgeBand, Community, Gender, Situation


class SignupForm(UserCreationForm):
    full_name = forms.CharField(label=_("Full name (as it should appear on certificates)"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"))

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "full_name", "email")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update(autocomplete="username")
        self.fields["full_name"].widget.attrs.update(autocomplete="name")
        self.fields["email"].widget.attrs.update(autocomplete="email")
        # The plain-text "required"/errors come from the shared form include; no browser bubbles.
        for field in self.fields.values():
            field.widget.attrs.pop("autofocus", None)


def _choices(choices: type, *, optional: bool) -> list[tuple[str, str]]:
    blank = [("", _("I would rather not answer this question"))] if optional else []
    return blank + list(choices.choices)


class DemographicForm(forms.Form):
    """Every question may be declined; age and gender carry "prefer not to say" among their options."""

    age_band = forms.ChoiceField(
        label=_("Your age"), choices=_choices(AgeBand, optional=False), widget=forms.RadioSelect
    )
    gender = forms.ChoiceField(
        label=_("You describe yourself as"),
        choices=_choices(Gender, optional=False),
        widget=forms.RadioSelect,
    )
    community = forms.ChoiceField(
        label=_("Community you feel you belong to (optional)"),
        choices=_choices(Community, optional=True),
        required=False,
    )
    situation = forms.ChoiceField(
        label=_("Your situation (optional)"), choices=_choices(Situation, optional=True), required=False
    )
