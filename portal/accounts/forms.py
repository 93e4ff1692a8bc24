"""The admin sign-in form with throttling, and the code forms of the two-factor step."""

from __future__ import annotations

import logging

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

from portal.documents.selectors import client_address

from . import throttle

logger = logging.getLogger(__name__)


class ThrottledLoginForm(LoginForm):
    """Wagtail's login form that refuses to check passwords for an account or a client address
    with too many recent failures (WAGTAILADMIN_USER_LOGIN_FORM points here).

    The same message shows whether or not the account exists, so the lockout reveals no
    account names; a success forgets the account's failures."""

    error_messages = {
        **LoginForm.error_messages,
        "throttled": _("Too many failed sign-in attempts. Try again in %(minutes)d minutes."),
    }

    def clean(self):
        limits = settings.ACCOUNTS_LOGIN_LIMITS
        account = (self.cleaned_data.get("username") or "").strip().lower()
        address = client_address(self.request) if self.request is not None else "unknown"
        if throttle.is_locked("login-account", account) or throttle.is_locked("login-address", address):
            logger.warning("Admin sign-in refused while locked out: account %r from %s", account, address)
            raise self._throttled(limits)
        try:
            cleaned = super().clean()
        except ValidationError:
            if account and self._fail("login-account", account, limits["per_account"], limits):
                logger.warning("Admin sign-in locked for account %r after repeated failures", account)
            if self._fail("login-address", address, limits["per_address"], limits):
                logger.warning("Admin sign-in locked for address %s after repeated failures", address)
            raise
        throttle.reset("login-account", account)
        return cleaned

    @staticmethod
    def _fail(kind: str, value: str, limit: int, limits: dict[str, int]) -> bool:
        return throttle.fail(
            kind,
            value,
            limit=limit,
            window_seconds=limits["window_seconds"],
            lockout_seconds=limits["lockout_seconds"],
        )

    def _throttled(self, limits: dict[str, int]) -> ValidationError:
        return ValidationError(
            self.error_messages["throttled"],
            code="throttled",
            params={"minutes": max(1, limits["lockout_seconds"] // 60)},
        )


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("The 6-digit code from your authenticator app, or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": "", "inputmode": "text"}),
    )


class EnrolForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the app"),
        max_length=12,
        help_text=_(
            "Scan the QR code (or type the secret) in your authenticator app, then enter the code it shows."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
