"""RFC 6238 time-based one-time passwords (HMAC-SHA1, 6 digits, 30-second steps), written with
hmac/hashlib: thirty lines need no dependency, and they are checked against the RFC's vectors.

Authenticator apps (FreeOTP, Aegis, Google/Microsoft Authenticator) read the `otpauth://` URI.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import struct
import time
from urllib.parse import quote, urlencode

STEP = 30
DIGITS = 6


def new_secret() -> str:
    """A fresh 160-bit secret in base32 (RFC 4226 recommends 160 bits), without padding."""
    return base64.b32encode(secrets.token_bytes(20)).decode().rstrip("=")


def _key(secret: str) -> bytes:
    cleaned = secret.replace(" ", "").upper()
    return base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))


def hotp(key: bytes, counter: int, *, digits: int = DIGITS, digest: str = "sha1") -> str:
    """RFC 4226 HOTP of `counter` with dynamic truncation."""
    mac = hmac.new(key, struct.pack(">Q", counter), getattr(hashlib, digest)).digest()
    offset = mac[-1] & 0x0F
    number = struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(number % 10**digits).zfill(digits)


def step_at(moment: float | None = None) -> int:
    """The time step (counter) at `moment` (Unix seconds; now by default)."""
    return int((time.time() if moment is None else moment) // STEP)


def code_at(secret: str, moment: float | None = None) -> str:
    """The code an authenticator app shows at `moment` for the base32 `secret`."""
    return hotp(_key(secret), step_at(moment))


def matching_step(secret: str, code: str, *, moment: float | None = None, drift: int = 1) -> int | None:
    """The time step whose code is `code`, allowing `drift` steps of clock skew either way."""
    code = code.strip().replace(" ", "")
    if len(code) != DIGITS or not code.isdigit():
        return None
    key, now = _key(secret), step_at(moment)
    for step in range(now - drift, now + drift + 1):
        if hmac.compare_digest(hotp(key, step), code):
            return step
    return None


def provisioning_uri(secret: str, *, account: str, issuer: str) -> str:
    """The `otpauth://totp/...` URI that authenticator apps read from a QR code."""
    label = quote(f"{issuer}:{account}")
    query = urlencode(
        {"secret": secret, "issuer": issuer, "algorithm": "SHA1", "digits": DIGITS, "period": STEP}
    )
    return f"otpauth://totp/{label}?{query}"
