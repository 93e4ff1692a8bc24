"""Failure counters in the cache: after `limit` failures within `window_seconds` the key is
locked for `lockout_seconds`. Used for the admin password step (per account and per client
address), for the two-factor code step (per account), and by the public forms' rate limits
(FormLimits)."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _


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


class FormLimits:
    """Rate limits of one app's public forms on these counters: every use counts (not only the
    failures), and past its limit an address or e-mail waits for the lockout to end. `defaults`
    names the limits (with `window_seconds` and `lockout_seconds`); the setting `setting`
    overrides any of them."""

    def __init__(self, prefix: str, defaults: dict[str, int], setting: str) -> None:
        self.prefix = prefix
        self.defaults = defaults
        self.setting = setting

    def limits(self) -> dict[str, int]:
        """The defaults with the setting's overrides."""
        return self.defaults | getattr(settings, self.setting, {})

    def is_locked(self, kind: str, value: str) -> bool:
        """True while `value` (an address, an e-mail) waits for the lockout of `kind` to end."""
        return is_locked(f"{self.prefix}-{kind}", value)

    def count(self, kind: str, value: str, *, per: str) -> None:
        """One more use of `kind` by `value`, towards its lockout at the limit named `per`."""
        current = self.limits()
        fail(
            f"{self.prefix}-{kind}",
            value,
            limit=current[per],
            window_seconds=current["window_seconds"],
            lockout_seconds=current["lockout_seconds"],
        )

    def too_many_message(self) -> str:
        """What a visitor past a limit reads."""
        minutes = max(1, self.limits()["lockout_seconds"] // 60)
        return _("Too many attempts. Try again in %(minutes)d minutes.") % {"minutes": minutes}
