"""Reads of KPI history."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import KPISnapshot


def history(key: str) -> QuerySet[KPISnapshot]:
    """Every snapshot of one KPI, oldest first."""
    return KPISnapshot.objects.filter(key=key).order_by("taken_at")
