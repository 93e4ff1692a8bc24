"""What people do around the catalogue: ask for datasets, call the API with tokens."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DatasetRequest(models.Model):
    """A public request for a new dataset; staff triage it and the status is public."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("received")
        ACCEPTED = "accepted", _("accepted")
        FULFILLED = "fulfilled", _("fulfilled")
        DECLINED = "declined", _("declined")

    title = models.CharField(_("dataset wanted"), max_length=200)
    description = models.TextField(_("what it should contain and why"))
    organization = models.ForeignKey(
        "opendata.Organization",
        verbose_name=_("department that may hold it"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    email = models.EmailField(_("your e-mail (optional, never published)"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.RECEIVED)
    response = models.TextField(_("public answer"), blank=True)
    dataset = models.ForeignKey(
        "opendata.Dataset",
        verbose_name=_("published dataset"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    created = models.DateTimeField(default=timezone.now, editable=False)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("dataset request")
        verbose_name_plural = _("dataset requests")

    def __str__(self) -> str:
        return self.title


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ApiToken(models.Model):
    """A CKAN API token; only its SHA-256 is stored, the token is shown once when made."""

    name = models.CharField(_("name"), max_length=100, help_text=_("what the token is for"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.CASCADE,
        related_name="opendata_tokens",
    )
    prefix = models.CharField(max_length=12, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created = models.DateTimeField(default=timezone.now, editable=False)
    last_used = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked = models.BooleanField(_("revoked"), default=False)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
