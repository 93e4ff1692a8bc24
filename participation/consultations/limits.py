"""Limits on the public participation forms, with the site's counters (portal.accounts.throttle):
confirmation e-mails per address and per e-mail typed, comments and requests per address."""

from __future__ import annotations

from portal.accounts import throttle

DEFAULT_LIMITS = {
    "confirm_per_address": 10,  # confirmation links asked from one network address
    "confirm_per_email": 3,  # links sent to one e-mail address
    "post_per_address": 30,  # comments, answers, requests to speak and questions
    "window_seconds": 3600,
    "lockout_seconds": 3600,
}


_FORMS = throttle.FormLimits("participation", DEFAULT_LIMITS, "CONSULTATIONS_LIMITS")
limits = _FORMS.limits
is_locked = _FORMS.is_locked
count = _FORMS.count
too_many_message = _FORMS.too_many_message
