"""Limits on the public account forms, with the site's failure counters (portal.accounts.throttle):
sign-ups per address, password-reset requests per address and per e-mail address typed.
Sign-in uses the admin's limits (one counter per account, wherever the password is typed)."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _

from portal.accounts import throttle

DEFAULT_LIMITS = {
    "signup_per_address": 10,  # every sign-up form sent from one address counts
    "reset_per_address": 10,
    "reset_per_email": 3,
    "window_seconds": 3600,
    "lockout_seconds": 3600,
}


def limits() -> dict[str, int]:
    return DEFAULT_LIMITS | getattr(settings, "TRAINING_ACCOUNT_LIMITS", {})


def is_locked(kind: str, value: str) -> bool:
    return throttle.is_locked(f"training-{kind}", value)


def count_attempt(kind: str, value: str, *, per: str) -> None:
    """One more attempt of `kind` by `value` (an address, an e-mail), towards its lockout."""
    current = limits()
    throttle.fail(
        f"training-{kind}",
        value,
        limit=current[per],
        window_seconds=current["window_seconds"],
        lockout_seconds=current["lockout_seconds"],
    )


def too_many_message() -> str:
    minutes = max(1, limits()["lockout_seconds"] // 60)
    return _("Too many attempts. Try again in %(minutes)d minutes.") % {"minutes": minutes}
