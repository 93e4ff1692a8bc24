"""Open data's retention rule: requesters' e-mails go after the period; requests stay."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from opendata.models import DatasetRequest
from opendata.retention import purge_request_emails
from opendata.services.community import submit_request
from portal.kpi.registry import discover

pytestmark = pytest.mark.django_db


def test_old_request_emails_are_erased_requests_and_counts_kept(settings):
    settings.OPENDATA_REQUEST_EMAIL_RETENTION_DAYS = 60
    old = submit_request(title="Parcări", description="Locuri libere", email="ana@example.org")
    recent = submit_request(title="Copaci", description="Inventar", email="ion@example.org")
    DatasetRequest.objects.filter(pk=old.pk).update(
        updated=timezone.now() - dt.timedelta(days=61), status=DatasetRequest.Status.DECLINED
    )
    keys = ["opendata_requests_received", "opendata_requests_fulfilled"]
    counts = {key: discover()[key].compute() for key in keys}

    assert purge_request_emails(now=timezone.now()) == 1

    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.email, old.title, old.status) == ("", "Parcări", DatasetRequest.Status.DECLINED)
    assert old.updated < timezone.now() - dt.timedelta(days=60)  # the erasure is not a change
    assert recent.email == "ion@example.org"
    assert {key: discover()[key].compute() for key in keys} == counts
    assert purge_request_emails(now=timezone.now()) == 0  # idempotent
