"""Camera health: signed heartbeats and fault reports from the video-management system (VMS),
the fault log with repairs, and the sweep that marks silent cameras as faulty.

The signature check and the health rules are shared with the other field equipment
(portal/core/signing.py, portal/core/equipment.py); this module binds them to cameras."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone

from portal.core import equipment, signing
from portal.core.signing import NONCE_PATTERN, SignatureError, sign

from ..models import Camera, Fault, SignedNonce
from .lifecycle import change_status

__all__ = [
    "NONCE_PATTERN",
    "SignatureError",
    "authenticate",
    "mark_silent_cameras",
    "record_heartbeat",
    "repair_fault",
    "report_fault",
    "sign",
]


def _move(*, obj: Camera, to: str, at: dt.datetime, note: str) -> Camera:
    return change_status(camera=obj, to=to, at=at, note=note)


def authenticate(
    *,
    code: str,
    timestamp: str,
    signature: str,
    body: bytes,
    nonce: str,
    now: dt.datetime | None = None,
) -> Camera:
    """The camera whose VMS secret signed `body` at `timestamp`; rejects unknown cameras, bad
    signatures, timestamps more than CCTV_SIGNATURE_WINDOW away from `now` (either way) and a
    nonce the camera already used inside that window. Several requests may share a second."""
    return signing.authenticate(
        devices=Camera.objects.all(),
        secret_field="vms_secret",
        nonces=SignedNonce,
        owner_field="camera",
        code=code,
        timestamp=timestamp,
        signature=signature,
        body=body,
        nonce=nonce,
        window=settings.CCTV_SIGNATURE_WINDOW,
        now=now,
    )


def record_heartbeat(*, camera: Camera, at: dt.datetime | None = None) -> Camera:
    """Note that the camera is alive; it ends a no-heartbeat fault and brings it back into service.

    Refused (ValidationError) for a planned or decommissioned camera, and for an `at` in the
    future beyond the allowed clock skew. A late heartbeat never moves the last one back."""
    return equipment.record_heartbeat(obj=camera, move=_move, skew=settings.CCTV_SIGNATURE_WINDOW, at=at)


def report_fault(
    *,
    camera: Camera,
    cause: str,
    started_at: dt.datetime | None = None,
    description: str = "",
    reported_by: str = "",
) -> Fault:
    """Log a fault and mark the camera faulty; a camera has at most one open fault per cause."""
    return equipment.report_fault(
        obj=camera,
        move=_move,
        causes=Fault.Cause.values,
        cause=cause,
        skew=settings.CCTV_SIGNATURE_WINDOW,
        started_at=started_at,
        description=description,
        reported_by=reported_by,
    )


def repair_fault(*, fault: Fault, repaired_at: dt.datetime | None = None, repair: str = "") -> Fault:
    """Close a fault; the camera is operational again once none of its faults is open."""
    return equipment.repair_fault(
        fault=fault, obj=fault.camera, move=_move, repaired_at=repaired_at, repair=repair
    )


def mark_silent_cameras(
    *, now: dt.datetime | None = None, timeout: dt.timedelta | None = None
) -> list[Camera]:
    """Cameras in service whose last heartbeat is older than CCTV_HEARTBEAT_TIMEOUT become faulty.

    Only cameras that have sent at least one heartbeat are watched, so a camera not yet wired to
    the VMS is not reported. The fault starts at the last heartbeat: that is when it went quiet.
    """
    return equipment.mark_silent(
        queryset=Camera.objects.all(),
        report=lambda obj, **kw: report_fault(camera=obj, **kw),
        now=now or timezone.now(),
        timeout=timeout or dt.timedelta(seconds=settings.CCTV_HEARTBEAT_TIMEOUT),
    )
