"""Limits on the public account forms, with the site's failure counters (portal.accounts.throttle):
sign-ups per address, password-reset requests per address and per e-mail address typed.
Sign-in uses the admin's limits (one counter per account, wherever the password is typed)."""

from __future__ import annotations

from portal.accounts import throttle

DEFAULT_LIMITS = {
    "signup_per_address": 10,  # every sign-up form sent from one address counts
    "reset_per_address": 10,
    "reset_per_email": 3,
    "window_seconds": 3600,
    "lockout_seconds": 3600,
}


_FORMS = throttle.FormLimits("training", DEFAULT_LIMITS, "TRAINING_ACCOUNT_LIMITS")
limits = _FORMS.limits
is_locked = _FORMS.is_locked
count_attempt = _FORMS.count
too_many_message = _FORMS.too_many_message
