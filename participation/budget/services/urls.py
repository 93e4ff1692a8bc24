"""Absolute links in e-mails, to the portal's public address."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from ..models import Proposal


def base_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")  # from PORTAL_BASE_URL


def absolute(proposal: Proposal, language: str) -> str:
    with translation.override(language):
        return base_url() + reverse("budget:proposal", args=[proposal.pk])
