"""Signed device requests, shared by every app whose field devices talk to the portal (cameras'
video-management system, call points and alert buttons): HMAC-SHA256 per device over
"<unix timestamp>." + raw body, a timestamp inside a window either way of the server's clock, and
a fresh nonce in the body that the same device may not use again inside that window."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
from typing import Any

from django.db import models, transaction
from django.utils import timezone


class SignatureError(Exception):
    """The request is not signed by the device's secret, or is stale, from the future or replayed."""


# What a device may send as a nonce: 16–64 URL-safe characters, fresh for every request.
NONCE_PATTERN = r"^[A-Za-z0-9_-]{16,64}$"


def sign(*, secret: str, timestamp: int, body: bytes) -> str:
    """HMAC-SHA256 (hex) over "<unix timestamp>." + body. The body carries a fresh `nonce`, so
    the signature covers it."""
    return hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()


def signed_at(timestamp: str, *, now: dt.datetime, window: int) -> dt.datetime:
    """The signing time of a request, refused when malformed or more than `window` s away."""
    try:
        ts = int(timestamp)
    except (TypeError, ValueError):
        raise SignatureError("missing or malformed timestamp") from None
    if now.timestamp() - ts > window:
        raise SignatureError(f"timestamp older than the {window} s signature window")
    if ts - now.timestamp() > window:
        raise SignatureError(f"timestamp more than {window} s ahead of the server's clock")
    return dt.datetime.fromtimestamp(ts, tz=dt.UTC)


@transaction.atomic
def authenticate(
    *,
    devices: models.QuerySet,
    secret_field: str,
    nonces: type[models.Model],
    owner_field: str,
    code: str,
    timestamp: str,
    signature: str,
    body: bytes,
    nonce: str,
    window: int,
    now: dt.datetime | None = None,
) -> Any:
    """The device (from `devices`, by `code`, locked) whose secret signed `body` at `timestamp`.

    `nonces` is the device's nonce model (fields `<owner_field>`, `nonce`, `signed_at`). Refuses
    unknown devices and bad signatures alike, stale or future timestamps and replayed nonces."""
    now = now or timezone.now()
    at = signed_at(timestamp, now=now, window=window)
    device = devices.select_for_update().filter(code=code).first()
    secret = getattr(device, secret_field) if device else "unknown"
    expected = sign(secret=secret, timestamp=int(at.timestamp()), body=body)
    if device is None or not hmac.compare_digest(expected, signature or ""):
        raise SignatureError("bad signature")
    if not re.fullmatch(NONCE_PATTERN, nonce or ""):
        raise SignatureError("missing or malformed nonce")
    # A nonce whose timestamp has left the window cannot come back: its request is refused as stale.
    nonces.objects.filter(signed_at__lt=now - dt.timedelta(seconds=window)).delete()
    if nonces.objects.filter(**{owner_field: device}, nonce=nonce).exists():
        raise SignatureError("replayed request (nonce already used)")
    nonces.objects.create(**{owner_field: device}, nonce=nonce, signed_at=at)
    return device
