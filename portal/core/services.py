"""Checks and writes shared by the whole portal."""

from __future__ import annotations

import time
import urllib.request
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection

# Components the portal cannot serve without; the others only degrade a feature.
ESSENTIAL = ("database", "cache")


def _timed(check) -> dict[str, Any]:
    start = time.perf_counter()
    try:
        detail = check()
    except Exception as exc:  # noqa: BLE001 - the report names any failure, never raises
        return {"ok": False, "error": f"{type(exc).__name__}: {exc}"[:300]}
    result: dict[str, Any] = {"ok": True, "ms": round((time.perf_counter() - start) * 1000, 1)}
    if detail:
        result["detail"] = detail
    return result


def _database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return connection.vendor


def _cache() -> None:
    cache.set("healthz", "1", 5)
    if cache.get("healthz") != "1":
        raise RuntimeError("cache did not return what was written")


def _broker() -> str:
    if not settings.CELERY_BROKER_URL:
        return "eager (no broker configured; tasks run in-process)"
    from portal.celery import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
    return "connected"


def _rasa() -> str:
    # Rasa's root answers "Hello from Rasa: <version>" without its HTTP API enabled (/status needs it).
    with urllib.request.urlopen(f"{settings.RASA_URL.rstrip('/')}/", timeout=2) as resp:
        return resp.read(200).decode("utf-8", "replace").strip()


def health_report() -> dict[str, Any]:
    """Each component as {ok, ms|error}; status is ok, degraded (a non-essential part down) or down."""
    checks = {
        "database": _timed(_database),
        "cache": _timed(_cache),
        "broker": _timed(_broker),
        "rasa": _timed(_rasa),
    }
    if not all(checks[name]["ok"] for name in ESSENTIAL):
        status = "down"
    elif all(c["ok"] for c in checks.values()):
        status = "ok"
    else:
        status = "degraded"
    return {"status": status, "checks": checks}


def ensure_admin(*, username: str = "admin", email: str = "admin@localhost") -> str | None:
    """Create the first superuser with a random password and return that password once.

    Returns None when the account already exists: the password is never stored in clear, so
    it is shown only at creation (reset it with `manage.py changepassword`).
    """
    import secrets

    from django.contrib.auth import get_user_model

    User = get_user_model()
    if User.objects.filter(username=username).exists():
        return None
    password = secrets.token_urlsafe(12)
    User.objects.create_superuser(username=username, email=email, password=password)
    return password
