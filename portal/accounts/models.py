"""A staff member's TOTP device and recovery codes."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TwoFactor(models.Model):
    """The confirmed authenticator of one account (enrolment in progress lives in the session)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="two_factor",
        verbose_name=_("user"),
    )
    # base32; stored as is because the server must compute the same codes as the phone
    secret = models.CharField(max_length=64)
    # the last accepted time step: a code seen once is never accepted again (RFC 6238 §5.2)
    last_step = models.BigIntegerField(default=0)
    confirmed_at = models.DateTimeField(_("enrolled"), auto_now_add=True)

    class Meta:
        verbose_name = _("two-factor authentication")
        verbose_name_plural = _("two-factor authentications")

    def __str__(self) -> str:
        return str(self.user)


class RecoveryCode(models.Model):
    """A single-use code for a lost phone, kept only as a salted SHA-256 hash: the codes are
    random (50 bits), so a slow password hash would buy nothing but seconds per sign-in."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recovery_codes"
    )
    salt = models.CharField(max_length=32)
    digest = models.CharField(max_length=64)
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.user} ({'used' if self.used_at else 'unused'})"
