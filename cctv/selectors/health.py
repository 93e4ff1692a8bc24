"""Uptime and mean time to repair (MTTR) per camera, district and month, from the fault log
(the computation is shared with the other field equipment: portal/core/uptime.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from portal.core.uptime import Health, grouped_health, month_bounds

from ..models import Camera, Fault

__all__ = ["Health", "health", "month_bounds"]


def health(
    *,
    start: dt.datetime,
    end: dt.datetime,
    by: str = "camera",
    cameras: Iterable[Camera] | None = None,
    now: dt.datetime | None = None,
) -> list[Health]:
    """Uptime and MTTR in [start, end) grouped `by` "camera", "district" or "city"."""
    if cameras is None:
        cameras = Camera.objects.exclude(status__in=(Camera.Status.PLANNED, Camera.Status.PROCURED))
    cameras = list(cameras.select_related("district") if hasattr(cameras, "select_related") else cameras)
    return grouped_health(
        devices=cameras,
        faults=Fault.objects.all(),
        owner_field="camera",
        label=lambda camera: {"camera": camera.code, "district": camera.district.name}.get(by, "city"),
        start=start,
        end=end,
        now=now,
    )
