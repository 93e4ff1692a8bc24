"""Rate limits on the public forms, with the site's counters (portal.accounts.throttle): every
attempt counts, and past the limit the address (or e-mail) waits for the lockout to end."""

from __future__ import annotations

from django.conf import settings

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


_FORMS = throttle.FormLimits("budget", DEFAULT_LIMITS, "BUDGET_LIMITS")
limits = _FORMS.limits
is_locked = _FORMS.is_locked
count = _FORMS.count
too_many_message = _FORMS.too_many_message


def photo_max_bytes() -> int:
    return int(getattr(settings, "BUDGET_PHOTO_MAX_BYTES", PHOTO_MAX_BYTES))
