"""Moving a camera through its lifecycle: planned → procured → installed → operational ⇄ faulty
→ decommissioned, recording each step and the date it happened.

`transition_error` is the one rule every way of changing a status uses (admin, import, VMS);
the rules themselves are shared with the other field equipment (portal/core/equipment.py)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_lazy as _

from portal.core import equipment

from ..models import Camera

MESSAGES = {
    "unknown": _("Unknown status “%(status)s”."),
    "forbidden": _(
        "A camera cannot go from “%(current)s” to “%(to)s”; from “%(current)s” it can only go to: "
        "%(allowed)s."
    ),
    "final": _("nothing (this is final)"),
}


def transition_error(*, current: str, to: str) -> str | None:
    """Why a camera in status `current` cannot move to `to` (translated), or None when it may."""
    return equipment.transition_error(model=Camera, current=current, to=to, messages=MESSAGES)


def change_status(*, camera: Camera, to: str, at: dt.datetime | None = None, note: str = "") -> Camera:
    """Move `camera` to status `to`; raises ValidationError for a step the lifecycle forbids."""
    error = transition_error(current=camera.status, to=to)
    return equipment.change_status(obj=camera, to=to, error=error, at=at, note=note)
