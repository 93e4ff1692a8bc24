"""Failure counters in the cache: after `limit` failures within `window_seconds` the key is
locked for `lockout_seconds`. Used for the admin password step (per account and per client
address) and for the two-factor code step (per account)."""

from __future__ import annotations

import hashlib

from django.core.cache import cache


def _key(kind: str, value: str) -> str:
    # Hashed: cache keys must be short and safe, whatever a visitor types as a user name.
    return f"accounts:{kind}:" + hashlib.sha256(value.encode()).hexdigest()[:32]


def is_locked(kind: str, value: str) -> bool:
    """True while `value` (an account or an address) is locked out for `kind`."""
    return cache.get(_key(f"{kind}:lock", value)) is not None


def fail(kind: str, value: str, *, limit: int, window_seconds: int, lockout_seconds: int) -> bool:
    """Count one failure; True when this failure reaches the limit and starts a lockout."""
    key = _key(kind, value)
    cache.add(key, 0, timeout=window_seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window_seconds)
        count = 1
    if count >= limit:
        cache.set(_key(f"{kind}:lock", value), 1, timeout=lockout_seconds)
        cache.delete(key)
        return True
    return False


def reset(kind: str, value: str) -> None:
    """Forget the failures of `value` (after a success)."""
    cache.delete(_key(kind, value))
