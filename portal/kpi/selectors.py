"""Reads of KPI history."""

from __future__ import annotations

from django.db.models import Max, QuerySet

from .models import KPISnapshot


def latest_snapshots() -> QuerySet[KPISnapshot]:
    """The most recent snapshot of each KPI."""
    latest = KPISnapshot.objects.values("key").annotate(last=Max("taken_at"))
    times = {row["key"]: row["last"] for row in latest}
    if not times:
        return KPISnapshot.objects.none()
    pairs = [(key, at) for key, at in times.items()]
    from django.db.models import Q

    condition = Q()
    for key, at in pairs:
        condition |= Q(key=key, taken_at=at)
    return KPISnapshot.objects.filter(condition).order_by("solution", "key")


def history(key: str) -> QuerySet[KPISnapshot]:
    """Every snapshot of one KPI, oldest first."""
    return KPISnapshot.objects.filter(key=key).order_by("taken_at")
