"""Reads: who must use two-factor authentication, who has it, and whether a session passed it."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from .models import RecoveryCode, TwoFactor

VERIFIED_SESSION_KEY = "accounts_2fa_verified"


def requires_two_factor(user: Any) -> bool:
    """True for superusers (when configured) and members of a role that sees personal data
    (`ACCOUNTS_TWO_FACTOR_REQUIRED_ROLES`): they cannot use the admin without a second factor."""
    if not user.is_authenticated:
        return False
    if user.is_superuser and settings.ACCOUNTS_TWO_FACTOR_REQUIRED_FOR_SUPERUSERS:
        return True
    return user.groups.filter(name__in=settings.ACCOUNTS_TWO_FACTOR_REQUIRED_ROLES).exists()


def device(user: Any) -> TwoFactor | None:
    """The account's confirmed authenticator, if it enrolled one."""
    if not user.is_authenticated:
        return None
    return TwoFactor.objects.filter(user=user).first()


def is_verified(request: HttpRequest) -> bool:
    """True when this session passed the code step for its current user."""
    return request.session.get(VERIFIED_SESSION_KEY) == request.user.pk


def unused_recovery_codes(user: Any) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()


def enrolled_users() -> Any:
    """Accounts with two-factor authentication, for the superuser's reset screen."""
    return TwoFactor.objects.select_related("user").order_by("user__username")
