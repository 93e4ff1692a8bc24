"""Alerts: a device raises one (signed, see api.py); an operator acknowledges it, may dispatch
help with a note, and closes it with an outcome. Each step keeps its time and its operator."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from portal.core.equipment import not_in_future

from ..models import Alert, Device


@transaction.atomic
def raise_alert(
    *, device: Device, event_id: str, raised_at: dt.datetime | None = None, is_test: bool = False
) -> tuple[Alert, bool]:
    """Record the alert `device` raised; (alert, created). A device resending the same event (its
    answer was lost) gets the alert already recorded, never a second one.

    Refused (ValidationError) for a device not installed on site and for a time in the future."""
    now = timezone.now()
    raised_at = (
        not_in_future(raised_at, now=now, skew=settings.SAFETY_SIGNATURE_WINDOW, name="raised_at")
        if raised_at
        else now
    )
    if device.status not in Device.IN_SERVICE:
        raise ValidationError(
            f"Device {device.code} is {device.status}: it cannot raise alerts.", code="status"
        )
    existing = Alert.objects.filter(device=device, event_id=event_id).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return Alert.objects.create(
                device=device, event_id=event_id, raised_at=raised_at, is_test=is_test
            ), True
    except IntegrityError:
        return Alert.objects.get(device=device, event_id=event_id), False


def _locked(alert: Alert) -> Alert:
    return Alert.objects.select_for_update().get(pk=alert.pk)


@transaction.atomic
def acknowledge(*, alert: Alert, by: Any, at: dt.datetime | None = None) -> Alert:
    """An operator has seen the alert and takes it in hand (once; later clicks change nothing)."""
    alert = _locked(alert)
    if alert.status == Alert.Status.CLOSED:
        raise ValidationError("This alert is already closed.", code="closed")
    if alert.acknowledged_at is None:
        alert.acknowledged_at = at or timezone.now()
        alert.acknowledged_by = by
        alert.status = Alert.Status.ACKNOWLEDGED
        alert.save(update_fields=["acknowledged_at", "acknowledged_by", "status"])
    return alert


@transaction.atomic
def dispatch(*, alert: Alert, by: Any, note: str, at: dt.datetime | None = None) -> Alert:
    """Help was sent (police, ambulance, a patrol): the note says whom and why. Acknowledges the
    alert first if nobody had."""
    note = note.strip()
    if not note:
        raise ValidationError({"note": "Say whom you dispatched."}, code="required")
    at = at or timezone.now()
    alert = acknowledge(alert=alert, by=by, at=at)
    alert.dispatched_at = alert.dispatched_at or at
    alert.dispatched_by = alert.dispatched_by or by
    alert.dispatch_note = "\n".join(p for p in (alert.dispatch_note, note) if p)
    alert.status = Alert.Status.DISPATCHED
    alert.save(update_fields=["dispatched_at", "dispatched_by", "dispatch_note", "status"])
    return alert


@transaction.atomic
def close(*, alert: Alert, by: Any, outcome: str, note: str = "", at: dt.datetime | None = None) -> Alert:
    """Close the alert with its outcome (acknowledging it first if nobody had)."""
    if outcome not in Alert.Outcome.values:
        raise ValidationError({"outcome": f"Unknown outcome {outcome!r}."}, code="outcome")
    at = at or timezone.now()
    alert = acknowledge(alert=alert, by=by, at=at)
    alert.closed_at = at
    alert.closed_by = by
    alert.outcome = outcome
    alert.outcome_note = note.strip()
    alert.status = Alert.Status.CLOSED
    alert.save(update_fields=["closed_at", "closed_by", "outcome", "outcome_note", "status"])
    return alert
