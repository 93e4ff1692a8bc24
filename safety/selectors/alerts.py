"""Reads of the alert log: the operator console's open alerts and the response times.

Response times count incidents only: a device test is recorded but never in these figures."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from portal.core.uptime import month_bounds

from ..models import Alert


def open_alerts() -> QuerySet[Alert]:
    """Alerts not yet closed, newest first, with what the console shows (slice it: a burst may
    leave hundreds open, and the console polls every second)."""
    return (
        Alert.objects.open()
        .select_related("device", "device__district", "device__building", "acknowledged_by", "dispatched_by")
        .order_by("-raised_at", "-id")
    )


def _who(user: Any) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def console_row(alert: Alert) -> dict[str, Any]:
    """One alert as the console's JSON: staff only (alert buttons' places included)."""
    device = alert.device
    return {
        "id": alert.pk,
        "device": device.code,
        "kind": device.kind,
        "kind_label": str(device.get_kind_display()),
        "site": device.site,
        "place": device.name,
        "district": device.district.name if device.district else "",
        "lat": device.latitude,
        "lon": device.longitude,
        "test": alert.is_test,
        "status": alert.status,
        "status_label": str(alert.get_status_display()),
        "raised_at": alert.raised_at.isoformat(),
        "received_at": alert.received_at.isoformat(),
        "acknowledged_at": alert.acknowledged_at.isoformat() if alert.acknowledged_at else None,
        "acknowledged_by": _who(alert.acknowledged_by),
        "dispatched_at": alert.dispatched_at.isoformat() if alert.dispatched_at else None,
        "dispatched_by": _who(alert.dispatched_by),
        "dispatch_note": alert.dispatch_note,
    }


def percentile(values: list[float], p: float) -> float | None:
    """The p-th percentile (nearest rank) of `values`; None for none."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass(frozen=True)
class ResponseTimes:
    """Seconds from an alert being raised to its acknowledgement and to its closing."""

    month: dt.date
    incidents: int
    acknowledge_p50: float | None
    acknowledge_p90: float | None
    close_p50: float | None
    close_p90: float | None


def response_times(*, year: int, month: int) -> ResponseTimes:
    """Response times of the incidents raised in a calendar month (tests excluded)."""
    start, end = month_bounds(year, month)
    rows = list(
        Alert.objects.incidents()
        .filter(raised_at__gte=start, raised_at__lt=end)
        .values_list("raised_at", "acknowledged_at", "closed_at")
    )
    ack = [(a - r).total_seconds() for r, a, _c in rows if a]
    closed = [(c - r).total_seconds() for r, _a, c in rows if c]
    return ResponseTimes(
        month=start.date(),
        incidents=len(rows),
        acknowledge_p50=percentile(ack, 50),
        acknowledge_p90=percentile(ack, 90),
        close_p50=percentile(closed, 50),
        close_p90=percentile(closed, 90),
    )


def recent_months(count: int = 12, *, today: dt.date | None = None) -> list[tuple[int, int]]:
    """(year, month) of the last `count` months, oldest first, this month last."""
    today = today or timezone.localdate()
    months = []
    year, month = today.year, today.month
    for _ in range(count):
        months.append((year, month))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months[::-1]
