"""Writes: enrolment, the code step (throttled, replay-proof), recovery codes, disabling and an
administrator's reset. Every change is logged (no secrets, no codes)."""

from __future__ import annotations

import hashlib
import logging
import secrets
from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from . import throttle, totp
from .models import RecoveryCode, TwoFactor
from .selectors import VERIFIED_SESSION_KEY, requires_two_factor

logger = logging.getLogger(__name__)
RECOVERY_CODES = 10
_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"  # 32 symbols, no 0/o or 1/l to misread: 5 bits each


class TwoFactorError(Exception):
    """A two-factor action was refused; the message is meant for the person."""


class TooManyAttempts(TwoFactorError):
    """The account made too many wrong codes and is locked out for a while."""


def _limits() -> dict[str, int]:
    return settings.ACCOUNTS_TWO_FACTOR_LIMITS


def _too_many() -> TooManyAttempts:
    minutes = max(1, _limits()["lockout_seconds"] // 60)
    return TooManyAttempts(
        _("Too many wrong codes. Try again in %(minutes)d minutes.") % {"minutes": minutes}
    )


def _count_failure(user: Any) -> None:
    limits = _limits()
    if throttle.fail(
        "2fa",
        str(user.pk),
        limit=limits["per_account"],
        window_seconds=limits["window_seconds"],
        lockout_seconds=limits["lockout_seconds"],
    ):
        logger.warning("Two-factor code step locked for user %s after repeated wrong codes", user.pk)


def _digest(salt: str, code: str) -> str:
    return hashlib.sha256(f"{salt}:{code}".encode()).hexdigest()


def _normalize(code: str) -> str:
    return "".join(code.lower().split()).replace("-", "")


def new_recovery_codes(*, user: Any) -> list[str]:
    """Replace the account's recovery codes with fresh ones; returned once, stored hashed."""
    codes = ["".join(secrets.choice(_ALPHABET) for _ in range(10)) for _ in range(RECOVERY_CODES)]
    with transaction.atomic():
        RecoveryCode.objects.filter(user=user).delete()
        for code in codes:
            salt = secrets.token_hex(8)
            RecoveryCode.objects.create(user=user, salt=salt, digest=_digest(salt, code))
    logger.info("Recovery codes issued for user %s", user.pk)
    return [f"{code[:5]}-{code[5:]}" for code in codes]


def _use_recovery_code(user: Any, code: str) -> bool:
    wanted = _normalize(code)
    for candidate in RecoveryCode.objects.filter(user=user, used_at__isnull=True):
        if secrets.compare_digest(candidate.digest, _digest(candidate.salt, wanted)):
            # single use: only the request that flips used_at from empty wins a race
            return bool(
                RecoveryCode.objects.filter(pk=candidate.pk, used_at__isnull=True).update(
                    used_at=timezone.now()
                )
            )
    return False


def _use_totp(device: TwoFactor, code: str) -> bool:
    step = totp.matching_step(device.secret, code)
    if step is None or step <= device.last_step:
        return False
    return bool(TwoFactor.objects.filter(pk=device.pk, last_step__lt=step).update(last_step=step))


def check_code(*, user: Any, code: str) -> bool:
    """True when `code` is the account's current TOTP code (never one used before) or one of its
    unused recovery codes, which is then spent. Raises TooManyAttempts while locked out."""
    if throttle.is_locked("2fa", str(user.pk)):
        raise _too_many()
    device = TwoFactor.objects.filter(user=user).first()
    ok = device is not None and (_use_totp(device, code) or _use_recovery_code(user, code))
    if ok:
        throttle.reset("2fa", str(user.pk))
        return True
    _count_failure(user)
    if throttle.is_locked("2fa", str(user.pk)):
        raise _too_many()
    return False


def confirm_enrolment(*, user: Any, secret: str, code: str) -> list[str] | None:
    """Enrol the authenticator holding `secret` once it shows a right `code`; returns the new
    recovery codes, or None for a wrong code. Raises TooManyAttempts while locked out."""
    if throttle.is_locked("2fa", str(user.pk)):
        raise _too_many()
    step = totp.matching_step(secret, code)
    if step is None:
        _count_failure(user)
        if throttle.is_locked("2fa", str(user.pk)):
            raise _too_many()
        return None
    throttle.reset("2fa", str(user.pk))
    with transaction.atomic():
        TwoFactor.objects.update_or_create(user=user, defaults={"secret": secret, "last_step": step})
        codes = new_recovery_codes(user=user)
    logger.info("Two-factor authentication enrolled for user %s", user.pk)
    return codes


def disable(*, user: Any) -> None:
    """Remove the account's own second factor; refused when its role requires one."""
    if requires_two_factor(user):
        raise TwoFactorError(_("Your role requires two-factor authentication: it cannot be turned off."))
    _remove(user)
    logger.info("Two-factor authentication disabled by user %s", user.pk)


def reset(*, user: Any, by: Any) -> None:
    """An administrator removes someone's second factor (lost phone and codes); a role that
    requires one is asked to enrol again at the next sign-in."""
    if not by.is_superuser:
        raise TwoFactorError(_("Only an administrator can reset two-factor authentication."))
    _remove(user)
    logger.warning("Two-factor authentication of user %s reset by administrator %s", user.pk, by.pk)


def _remove(user: Any) -> None:
    with transaction.atomic():
        TwoFactor.objects.filter(user=user).delete()
        RecoveryCode.objects.filter(user=user).delete()


def mark_verified(request: HttpRequest) -> None:
    """This session passed the code step (a new session key against fixation)."""
    request.session.cycle_key()
    request.session[VERIFIED_SESSION_KEY] = request.user.pk


def forget_verification(request: HttpRequest) -> None:
    request.session.pop(VERIFIED_SESSION_KEY, None)
