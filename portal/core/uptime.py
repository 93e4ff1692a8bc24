"""Uptime and mean time to repair (MTTR) of field equipment (cameras, call points, alert buttons)
from its fault log, grouped as the caller wants (per device, district, city).

A device is observed from the day it went into service (operational since, else installed on)
until it was decommissioned; its downtime is the union of its faults' intervals in that window.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils import timezone


@dataclass(frozen=True)
class Health:
    label: str
    observed_s: float
    down_s: float
    repairs: int
    repair_s: float

    @property
    def uptime(self) -> float | None:
        """% of the observed time the cameras worked, 2 decimals; None when nothing was observed."""
        if self.observed_s <= 0:
            return None
        return round(100 * (self.observed_s - self.down_s) / self.observed_s, 2)

    @property
    def mttr_hours(self) -> float | None:
        """Mean time to repair of the faults repaired in the period, in hours."""
        if not self.repairs:
            return None
        return round(self.repair_s / self.repairs / 3600, 2)


def month_bounds(year: int, month: int) -> tuple[dt.datetime, dt.datetime]:
    """[start, end) of a calendar month in the city's time zone."""
    tz = timezone.get_current_timezone()
    start = dt.datetime(year, month, 1, tzinfo=tz)
    end = dt.datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=tz)
    return start, end


def _day_start(day: dt.date | None) -> dt.datetime | None:
    if day is None:
        return None
    return dt.datetime.combine(day, dt.time.min, tzinfo=timezone.get_current_timezone())


def _window(camera: Any, start: dt.datetime, end: dt.datetime) -> tuple[dt.datetime, dt.datetime] | None:
    since = _day_start(camera.operational_on or camera.installed_on)
    if since is None:
        return None
    until = _day_start(camera.decommissioned_on) or end
    lo, hi = max(start, since), min(end, until)
    return (lo, hi) if hi > lo else None


def _merged_down(faults: Iterable[Any], lo: dt.datetime, hi: dt.datetime, now: dt.datetime) -> float:
    spans = sorted((max(lo, f.started_at), min(hi, f.repaired_at or now)) for f in faults)
    total, cur_lo, cur_hi = 0.0, None, None
    for a, b in spans:
        if b <= a:
            continue
        if cur_hi is None or a > cur_hi:
            if cur_hi is not None:
                total += (cur_hi - cur_lo).total_seconds()
            cur_lo, cur_hi = a, b
        else:
            cur_hi = max(cur_hi, b)
    if cur_hi is not None:
        total += (cur_hi - cur_lo).total_seconds()
    return total


def grouped_health(
    *,
    devices: Iterable[Any],
    faults: models.QuerySet,
    owner_field: str,
    label: Callable[[Any], str],
    start: dt.datetime,
    end: dt.datetime,
    now: dt.datetime | None = None,
) -> list[Health]:
    """Uptime and MTTR in [start, end) of `devices`, grouped by `label(device)`; `faults` is the
    fault model's queryset, linked to its device by `owner_field`."""
    now = now or timezone.now()
    end = min(end, now)
    devices = list(devices)
    by_device: dict[int, list[Any]] = defaultdict(list)
    for fault in faults.filter(**{f"{owner_field}__in": [d.pk for d in devices]}, started_at__lt=end).exclude(
        repaired_at__lt=start
    ):
        by_device[getattr(fault, f"{owner_field}_id")].append(fault)
    groups: dict[str, list[float]] = {}
    for device in devices:
        acc = groups.setdefault(label(device), [0.0, 0.0, 0, 0.0])
        window = _window(device, start, end)
        if window is not None:
            acc[0] += (window[1] - window[0]).total_seconds()
            acc[1] += _merged_down(by_device[device.pk], *window, now)
        for fault in by_device[device.pk]:
            if fault.repaired_at is not None and start <= fault.repaired_at < end:
                acc[2] += 1
                acc[3] += (fault.repaired_at - fault.started_at).total_seconds()
    return [Health(name, *values) for name, values in sorted(groups.items())]
