"""Rate limits on the public forms, with the site's counters (portal.accounts.throttle): every
attempt counts, and past the limit the address (or e-mail) waits for the lockout to end."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _

from portal.accounts import throttle

DEFAULT_LIMITS = {
    "identify_per_address": 10,  # confirmation e-mails asked for from one address
    "identify_per_email": 3,  # ... and to one e-mail address
    "submit_per_address": 10,  # proposals sent
    "vote_per_address": 30,  # ballots sent (a household or a library shares an address)
    "window_seconds": 3600,
    "lockout_seconds": 3600,
}
PHOTO_MAX_BYTES = 5 * 1024 * 1024
PHOTOS_PER_PROPOSAL = 3


def limits() -> dict[str, int]:
    return DEFAULT_LIMITS | getattr(settings, "BUDGET_LIMITS", {})


def photo_max_bytes() -> int:
    return int(getattr(settings, "BUDGET_PHOTO_MAX_BYTES", PHOTO_MAX_BYTES))


def is_locked(kind: str, value: str) -> bool:
    return throttle.is_locked(f"budget-{kind}", value)


def count(kind: str, value: str, *, per: str) -> None:
    """One more attempt of `kind` by `value` towards its lockout."""
    current = limits()
    throttle.fail(
        f"budget-{kind}",
        value,
        limit=current[per],
        window_seconds=current["window_seconds"],
        lockout_seconds=current["lockout_seconds"],
    )


def too_many_message() -> str:
    minutes = max(1, limits()["lockout_seconds"] // 60)
    return _("Too many attempts. Try again in %(minutes)d minutes.") % {"minutes": minutes}
