"""Devices: lifecycle, signed requests and health, with the cameras' rules (portal/core)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cctv.models import Fault
from portal.core import equipment, signing

from ..models import Device, DeviceFault, DeviceNonce

MESSAGES = {
    "unknown": _("Unknown status “%(status)s”."),
    "forbidden": _(
        "A device cannot go from “%(current)s” to “%(to)s”; from “%(current)s” it can only go to: "
        "%(allowed)s."
    ),
    "final": _("nothing (this is final)"),
}


def transition_error(*, current: str, to: str) -> str | None:
    """Why a device in status `current` cannot move to `to` (translated), or None when it may."""
    return equipment.transition_error(model=Device, current=current, to=to, messages=MESSAGES)


def change_status(*, device: Device, to: str, at: dt.datetime | None = None, note: str = "") -> Device:
    """Move `device` to status `to`; ValidationError for a step the lifecycle forbids."""
    error = transition_error(current=device.status, to=to)
    return equipment.change_status(obj=device, to=to, error=error, at=at, note=note)


def _move(*, obj: Device, to: str, at: dt.datetime, note: str) -> Device:
    return change_status(device=obj, to=to, at=at, note=note)


def authenticate(*, code: str, timestamp: str, signature: str, body: bytes, nonce: str) -> Device:
    """The device whose secret signed `body` (see portal/core/signing.py); SignatureError if not."""
    return signing.authenticate(
        devices=Device.objects.all(),
        secret_field="secret",
        nonces=DeviceNonce,
        owner_field="device",
        code=code,
        timestamp=timestamp,
        signature=signature,
        body=body,
        nonce=nonce,
        window=settings.SAFETY_SIGNATURE_WINDOW,
    )


def record_heartbeat(*, device: Device, at: dt.datetime | None = None) -> Device:
    """The device is alive: ends a no-heartbeat fault; the first one makes it operational."""
    return equipment.record_heartbeat(obj=device, move=_move, skew=settings.SAFETY_SIGNATURE_WINDOW, at=at)


def report_fault(
    *,
    device: Device,
    cause: str,
    started_at: dt.datetime | None = None,
    description: str = "",
    reported_by: str = "",
) -> DeviceFault:
    """Log a fault and mark the device faulty; at most one open fault per cause."""
    return equipment.report_fault(
        obj=device,
        move=_move,
        causes=Fault.Cause.values,
        cause=cause,
        skew=settings.SAFETY_SIGNATURE_WINDOW,
        started_at=started_at,
        description=description,
        reported_by=reported_by,
    )


def repair_fault(
    *, fault: DeviceFault, repaired_at: dt.datetime | None = None, repair: str = ""
) -> DeviceFault:
    """Close a fault; the device is operational again once none of its faults is open."""
    return equipment.repair_fault(
        fault=fault, obj=fault.device, move=_move, repaired_at=repaired_at, repair=repair
    )


def mark_silent_devices(
    *, now: dt.datetime | None = None, timeout: dt.timedelta | None = None
) -> list[Device]:
    """Devices in service silent for longer than SAFETY_HEARTBEAT_TIMEOUT become faulty."""
    return equipment.mark_silent(
        queryset=Device.objects.all(),
        report=lambda obj, **kw: report_fault(device=obj, **kw),
        now=now or timezone.now(),
        timeout=timeout or dt.timedelta(seconds=settings.SAFETY_HEARTBEAT_TIMEOUT),
    )
