"""Limits on the public forms, with the site's counters (portal.accounts.throttle): join and
leave requests per visitor address and per e-mail address typed (each sends an e-mail)."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _

from portal.accounts import throttle

DEFAULT_LIMITS = {
    "per_address": 10,  # every join or leave form sent from one address counts
    "per_email": 3,  # e-mails one address can be made to receive
    "window_seconds": 3600,
    "lockout_seconds": 3600,
}


def limits() -> dict[str, int]:
    return DEFAULT_LIMITS | getattr(settings, "NEIGHBOURS_FORM_LIMITS", {})


def is_locked(kind: str, value: str) -> bool:
    return throttle.is_locked(f"neighbours-{kind}", value)


def count_attempt(kind: str, value: str, *, per: str) -> None:
    """One more attempt of `kind` by `value` (an address, an e-mail), towards its lockout."""
    current = limits()
    throttle.fail(
        f"neighbours-{kind}",
        value,
        limit=current[per],
        window_seconds=current["window_seconds"],
        lockout_seconds=current["lockout_seconds"],
    )


def too_many_message() -> str:
    minutes = max(1, limits()["lockout_seconds"] // 60)
    return _("Too many attempts. Try again in %(minutes)d minutes.") % {"minutes": minutes}
