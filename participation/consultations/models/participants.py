"""A resident taking part: only a confirmed e-mail address, no password and no account.

Why not an account: portal/accounts holds staff accounts (two-factor sign-in) and the training
learner accounts need a user name and password and belong to the learning records. Commenting on
a draft needs only what the law and the notifications need: an address that is really the
resident's, to send the city's answer to. A signed link proves it, and the session remembers it.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Participant(models.Model):
    email = models.EmailField(_("e-mail address"), unique=True)
    # The language of the pages when the address was confirmed: notifications are sent in it.
    language = models.CharField(_("language"), max_length=8, default="ro")
    confirmed_at = models.DateTimeField(_("confirmed"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self) -> str:
        return self.email
