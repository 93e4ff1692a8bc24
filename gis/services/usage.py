"""Map-use counters behind the 'map use' KPI."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from ..models import MapUsage

CHANNELS = ("page", "api", "ogcapi")


def count_use(*, channel: str) -> None:
    """Add one use of the map through `channel` to today's counter."""
    if channel not in CHANNELS:
        raise ValueError(f"unknown map-use channel {channel!r}")
    day = timezone.localdate()
    if MapUsage.objects.filter(day=day, channel=channel).update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            MapUsage.objects.create(day=day, channel=channel, count=1)
    except IntegrityError:  # another request created today's row first
        MapUsage.objects.filter(day=day, channel=channel).update(count=F("count") + 1)
