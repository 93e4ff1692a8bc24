"""Limits on the public participation forms, with the site's counters (portal.accounts.throttle):
confirmation e-mails per address and per e-mail typed, comments and requests per address."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _

from portal.accounts import throttle

DEFAULT_LIMITS = {
    "confirm_per_address": 10,  # confirmation links asked from one network address
    "confirm_per_email": 3,  # links sent to one e-mail address
    "post_per_address": 30,  # comments, answers, requests to speak and questions
    "window_seconds": 3600,
    "lockout_seconds": 3600,
}


def limits() -> dict[str, int]:
    return DEFAULT_LIMITS | getattr(settings, "CONSULTATIONS_LIMITS", {})


def is_locked(kind: str, value: str) -> bool:
    return throttle.is_locked(f"participation-{kind}", value)


def count(kind: str, value: str, *, per: str) -> None:
    """One more use of `kind` by `value` (an address, an e-mail), towards its lockout."""
    current = limits()
    throttle.fail(
        f"participation-{kind}",
        value,
        limit=current[per],
        window_seconds=current["window_seconds"],
        lockout_seconds=current["lockout_seconds"],
    )


def too_many_message() -> str:
    minutes = max(1, limits()["lockout_seconds"] // 60)
    return _("Too many attempts. Try again in %(minutes)d minutes.") % {"minutes": minutes}
