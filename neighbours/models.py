"""Vigilant neighbours: residents who agreed to receive the city's safety notices for their district,
the notices operators publish, and one delivery record per recipient and channel.

Personal data lives in `Member` only. A member who leaves is deleted; their deliveries keep the
district and language but lose the link to the person, and `Tally` keeps anonymous monthly counts.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cctv.models import District


def new_key() -> str:
    return secrets.token_urlsafe(24)


def language_choices() -> list[tuple[str, str]]:
    return [(code, _(name)) for code, name in settings.LANGUAGES]


class MemberQuerySet(models.QuerySet):
    def active(self) -> MemberQuerySet:
        return self.filter(status=Member.Status.ACTIVE)


class Member(models.Model):
    """A resident who joined, with the consent they gave. Active only once their e-mail address
    is confirmed from the signed link sent to it. Never shown publicly, never exported."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for e-mail confirmation")
        ACTIVE = "active", _("active")

    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=120, blank=True)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="neighbours", verbose_name=_("district")
    )
    language = models.CharField(_("language of messages"), max_length=8)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    consent_version = models.CharField(_("consent version"), max_length=20)
    consent_text = models.TextField(_("consent text shown"))
    consented_at = models.DateTimeField(_("consent given"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("e-mail confirmed"), null=True, blank=True)
    # A secret in every signed link: a link stops working once the member is gone or rejoins.
    key = models.CharField(max_length=64, default=new_key, editable=False)

    objects = MemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("neighbour")
        verbose_name_plural = _("neighbours")

    def __str__(self) -> str:
        return f"#{self.pk}"


class Tally(models.Model):
    """Anonymous monthly counts per district (joined, left): what remains after people leave."""

    class Kind(models.TextChoices):
        JOINED = "joined", _("joined")
        LEFT = "left", _("left")

    district = models.ForeignKey(District, on_delete=models.CASCADE, related_name="+")
    month = models.DateField(_("month"))
    kind = models.CharField(_("event"), max_length=10, choices=Kind.choices)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["district", "month", "kind"], name="neighbours_tally_once")
        ]
        verbose_name = _("membership count")
        verbose_name_plural = _("membership counts")

    def __str__(self) -> str:
        return f"{self.district_id} {self.month:%Y-%m} {self.kind}: {self.count}"


class NoticeQuerySet(models.QuerySet):
    def public(self) -> NoticeQuerySet:
        return self.filter(sent_at__isnull=False, public=True)


class Notice(models.Model):
    """A safety notice for one or more districts. Written in the site's default language with
    optional translations (see portal.core.translation); each member reads their language."""

    class Level(models.TextChoices):
        INFO = "info", _("information")
        WARNING = "warning", _("warning")
        ALERT = "alert", _("alert")

    title = models.CharField(_("title"), max_length=160)
    title_en = models.CharField(_("title (English)"), max_length=160, blank=True)
    title_hu = models.CharField(_("title (Hungarian)"), max_length=160, blank=True)
    body = models.TextField(_("message"))
    body_en = models.TextField(_("message (English)"), blank=True)
    body_hu = models.TextField(_("message (Hungarian)"), blank=True)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices, default=Level.INFO)
    districts = models.ManyToManyField(
        District, related_name="neighbour_notices", verbose_name=_("districts")
    )
    public = models.BooleanField(
        _("also shown on the public page"),
        default=True,
        help_text=_("Once sent, the notice is listed publicly for its districts."),
    )
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = NoticeQuerySet.as_manager()

    class Meta:
        ordering = ["-sent_at", "-created_at"]
        permissions = [("send_notice", "Can send safety notices to the districts' neighbours")]
        verbose_name = _("safety notice")
        verbose_name_plural = _("safety notices")

    def __str__(self) -> str:
        return self.title


class Delivery(models.Model):
    """One notice to one member through one channel. Failures are recorded and retried; a
    delivery is never dropped silently. The member link goes when the member leaves."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        SENT = "sent", _("sent")
        RETRYING = "retrying", _("failed, will retry")
        FAILED = "failed", _("failed")
        CANCELLED = "cancelled", _("cancelled (the neighbour left)")

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="deliveries")
    member = models.ForeignKey(Member, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    district = models.ForeignKey(District, on_delete=models.SET_NULL, null=True, related_name="+")
    language = models.CharField(_("language"), max_length=8)
    channel = models.CharField(_("channel"), max_length=30)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["notice", "member", "channel"], name="neighbours_delivery_once_per_channel"
            )
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")

    def __str__(self) -> str:
        return f"{self.notice_id}/{self.pk} {self.channel}: {self.status}"
