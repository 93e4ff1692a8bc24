"""Every QR code in the product is made here, and every signed one is verified here, so that
formats and keys stay in one place.

Plain QR codes carry a URL (document tracking, building pages). Signed QR codes carry a
compact token `<base64url(JSON payload)>.<base64url(Ed25519 signature)>` inside a URL of the
portal's `/verify` page; anyone holding the published public key can check them offline.
Apps whose signed documents can be revoked register a checker with `register_revocation_check`;
apps whose documents carry a printed number register a lookup with `register_number_lookup`, so a
person without a QR scanner can type the number on /verify.
"""

from __future__ import annotations

import base64
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import qrcode
import qrcode.image.svg
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings

TOKEN_VERSION = 1
Status = Literal["genuine", "altered", "revoked", "malformed"]

_revocation_checks: dict[str, Callable[[dict[str, Any]], bool]] = {}
_number_lookups: dict[str, Callable[[str], str | None]] = {}


# --- making QR codes ---------------------------------------------------------------------------


def _qr(data: str, border: int) -> qrcode.QRCode:
    # Level M survives a scuffed label (15% damage) while keeping URLs of ~80 chars small.
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=border)
    code.add_data(data)
    code.make(fit=True)
    return code


def qr_png(data: str, *, box_size: int = 10, border: int = 4) -> bytes:
    """A PNG of the QR code for `data` (border in modules; 4 is the standard quiet zone)."""
    code = _qr(data, border)
    code.box_size = box_size
    buffer = io.BytesIO()
    code.make_image().save(buffer, format="PNG")
    return buffer.getvalue()


def qr_svg(data: str, *, border: int = 4) -> str:
    """An SVG of the QR code for `data`, for pages and print (scales without blur)."""
    image = _qr(data, border).make_image(image_factory=qrcode.image.svg.SvgPathImage)
    return image.to_string(encoding="unicode")


# --- signing and verifying ---------------------------------------------------------------------


def _b64e(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _b64d(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@lru_cache(maxsize=1)
def _private_key() -> Ed25519PrivateKey:
    """The signing key: QR_SIGNING_KEY (PEM) from the environment, else a key file that is made
    once under var/ (development and tests). Production must set the key: losing it would
    invalidate every permit and certificate already printed."""
    pem = getattr(settings, "QR_SIGNING_KEY", "")
    if pem:
        key = serialization.load_pem_private_key(pem.encode(), password=None)
    else:
        path = Path(settings.QR_SIGNING_KEY_FILE)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            new = Ed25519PrivateKey.generate()
            path.write_bytes(
                new.private_bytes(
                    serialization.Encoding.PEM,
                    serialization.PrivateFormat.PKCS8,
                    serialization.NoEncryption(),
                )
            )
            path.chmod(0o600)
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("QR signing key must be an Ed25519 private key")
    return key


def public_key() -> Ed25519PublicKey:
    return _private_key().public_key()


def public_key_pem() -> str:
    """The verification key, published so that others can verify tokens offline."""
    return (
        public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


def key_id() -> str:
    """Short fingerprint of the public key, written into tokens to allow key rotation."""
    raw = public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return _b64e(raw)[:8]


def sign(kind: str, fields: dict[str, Any]) -> str:
    """A signed token for `fields` (JSON-serialisable; keep them short: they go into a QR)."""
    if not kind.isidentifier():
        raise ValueError(f"QR kind must be an identifier, got {kind!r}")
    payload = {"v": TOKEN_VERSION, "k": key_id(), "t": kind, **fields}
    body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False, sort_keys=True).encode()
    return f"{_b64e(body)}.{_b64e(_private_key().sign(body))}"


@dataclass(frozen=True)
class Verification:
    status: Status
    payload: dict[str, Any] | None = None

    @property
    def kind(self) -> str | None:
        return self.payload.get("t") if self.payload else None


def verify(token: str) -> Verification:
    """genuine: signed by our key and not revoked; altered: the signature does not match the
    content; revoked: genuine but withdrawn by its issuer; malformed: not a token at all."""
    try:
        body_b64, sig_b64 = token.strip().split(".")
        body, signature = _b64d(body_b64), _b64d(sig_b64)
        payload = json.loads(body)
        if not isinstance(payload, dict) or payload.get("v") != TOKEN_VERSION:
            return Verification("malformed")
    except (ValueError, UnicodeDecodeError):
        return Verification("malformed")
    try:
        public_key().verify(signature, body)
    except InvalidSignature:
        return Verification("altered", payload)
    check = _revocation_checks.get(payload.get("t", ""))
    if check is not None and check(payload):
        return Verification("revoked", payload)
    return Verification("genuine", payload)


def register_revocation_check(kind: str, check: Callable[[dict[str, Any]], bool]) -> None:
    """Let the app that issues `kind` tokens say whether one has been revoked (call in ready())."""
    _revocation_checks[kind] = check


def register_number_lookup(kind: str, lookup: Callable[[str], str | None]) -> None:
    """Let the app that issues `kind` documents turn a number as typed (any spacing or case) into
    the document's current signed token, or None when it issued no such number (call in ready())."""
    _number_lookups[kind] = lookup


def verify_number(number: str) -> Verification | None:
    """The verification of the document with this printed number; None when no app knows it."""
    for lookup in _number_lookups.values():
        token = lookup(number)
        if token:
            return verify(token)
    return None


def verify_url(token: str) -> str:
    """The absolute URL a signed QR encodes: the portal's verification page."""
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/verify?p={token}"


def number_url(number: str) -> str:
    """The short absolute URL printed beside a document's number: /verify/<number>."""
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/verify/{number}"
