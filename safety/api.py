"""Call points and alert buttons: routes of the public API under /api/v1/safety/.

Devices sign every request as cameras do (portal/core/signing.py): `X-Safety-Timestamp: <unix
seconds>` and `X-Safety-Signature: hex(HMAC-SHA256(device secret, "<timestamp>." + raw body))`,
the JSON body carrying a fresh random `nonce`. An alert's `event` id makes a resent alert
idempotent; `test: true` marks the monthly device test (kept out of incident figures).

The only public reads are call points (never alert buttons) and counts per district.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from cctv.models import Fault
from portal.core.api import Error
from portal.core.equipment import refusal
from portal.core.signing import NONCE_PATTERN, SignatureError

from .models import Device
from .selectors.public import district_counts, public_call_points, public_feature
from .services import alerts, devices

router = Router(tags=["safety"])

SECURITY_SCHEMES = {
    "safetyTimestamp": {
        "type": "apiKey",
        "in": "header",
        "name": "X-Safety-Timestamp",
        "description": "Unix seconds at signing: within SAFETY_SIGNATURE_WINDOW of the server's clock. "
        "The body's `nonce` must not repeat a nonce of the same device inside that window.",
    },
    "safetySignature": {
        "type": "apiKey",
        "in": "header",
        "name": "X-Safety-Signature",
        "description": 'hex(HMAC-SHA256(device secret, "<X-Safety-Timestamp>." + raw request body)).',
    },
}
SIGNED = {"security": [{"safetyTimestamp": [], "safetySignature": []}]}

NONCE = Field(
    ...,
    pattern=NONCE_PATTERN,
    description="A fresh random value for every request (16–64 characters A–Z a–z 0–9 _ -).",
)


class AlertIn(Schema):
    device: str = Field(..., max_length=40)
    nonce: str = NONCE
    event: str = Field(
        ...,
        pattern=NONCE_PATTERN,
        description="The device's id of this alert (16–64 characters); resending it records nothing new.",
    )
    raised_at: dt.datetime | None = Field(None, description="When the button was pressed (default: now).")
    test: bool = Field(False, description="A scheduled device test, not an incident.")


class AlertOut(Schema):
    alert: int
    device: str
    status: str
    test: bool
    created: bool


class DeviceHeartbeatIn(Schema):
    device: str = Field(..., max_length=40)
    nonce: str = NONCE
    at: dt.datetime | None = None


class DeviceFaultIn(Schema):
    device: str = Field(..., max_length=40)
    nonce: str = NONCE
    cause: Fault.Cause
    description: str = Field("", max_length=500)
    started_at: dt.datetime | None = None


class DeviceStateOut(Schema):
    device: str
    status: str
    last_heartbeat_at: dt.datetime | None
    open_faults: int


class DistrictCountOut(Schema):
    district: str
    call_points: int
    alert_buttons: int


def _signed_device(request: HttpRequest, code: str, nonce: str) -> Device:
    try:
        return devices.authenticate(
            code=code,
            nonce=nonce,
            timestamp=request.headers.get("X-Safety-Timestamp", ""),
            signature=request.headers.get("X-Safety-Signature", ""),
            body=request.body,
        )
    except SignatureError as exc:
        raise HttpError(401, f"Not authenticated: {exc}.") from None


def _state(device: Device) -> dict[str, Any]:
    device.refresh_from_db()
    return {
        "device": device.code,
        "status": device.status,
        "last_heartbeat_at": device.last_heartbeat_at,
        "open_faults": device.faults.filter(repaired_at__isnull=True).count(),
    }


@router.post(
    "/alerts",
    response={201: AlertOut, 200: AlertOut, 400: Error, 401: Error, 409: Error},
    auth=None,
    openapi_extra=SIGNED,
    url_name="safety_alerts",
)
def raise_alert(request: HttpRequest, payload: AlertIn) -> tuple[int, dict[str, Any]]:
    """A device raised an alert (signed with its secret): 201 when recorded, 200 when this event
    was already recorded, 409 for a device not installed, 400 for a time in the future."""
    device = _signed_device(request, payload.device, payload.nonce)
    try:
        alert, created = alerts.raise_alert(
            device=device, event_id=payload.event, raised_at=payload.raised_at, is_test=payload.test
        )
    except ValidationError as exc:
        return refusal(exc)
    body = {"alert": alert.pk, "device": device.code, "status": alert.status, "test": alert.is_test}
    return (201 if created else 200), {**body, "created": created}


@router.post(
    "/heartbeat",
    response={202: DeviceStateOut, 400: Error, 401: Error, 409: Error},
    auth=None,
    openapi_extra=SIGNED,
    url_name="safety_heartbeat",
)
def heartbeat(request: HttpRequest, payload: DeviceHeartbeatIn) -> tuple[int, dict[str, Any]]:
    """A device is alive (signed). 409 for a planned or decommissioned device, 400 for a future `at`."""
    device = _signed_device(request, payload.device, payload.nonce)
    try:
        devices.record_heartbeat(device=device, at=payload.at)
    except ValidationError as exc:
        return refusal(exc)
    return 202, _state(device)


@router.post(
    "/faults",
    response={201: DeviceStateOut, 400: Error, 401: Error, 409: Error},
    auth=None,
    openapi_extra=SIGNED,
    url_name="safety_faults",
)
def fault(request: HttpRequest, payload: DeviceFaultIn) -> tuple[int, dict[str, Any]]:
    """A device reports a fault; it is faulty until the fault is repaired."""
    device = _signed_device(request, payload.device, payload.nonce)
    try:
        devices.report_fault(
            device=device,
            cause=payload.cause,
            started_at=payload.started_at,
            description=payload.description,
            reported_by="device",
        )
    except ValidationError as exc:
        return refusal(exc)
    return 201, _state(device)


@router.get("/call-points", response=dict[str, Any], url_name="safety_call_points")
def call_points(request: HttpRequest, district: str = "", lang: str | None = None) -> dict[str, Any]:
    """The public call points as a GeoJSON FeatureCollection (alert buttons are never listed)."""
    features = [public_feature(d, lang=lang) for d in public_call_points(district=district)]
    return {"type": "FeatureCollection", "features": features}


@router.get("/districts", response=list[DistrictCountOut], url_name="safety_districts")
def districts(request: HttpRequest) -> list[dict[str, Any]]:
    """Devices in service per district, in aggregate: call points and alert buttons counted."""
    return district_counts()
