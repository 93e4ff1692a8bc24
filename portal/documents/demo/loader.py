"""Load the demo registry: `manage.py load_demo_documents` (after load_demo). Idempotent: a
document whose number is taken is left as it is."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from portal.core.city import get_city

from ..models import Document, DocumentEvent, NumberSequence, RegistryFormPage, Status, service_model
from . import data


def _service(index: int) -> RegistryFormPage | None:
    services = list(service_model().objects.filter(locale=Locale.get_default()).order_by("path")[:5])
    return services[index % len(services)] if services else None


@transaction.atomic
def load_demo_documents(progress: Callable[[str], None] = lambda message: None) -> int:
    """Create the demo documents that are missing; returns how many were made."""
    from ..services import _sign_permit

    prefix = get_city().number_prefix
    made = 0
    now = timezone.now()
    for index, item in enumerate(data.DOCUMENTS):
        number = f"{prefix}-2026-{item.sequence:06d}"
        if Document.objects.filter(number=number).exists():
            progress(f"{number} already there")
            continue
        service = _service(index)
        registered_at = now - dt.timedelta(days=item.days_ago)
        due = None
        if service is not None and service.processing_days:
            due = timezone.localtime(registered_at).date() + dt.timedelta(days=service.processing_days)
        document = Document.objects.create(
            number=number,
            year=2026,
            sequence=item.sequence,
            token=secrets.token_urlsafe(24),
            pin=item.pin,
            channel=item.channel,
            service=service,
            department=service.department if service else None,
            subject=item.subject,
            sender_name=item.sender,
            language="ro",
            registered_at=registered_at,
            updated_at=registered_at,
            due_date=due,
        )
        DocumentEvent.objects.create(document=document, status=Status.REGISTERED, at=registered_at)
        for step, status in enumerate(item.path, start=1):
            at = registered_at + dt.timedelta(days=min(step * 2, item.days_ago))
            last = step == len(item.path)
            DocumentEvent.objects.create(
                document=document, status=status, at=at, public_note=item.public_note if last else ""
            )
            document.status, document.updated_at = status, at
            if status in ("approved", "rejected") and document.closed_at is None:
                document.closed_at = at
            if status == "issued":
                _sign_permit(document, timezone.localtime(at).date())
            if status == "archived":
                document.archived_at = at
        document.save()
        made += 1
        progress(f"{number} ({document.status})")
    # Numbers taken by the demo must not be handed out again.
    highest = max(item.sequence for item in data.DOCUMENTS)
    counter, _ = NumberSequence.objects.get_or_create(prefix=prefix, year=2026)
    if counter.last < highest:
        counter.last = highest
        counter.save(update_fields=["last"])
    return made
