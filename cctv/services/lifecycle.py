"""Moving a camera through its lifecycle: planned → procured → installed → operational ⇄ faulty
→ decommissioned, recording each step and the date it happened.

`transition_error` is the one rule every way of changing a status uses (admin, import, VMS)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Camera, StatusChange


def transition_error(*, current: str, to: str) -> str | None:
    """Why a camera in status `current` cannot move to `to` (translated), or None when it may."""
    if to not in Camera.Status.values:
        return _("Unknown status “%(status)s”.") % {"status": to}
    if to == current or to in Camera.TRANSITIONS[current]:
        return None
    allowed = ", ".join(str(Camera.Status(s).label) for s in Camera.TRANSITIONS[current])
    return _(
        "A camera cannot go from “%(current)s” to “%(to)s”; from “%(current)s” it can only go to: "
        "%(allowed)s."
    ) % {
        "current": Camera.Status(current).label,
        "to": Camera.Status(to).label,
        "allowed": allowed or _("nothing (this is final)"),
    }


@transaction.atomic
def change_status(*, camera: Camera, to: str, at: dt.datetime | None = None, note: str = "") -> Camera:
    """Move `camera` to status `to`; raises ValidationError for a step the lifecycle forbids."""
    at = at or timezone.now()
    error = transition_error(current=camera.status, to=to)
    if error:
        raise ValidationError(error, code="transition")
    if to == camera.status:
        return camera
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
