"""Limits on the public forms, with the site's counters (portal.accounts.throttle): join and
leave requests per visitor address and per e-mail address typed (each sends an e-mail)."""

from __future__ import annotations

from portal.accounts import throttle

DEFAULT_LIMITS = {
    "per_address": 10,  # every join or leave form sent from one address counts
    "per_email": 3,  # e-mails one address can be made to receive
    "window_seconds": 3600,
    "lockout_seconds": 3600,
}


_FORMS = throttle.FormLimits("neighbours", DEFAULT_LIMITS, "NEIGHBOURS_FORM_LIMITS")
limits = _FORMS.limits
is_locked = _FORMS.is_locked
count_attempt = _FORMS.count
too_many_message = _FORMS.too_many_message
