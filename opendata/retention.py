"""Open data's retention rule: requesters' e-mails go; the requests and their status stay."""

import datetime as dt

from django.conf import settings
from django.db import transaction

from portal.core.contracts import RetentionRule

from .models import DatasetRequest


@transaction.atomic
def purge_request_emails(*, now: dt.datetime) -> int:
    """Erase the e-mail of dataset requests unchanged for OPENDATA_REQUEST_EMAIL_RETENTION_DAYS;
    a queryset update leaves `updated` alone. Returns how many were erased."""
    cutoff = now - dt.timedelta(days=settings.OPENDATA_REQUEST_EMAIL_RETENTION_DAYS)
    return DatasetRequest.objects.filter(updated__lte=cutoff).exclude(email="").update(email="")


RULES = [
    RetentionRule(
        key="opendata-request-emails",
        description=(
            "requesters' e-mails of dataset requests unchanged for OPENDATA_REQUEST_EMAIL_RETENTION_DAYS"
        ),
        purge=lambda now: purge_request_emails(now=now),
    )
]
