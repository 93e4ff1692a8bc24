"""What every map read needs about a stored layer, kept in the cache: its metadata (title, texts,
module, colour…) and its number of features. Without it each OGC API or map request spent three
catalogue queries to find its layer and an exact COUNT(*) over the whole layer.

Every entry is keyed by a generation number; saving or deleting a module, layer or feature, and
every import, starts a new generation, so a change is seen at once where the cache is shared
(CACHE_URL, e.g. Redis). A per-process cache (the default LocMem) cannot hear other processes'
changes: there entries also expire after `GIS_LAYER_CACHE_SECONDS`, which bounds how stale they get.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)

GENERATION = "gis:layers:generation"
T = TypeVar("T")
_MISSING = object()


def _timeout() -> int:
    return int(getattr(settings, "GIS_LAYER_CACHE_SECONDS", 300))


def _generation() -> int:
    value = cache.get(GENERATION)
    if value is None:
        value = time.time_ns()
        cache.add(GENERATION, value, timeout=None)
    return int(value)


def cached(name: str, compute: Callable[[], T]) -> T:
    """`compute()`'s value under `name` in the current generation (a cache outage only means
    computing it every time)."""
    if _timeout() <= 0:
        return compute()
    try:
        key = f"gis:layer:{_generation()}:{name}"
        value = cache.get(key, _MISSING)
    except Exception:  # a cache outage must never break a map read
        logger.warning("layer cache unavailable", exc_info=True)
        return compute()
    if value is _MISSING:
        value = compute()
        try:
            cache.set(key, value, timeout=_timeout())
        except Exception:
            logger.warning("layer cache unavailable", exc_info=True)
    return value  # type: ignore[return-value]


def _bump() -> None:
    try:
        cache.set(GENERATION, time.time_ns(), timeout=None)
    except Exception:
        logger.warning("layer cache not invalidated: cache unavailable", exc_info=True)


def invalidate() -> None:
    """Start a new generation: every cached layer and count is read afresh, now (for readers in
    this transaction) and again once the change is visible to everyone (on commit). A bulk
    delete sends one signal per feature, so the commit hook is registered once."""
    _bump()
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(hook[1] is _bump for hook in connection.run_on_commit):
        return
    transaction.on_commit(_bump)


def on_change(sender: Any, **kwargs: Any) -> None:
    """Signal receiver for saves and deletes of modules, layers and features."""
    invalidate()


def connect() -> None:
    from django.db.models.signals import post_delete, post_save

    from .models import Feature, Layer, Module

    for model in (Module, Layer, Feature):
        post_save.connect(on_change, sender=model, dispatch_uid=f"gis-layer-cache-save-{model.__name__}")
        post_delete.connect(on_change, sender=model, dispatch_uid=f"gis-layer-cache-delete-{model.__name__}")
