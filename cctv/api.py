"""CCTV register: routes of the public API under /api/v1/cctv/ (see portal/api.py).

The video-management system (VMS) posts heartbeats and faults signed per camera:
`X-CCTV-Timestamp: <unix seconds>` and `X-CCTV-Signature: hex(HMAC-SHA256(camera secret,
"<timestamp>." + raw body))`, the body carrying a fresh random `nonce`. Requests outside
CCTV_SIGNATURE_WINDOW (either way) or reusing a nonce inside it are refused, so a captured request
cannot be replayed while several may be signed in the same second. Heartbeats of planned or
decommissioned cameras and times in the future are refused with a message (409, 400).
The public camera list has public fields only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from portal.core.api import Error
from portal.core.equipment import refusal

from .models import Camera, Fault
from .selectors import public_cameras, public_feature
from .services import health

router = Router(tags=["cctv"])


# The signature as OpenAPI security schemes: a request carries both headers (one requirement).
SECURITY_SCHEMES = {
    "cctvTimestamp": {
        "type": "apiKey",
        "in": "header",
        "name": "X-CCTV-Timestamp",
        "description": "Unix seconds at signing: within CCTV_SIGNATURE_WINDOW of the server's clock "
        "(earlier or later). The signed body's `nonce` must not repeat a nonce of the same camera "
        "inside that window.",
    },
    "cctvSignature": {
        "type": "apiKey",
        "in": "header",
        "name": "X-CCTV-Signature",
        "description": 'hex(HMAC-SHA256(camera VMS secret, "<X-CCTV-Timestamp>." + raw request body)); '
        "the body includes its `nonce`.",
    },
}
SIGNED = {"security": [{"cctvTimestamp": [], "cctvSignature": []}]}


NONCE = Field(
    ...,
    pattern=health.NONCE_PATTERN,
    description="A fresh random value for every request (16–64 characters A–Z a–z 0–9 _ -), "
    "e.g. a UUID in hex; a camera's nonce is refused if used again inside the signature window.",
)


class HeartbeatIn(Schema):
    camera: str
    nonce: str = NONCE
    at: dt.datetime | None = Field(
        None, description="When the camera was seen alive; at most the signature window ahead."
    )


class FaultIn(Schema):
    camera: str
    nonce: str = NONCE
    cause: Fault.Cause
    description: str = ""
    started_at: dt.datetime | None = None


class CameraStateOut(Schema):
    camera: str
    status: str
    last_heartbeat_at: dt.datetime | None
    open_faults: int


def _signed_camera(request: HttpRequest, code: str, nonce: str) -> Camera:
    try:
        return health.authenticate(
            code=code,
            nonce=nonce,
            timestamp=request.headers.get("X-CCTV-Timestamp", ""),
            signature=request.headers.get("X-CCTV-Signature", ""),
            body=request.body,
        )
    except health.SignatureError as exc:
        raise HttpError(401, f"Not authenticated: {exc}.") from None


def _state(camera: Camera) -> dict[str, Any]:
    camera.refresh_from_db()
    return {
        "camera": camera.code,
        "status": camera.status,
        "last_heartbeat_at": camera.last_heartbeat_at,
        "open_faults": camera.faults.filter(repaired_at__isnull=True).count(),
    }


@router.post(
    "/heartbeat",
    response={202: CameraStateOut, 400: Error, 401: Error, 409: Error},
    auth=None,
    openapi_extra=SIGNED,
    url_name="cctv_heartbeat",
)
def heartbeat(request: HttpRequest, payload: HeartbeatIn) -> tuple[int, dict[str, Any]]:
    """A camera is alive (signed by the VMS with the camera's secret). Refused with 409 for a
    planned or decommissioned camera and with 400 for an `at` in the future."""
    camera = _signed_camera(request, payload.camera, payload.nonce)
    try:
        health.record_heartbeat(camera=camera, at=payload.at)
    except ValidationError as exc:
        return refusal(exc)
    return 202, _state(camera)


@router.post(
    "/faults",
    response={201: CameraStateOut, 400: Error, 401: Error, 409: Error},
    auth=None,
    openapi_extra=SIGNED,
    url_name="cctv_faults",
)
def fault(request: HttpRequest, payload: FaultIn) -> tuple[int, dict[str, Any]]:
    """The VMS reports a fault (its `cause` from the list); the camera becomes faulty until the
    fault is repaired."""
    camera = _signed_camera(request, payload.camera, payload.nonce)
    try:
        health.report_fault(
            camera=camera,
            cause=payload.cause,
            started_at=payload.started_at,
            description=payload.description,
            reported_by="VMS",
        )
    except ValidationError as exc:
        return refusal(exc)
    return 201, _state(camera)


@router.get("/cameras", response=dict[str, Any], url_name="cctv_cameras")
def cameras(
    request: HttpRequest, district: str = "", purpose: str = "", lang: str | None = None
) -> dict[str, Any]:
    """The public camera register as a GeoJSON FeatureCollection (field of view included); texts
    in `lang` (ro, en, hu; default: the Accept-Language header) where translated, else in the
    original, with `what_is_filmed_lang` saying which."""
    features = [
        public_feature(c, with_sector=True, lang=lang)
        for c in public_cameras(district=district, purpose=purpose)
    ]
    return {"type": "FeatureCollection", "features": features}
