"""Camera health: signed heartbeats and fault reports from the video-management system (VMS),
the fault log with repairs, and the sweep that marks silent cameras as faulty."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ..models import Camera, Fault, SignedNonce
from .lifecycle import change_status


class SignatureError(Exception):
    """The request is not signed by the camera's VMS secret, or is stale, from the future or replayed."""


# What the VMS may send as a nonce: 16–64 URL-safe characters, fresh for every request.
NONCE_PATTERN = r"^[A-Za-z0-9_-]{16,64}$"
NO_HEARTBEAT_STATUSES = (Camera.Status.PLANNED, Camera.Status.DECOMMISSIONED)


def sign(*, secret: str, timestamp: int, body: bytes) -> str:
    """HMAC-SHA256 (hex) over "<unix timestamp>." + body: what the VMS sends as X-CCTV-Signature.
    The body carries a fresh `nonce`, so the signature covers it."""
    return hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()


@transaction.atomic
def authenticate(
    *,
    code: str,
    timestamp: str,
    signature: str,
    body: bytes,
    nonce: str,
    now: dt.datetime | None = None,
) -> Camera:
    """The camera whose secret signed `body` at `timestamp`; rejects unknown cameras, bad
    signatures, timestamps more than CCTV_SIGNATURE_WINDOW away from `now` (either way) and a
    nonce the camera already used inside that window. Several requests may share a second."""
    now = now or timezone.now()
    try:
        ts = int(timestamp)
    except (TypeError, ValueError):
        raise SignatureError("missing or malformed timestamp") from None
    window = settings.CCTV_SIGNATURE_WINDOW
    if now.timestamp() - ts > window:
        raise SignatureError(f"timestamp older than the {window} s signature window")
    if ts - now.timestamp() > window:
        raise SignatureError(f"timestamp more than {window} s ahead of the server's clock")
    camera = Camera.objects.select_for_update().filter(code=code).first()
    expected = sign(secret=camera.vms_secret if camera else "unknown", timestamp=ts, body=body)
    if camera is None or not hmac.compare_digest(expected, signature or ""):
        raise SignatureError("bad signature")
    if not re.fullmatch(NONCE_PATTERN, nonce or ""):
        raise SignatureError("missing or malformed nonce")
    # A nonce whose timestamp has left the window cannot come back: its request is refused as stale.
    SignedNonce.objects.filter(signed_at__lt=now - dt.timedelta(seconds=window)).delete()
    signed_at = dt.datetime.fromtimestamp(ts, tz=dt.UTC)
    if SignedNonce.objects.filter(camera=camera, nonce=nonce).exists():
        raise SignatureError("replayed request (nonce already used)")
    SignedNonce.objects.create(camera=camera, nonce=nonce, signed_at=signed_at)
    return camera


def _not_in_future(value: dt.datetime, *, now: dt.datetime, name: str) -> dt.datetime:
    """`value` (made aware in the current time zone if naive), refused beyond the allowed skew."""
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    skew = settings.CCTV_SIGNATURE_WINDOW
    if value - now > dt.timedelta(seconds=skew):
        raise ValidationError(
            f"“{name}” ({value.isoformat()}) is in the future: more than {skew} s ahead of the "
            f"server's clock ({now.isoformat(timespec='seconds')}).",
            code="future",
        )
    return value


@transaction.atomic
def record_heartbeat(*, camera: Camera, at: dt.datetime | None = None) -> Camera:
    """Note that the camera is alive; it ends a no-heartbeat fault and brings it back into service.

    Refused (ValidationError) for a planned or decommissioned camera, and for an `at` in the
    future beyond the allowed clock skew. A late heartbeat never moves the last one back."""
    now = timezone.now()
    at = _not_in_future(at, now=now, name="at") if at else now
    if camera.status in NO_HEARTBEAT_STATUSES:
        raise ValidationError(
            f"Camera {camera.code} is {camera.status}: it cannot send heartbeats.", code="status"
        )
    if camera.last_heartbeat_at is None or at > camera.last_heartbeat_at:
        camera.last_heartbeat_at = at
        camera.save(update_fields=["last_heartbeat_at", "updated_at"])
    for fault in camera.faults.filter(repaired_at__isnull=True, cause=Fault.Cause.NO_HEARTBEAT):
        repair_fault(fault=fault, repaired_at=max(at, fault.started_at), repair="Heartbeat resumed.")
    camera.refresh_from_db()
    if camera.status == Camera.Status.INSTALLED:
        change_status(camera=camera, to=Camera.Status.OPERATIONAL, at=at, note="First heartbeat.")
    return camera


@transaction.atomic
def report_fault(
    *,
    camera: Camera,
    cause: str,
    started_at: dt.datetime | None = None,
    description: str = "",
    reported_by: str = "",
) -> Fault:
    """Log a fault and mark the camera faulty; a camera has at most one open fault per cause."""
    if cause not in Fault.Cause.values:
        raise ValidationError({"cause": f"Unknown cause {cause!r}."})
    if camera.status not in Camera.IN_SERVICE:
        raise ValidationError(f"Camera {camera.code} is {camera.status}: it cannot be faulty.", code="status")
    now = timezone.now()
    started_at = _not_in_future(started_at, now=now, name="started_at") if started_at else now
    fault = camera.faults.filter(repaired_at__isnull=True, cause=cause).first()
    if fault is None:
        fault = Fault.objects.create(
            camera=camera,
            cause=cause,
            started_at=started_at,
            description=description[:500],
            reported_by=reported_by[:100],
        )
    if camera.status != Camera.Status.FAULTY:
        change_status(camera=camera, to=Camera.Status.FAULTY, at=started_at, note=f"Fault: {cause}")
    return fault


@transaction.atomic
def repair_fault(*, fault: Fault, repaired_at: dt.datetime | None = None, repair: str = "") -> Fault:
    """Close a fault; the camera is operational again once none of its faults is open."""
    repaired_at = repaired_at or timezone.now()
    if repaired_at < fault.started_at:
        raise ValidationError({"repaired_at": "A repair cannot end before the fault started."})
    fault.repaired_at = repaired_at
    fault.repair = repair[:500] or fault.repair
    fault.save(update_fields=["repaired_at", "repair"])
    camera = fault.camera
    camera.refresh_from_db()
    if camera.status == Camera.Status.FAULTY and not camera.faults.filter(repaired_at__isnull=True).exists():
        change_status(camera=camera, to=Camera.Status.OPERATIONAL, at=repaired_at, note="Repaired.")
    return fault


def mark_silent_cameras(
    *, now: dt.datetime | None = None, timeout: dt.timedelta | None = None
) -> list[Camera]:
    """Cameras in service whose last heartbeat is older than CCTV_HEARTBEAT_TIMEOUT become faulty.

    Only cameras that have sent at least one heartbeat are watched, so a camera not yet wired to
    the VMS is not reported. The fault starts at the last heartbeat: that is when it went quiet.
    """
    now = now or timezone.now()
    timeout = timeout or dt.timedelta(seconds=settings.CCTV_HEARTBEAT_TIMEOUT)
    silent = Camera.objects.filter(
        status__in=(Camera.Status.INSTALLED, Camera.Status.OPERATIONAL),
        last_heartbeat_at__lt=now - timeout,
    )
    marked = []
    for camera in silent:
        report_fault(
            camera=camera,
            cause=Fault.Cause.NO_HEARTBEAT,
            started_at=camera.last_heartbeat_at,
            description=f"No heartbeat for more than {int(timeout.total_seconds() // 60)} minutes.",
            reported_by="heartbeat monitor",
        )
        marked.append(camera)
    return marked
