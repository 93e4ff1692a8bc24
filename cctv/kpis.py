"""KPIs of the CCTV solution: cameras in service, cameras per road km, uptime, parking coverage."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.kpi.registry import KPI

from .models import Camera
from .selectors.density import city_density, density_by_district, parking_coverage
from .selectors.health import health


def _uptime_30_days() -> float | None:
    now = timezone.now()
    rows = health(start=now - dt.timedelta(days=30), end=now, by="city", now=now)
    return rows[0].uptime if rows else None


def _density_breakdown() -> list[tuple[str, float]]:
    return [(row.name, row.per_km) for row in density_by_district() if row.per_km is not None]


KPIS = [
    KPI(
        key="cctv.cameras",
        solution="cctv",
        kind="output",
        unit=_("cameras"),
        label=_("Cameras in service"),
        compute=lambda: Camera.objects.in_service().count(),
    ),
    KPI(
        key="cctv.density_per_road_km",
        solution="cctv",
        kind="output",
        unit=_("cameras/km"),
        label=_("Cameras per road kilometre"),
        compute=lambda: city_density().per_km,
        breakdown=_density_breakdown,
    ),
    KPI(
        key="cctv.uptime_30d",
        solution="cctv",
        kind="outcome",
        unit=_("%"),
        label=_("Camera uptime, last 30 days"),
        compute=_uptime_30_days,
        target=99,
    ),
    KPI(
        key="cctv.parking_coverage",
        solution="cctv",
        kind="outcome",
        unit=_("%"),
        label=_("Parking spaces watched by a camera"),
        compute=lambda: parking_coverage().percent,
        target=100,
    ),
]
