"""Public forms: a learner's account and the voluntary demographic questionnaire."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm, UserCreationForm
from django.utils.translation import gettext_lazy as _

from portal.accounts import throttle
from portal.accounts.forms import ThrottledLoginForm

from .models import AgeBand, Community, Gender, Situation


def _no_bubbles(form: forms.Form) -> None:
    # The plain-text "required"/errors come from the shared form include; no browser bubbles.
    for field in form.fields.values():
        field.widget.attrs.pop("autofocus", None)
        field.widget.attrs.pop("placeholder", None)


class LearnerLoginForm(ThrottledLoginForm):
    """The admin's throttled sign-in (per account and per address, one shared counter), with the
    learning pages' labels and without the admin's "remember me"."""

    def __init__(self, request=None, *args, **kwargs) -> None:
        super().__init__(request, *args, **kwargs)
        del self.fields["remember"]
        self.fields["username"].label = _("User name")
        self.fields["username"].widget.attrs.update(autocomplete="username")
        self.fields["password"].label = _("Password")
        self.fields["password"].widget.attrs.update(autocomplete="current-password")
        _no_bubbles(self)


class LearnerPasswordResetForm(PasswordResetForm):
    """Django's reset by e-mail, for learners only: city accounts reset through the city."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("E-mail address of your account")
        _no_bubbles(self)

    def get_users(self, email: str):
        return (user for user in super().get_users(email) if not (user.is_staff or user.is_superuser))


def _check_password(user, password: str) -> None:
    """A wrong password here counts like a failed sign-in of the account (same lockout)."""
    limits, account = settings.ACCOUNTS_LOGIN_LIMITS, user.get_username().strip().lower()
    if throttle.is_locked("login-account", account):
        raise forms.ValidationError(
            _("Too many failed sign-in attempts. Try again in %(minutes)d minutes."),
            params={"minutes": max(1, limits["lockout_seconds"] // 60)},
        )
    if not user.check_password(password):
        throttle.fail(
            "login-account",
            account,
            limit=limits["per_account"],
            window_seconds=limits["window_seconds"],
            lockout_seconds=limits["lockout_seconds"],
        )
        raise forms.ValidationError(_("The password is not right."))


class EmailChangeForm(forms.Form):
    new_email = forms.EmailField(
        label=_("New e-mail address"),
        help_text=_("We send a link to this address; it replaces the old one when you open the link."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_new_email(self) -> str:
        email = self.cleaned_data["new_email"]
        if email.lower() == (self.user.email or "").lower():
            raise forms.ValidationError(_("This is already your e-mail address."))
        return email

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        _check_password(self.user, password)
        return password


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password, to confirm"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    revoke_certificates = forms.BooleanField(
        label=_("Also revoke my certificates (they will show as withdrawn when checked)"),
        required=False,
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        _check_password(self.user, password)
        return password


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
        _no_bubbles(self)


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
