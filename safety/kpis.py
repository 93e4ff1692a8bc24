"""KPIs of the call points and alert buttons, shown with the public safety network solution:
devices in service, their uptime, and how fast the supervision centre acknowledges and
closes alerts (p50/p90 of the current month, the last twelve months as bars). Device tests are
never counted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.uptime import grouped_health
from portal.kpi.registry import KPI

from .models import Device, DeviceFault
from .selectors.alerts import ResponseTimes, recent_months, response_times


def _current(field: str) -> Callable[[], float | None]:
    def compute() -> float | None:
        today = timezone.localdate()
        return getattr(response_times(year=today.year, month=today.month), field)

    return compute


def _by_month(field: str) -> Callable[[], list[tuple[str, float]]]:
    def breakdown() -> list[tuple[str, float]]:
        rows: list[ResponseTimes] = [response_times(year=y, month=m) for y, m in recent_months(12)]
        return [(f"{r.month:%Y-%m}", getattr(r, field)) for r in rows if getattr(r, field) is not None]

    return breakdown


def _uptime_30_days() -> float | None:
    now = timezone.now()
    devices = Device.objects.exclude(status__in=(Device.Status.PLANNED, Device.Status.PROCURED))
    rows = grouped_health(
        devices=devices,
        faults=DeviceFault.objects.all(),
        owner_field="device",
        label=lambda device: "city",
        start=now - dt.timedelta(days=30),
        end=now,
        now=now,
    )
    return rows[0].uptime if rows else None


def _timing(key: str, field: str, label: str, target: int) -> KPI:
    return KPI(
        key=f"safety.{key}",
        solution="safety",
        kind="outcome",
        unit=_("seconds"),
        label=label,
        compute=_current(field),
        breakdown=_by_month(field),
        breakdown_by=_("Month"),
        target=target,
    )


KPIS = [
    KPI(
        key="safety.call_points",
        solution="safety",
        kind="output",
        unit=_("call points"),
        label=_("Call points in service"),
        compute=lambda: Device.objects.in_service().call_points().count(),
    ),
    KPI(
        key="safety.alert_buttons",
        solution="safety",
        kind="output",
        unit=_("alert buttons"),
        label=_("Alert buttons in service"),
        compute=lambda: Device.objects.in_service().filter(kind=Device.Kind.ALERT_BUTTON).count(),
    ),
    KPI(
        key="safety.uptime_30d",
        solution="safety",
        kind="outcome",
        unit=_("%"),
        label=_("Call point and alert button uptime, last 30 days"),
        compute=_uptime_30_days,
        target=99,
    ),
    _timing("acknowledge_p50", "acknowledge_p50", _("Time to acknowledge an alert, median, this month"), 30),
    _timing(
        "acknowledge_p90",
        "acknowledge_p90",
        _("Time to acknowledge an alert, 90th percentile, this month"),
        60,
    ),
    _timing("close_p50", "close_p50", _("Time to close an alert, median, this month"), 1800),
    _timing("close_p90", "close_p90", _("Time to close an alert, 90th percentile, this month"), 3600),
]
