"""Writes of the vigilant neighbours: joining, confirming and leaving; sending notices."""

from .membership import (
    CONSENT_TEXT,
    CONSENT_VERSION,
    NeighboursError,
    confirm_membership,
    leave,
    leave_url,
    member_for_leave,
    request_leave_link,
    request_membership,
)
from .notices import compose, deliver_due, retry_failed, send_notice

__all__ = [
    "CONSENT_TEXT",
    "CONSENT_VERSION",
    "NeighboursError",
    "compose",
    "confirm_membership",
    "deliver_due",
    "leave",
    "leave_url",
    "member_for_leave",
    "request_leave_link",
    "request_membership",
    "retry_failed",
    "send_notice",
]
