"""The registry's retention rule for documents never archived (archived ones: test_services)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from portal.documents import services
from portal.documents.kpis import median_processing_days
from portal.documents.models import Document

pytestmark = pytest.mark.django_db


def test_documents_never_archived_are_purged_after_their_last_change(city, clerk, settings):
    settings.DOCUMENTS_UNARCHIVED_RETENTION_YEARS = 3
    long_ago = timezone.now() - dt.timedelta(days=3 * 366)
    decided = services.register_document(
        channel="online", subject="Cerere Ana Pop", service=city.service, sender_email="ana@example.org"
    )
    services.change_status(document=decided, status="rejected", actor=clerk, at=long_ago)
    abandoned = services.register_document(
        channel="counter", subject="Ion", service=city.service, sender_name="Ion", registered_at=long_ago
    )
    recent = services.register_document(channel="online", subject="Eva", sender_email="eva@example.org")
    services.change_status(document=recent, status="rejected", actor=clerk)
    numbers = dict(Document.objects.values_list("pk", "number"))
    median = median_processing_days()

    assert services.purge_personal_data() == 2

    decided.refresh_from_db()
    abandoned.refresh_from_db()
    recent.refresh_from_db()
    assert (decided.sender_email, decided.subject, decided.status) == ("", str(city.service), "rejected")
    assert abandoned.sender_name == "" and abandoned.personal_data_purged_at is not None
    assert (decided.channel, decided.closed_at) == ("online", long_ago)
    assert recent.sender_email == "eva@example.org" and recent.personal_data_purged_at is None
    assert dict(Document.objects.values_list("pk", "number")) == numbers
    assert median_processing_days() == median
    assert services.purge_personal_data() == 0  # idempotent
