"""KPIs of the interactive map and of the QR-for-public-buildings solution."""

from __future__ import annotations

import datetime as dt

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.feedback.selectors import mean_score
from portal.kpi.registry import KPI

from .models import MapUsage, Module, PublicBuilding
from .selectors import layer_catalog
from .services.usage import flush_usage


def buildings_available() -> float | None:
    """% of public buildings that are published with their accessibility information filled in."""
    buildings = list(PublicBuilding.objects.prefetch_related("entrances"))
    if not buildings:
        return None
    available = [b for b in buildings if b.published and b.has_accessibility_info]
    return round(100 * len(available) / len(buildings), 1)


def map_use_30_days() -> int:
    flush_usage()  # the uses still counted in the cache
    since = timezone.localdate() - dt.timedelta(days=30)
    return MapUsage.objects.filter(day__gt=since).aggregate(n=Sum("count"))["n"] or 0


KPIS = [
    KPI(
        key="map.layers",
        solution="map",
        kind="output",
        unit=_("layers"),
        label=_("Thematic layers published"),
        compute=lambda: len(layer_catalog()),
    ),
    KPI(
        key="map.modules",
        solution="map",
        kind="output",
        unit=_("modules"),
        label=_("Map modules"),
        compute=lambda: len({i.module_key for i in layer_catalog()}) or Module.objects.count(),
    ),
    KPI(
        key="map.use_30d",
        solution="map",
        kind="outcome",
        unit=_("requests"),
        label=_("Map use in the last 30 days (page views and API requests)"),
        compute=map_use_30_days,
    ),
    KPI(
        key="map.satisfaction",
        solution="map",
        kind="outcome",
        unit=_("0-10"),
        label=_("Map users' satisfaction (mean score)"),
        compute=lambda: mean_score(solution="map"),
    ),
    KPI(
        key="qr_buildings.available_pct",
        solution="qr_buildings",
        kind="output",
        unit=_("%"),
        label=_("Public buildings available (published with accessibility information)"),
        compute=buildings_available,
        target=100,
    ),
]
