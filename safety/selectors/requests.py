"""Reads of the alert-button requests filed through the one-stop shop."""

from __future__ import annotations

from django.conf import settings
from django.db.models import QuerySet

from portal.documents.models import Document, Status, service_model


def request_service_keys() -> list[str]:
    """Translation keys of the e-service page (one per language shares it)."""
    pages = service_model().objects.filter(slug=settings.SAFETY_ALERT_BUTTON_SERVICE)
    return [str(key) for key in pages.values_list("translation_key", flat=True)]


def pending_requests() -> QuerySet[Document]:
    """Requests not yet turned into a button, and not rejected or archived; oldest first."""
    return (
        Document.objects.filter(
            service__translation_key__in=request_service_keys(), alert_button__isnull=True
        )
        .exclude(
            status__in=(Status.REJECTED, Status.ARCHIVED, Status.APPROVED, Status.ISSUED, Status.REVOKED)
        )
        .order_by("registered_at")
    )
