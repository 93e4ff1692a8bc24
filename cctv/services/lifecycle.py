"""Moving a camera through its lifecycle: planned → procured → installed → operational ⇄ faulty
→ decommissioned, recording each step and the date it happened."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ..models import Camera, StatusChange


@transaction.atomic
def change_status(*, camera: Camera, to: str, at: dt.datetime | None = None, note: str = "") -> Camera:
    """Move `camera` to status `to`; raises ValidationError for a step the lifecycle forbids."""
    at = at or timezone.now()
    if to not in Camera.Status.values:
        raise ValidationError(f"Unknown status {to!r}.")
    if to == camera.status:
        return camera
    if to not in Camera.TRANSITIONS[camera.status]:
        raise ValidationError(f"A camera cannot go from {camera.status} to {to}.")
    StatusChange.objects.create(
        camera=camera, from_status=camera.status, to_status=to, at=at, note=note[:300]
    )
    camera.status = to
    date_field = Camera.STATUS_DATES.get(to)
    fields = ["status", "updated_at"]
    if date_field and getattr(camera, date_field) is None:
        setattr(camera, date_field, timezone.localdate(at))
        fields.append(date_field)
    camera.save(update_fields=fields)
    return camera
