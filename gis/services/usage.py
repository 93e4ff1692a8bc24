"""Map-use counters behind the 'map use' KPI.

A map read only adds one to a counter in the cache (atomic `incr`), so it never writes to the
database; `flush_usage` moves the counts into `MapUsage` rows. The `gis.tasks.flush_map_usage`
task runs it on Celery beat's schedule, and the KPI reads it first so the figures are current.
With several web processes the cache must be a shared one (REDIS_URL, or CACHE_URL). Where no beat
runs (no broker, or a per-process cache), each process also flushes its own counts itself, at most
once per `MAP_USAGE_FLUSH_SECONDS`, so no count waits in a cache that nothing else reads.
"""

from __future__ import annotations

import datetime as dt
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from ..models import MapUsage

logger = logging.getLogger(__name__)

CHANNELS = ("page", "api", "ogcapi")
# Days back a flush looks for counts; a counter lives a day longer in the cache, then expires.
FLUSH_DAYS = 7
KEY_TTL = (FLUSH_DAYS + 1) * 24 * 3600
_last_flush = time.monotonic()


def _key(day: dt.date, channel: str) -> str:
    return f"gis:map-use:{day.isoformat()}:{channel}"


def count_use(*, channel: str) -> None:
    """Add one use of the map through `channel` to today's counter (in the cache, no query)."""
    if channel not in CHANNELS:
        raise ValueError(f"unknown map-use channel {channel!r}")
    key = _key(timezone.localdate(), channel)
    try:
        cache.add(key, 0, timeout=KEY_TTL)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=KEY_TTL)
    except Exception:  # a cache outage must never break a map read
        logger.warning("map use not counted: cache unavailable", exc_info=True)
        return
    _flush_if_due()


def _flush_if_due() -> None:
    """This process's own flush, once per `MAP_USAGE_FLUSH_SECONDS` (0 or None: never)."""
    global _last_flush
    interval = getattr(settings, "MAP_USAGE_FLUSH_SECONDS", None)
    if not interval or time.monotonic() - _last_flush < interval:
        return
    _last_flush = time.monotonic()
    try:
        flush_usage()
    except Exception:  # the counts stay in the cache for the next flush
        logger.warning("map use not flushed", exc_info=True)


def _add_to_day(day: dt.date, channel: str, count: int) -> None:
    if MapUsage.objects.filter(day=day, channel=channel).update(count=F("count") + count):
        return
    try:
        with transaction.atomic():
            MapUsage.objects.create(day=day, channel=channel, count=count)
    except IntegrityError:  # another flush created the row first
        MapUsage.objects.filter(day=day, channel=channel).update(count=F("count") + count)


def flush_usage() -> int:
    """Move the counts waiting in the cache into the database; returns how many uses it moved.

    Each counter is decreased by what was read (atomically), so uses counted meanwhile stay for
    the next flush and none is counted twice.
    """
    today = timezone.localdate()
    keys = {
        _key(today - dt.timedelta(days=back), channel): (today - dt.timedelta(days=back), channel)
        for back in range(FLUSH_DAYS + 1)
        for channel in CHANNELS
    }
    moved = 0
    for key, count in cache.get_many(list(keys)).items():
        if not count:
            continue
        day, channel = keys[key]
        try:
            cache.decr(key, count)
        except ValueError:  # expired since it was read: the count read is all there was
            pass
        try:
            _add_to_day(day, channel, count)
        except Exception:
            cache.incr(key, count)  # put them back for the next flush
            raise
        moved += count
    return moved
