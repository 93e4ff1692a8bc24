"""CCTV register: routes of the public API under /api/v1/cctv/ (see portal/api.py).

The video-management system (VMS) posts heartbeats and faults signed per camera:
`X-CCTV-Timestamp: <unix seconds>` and `X-CCTV-Signature: hex(HMAC-SHA256(camera secret,
"<timestamp>." + raw body))`. Requests outside CCTV_SIGNATURE_WINDOW or reusing a timestamp are
refused, so a captured request cannot be replayed. The public camera list has public fields only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError

from portal.core.api import Error

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
        "and later than the camera's previous signed request.",
    },
    "cctvSignature": {
        "type": "apiKey",
        "in": "header",
        "name": "X-CCTV-Signature",
        "description": 'hex(HMAC-SHA256(camera VMS secret, "<X-CCTV-Timestamp>." + raw request body)).',
    },
}
SIGNED = {"security": [{"cctvTimestamp": [], "cctvSignature": []}]}


class HeartbeatIn(Schema):
    camera: str
    at: dt.datetime | None = None


class FaultIn(Schema):
    camera: str
    cause: Fault.Cause
    description: str = ""
    started_at: dt.datetime | None = None


class CameraStateOut(Schema):
    camera: str
    status: str
    last_heartbeat_at: dt.datetime | None
    open_faults: int


def _signed_camera(request: HttpRequest, code: str) -> Camera:
    try:
        return health.authenticate(
            code=code,
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
    response={202: CameraStateOut, 401: Error},
    auth=None,
    openapi_extra=SIGNED,
    url_name="cctv_heartbeat",
)
def heartbeat(request: HttpRequest, payload: HeartbeatIn) -> tuple[int, dict[str, Any]]:
    """A camera is alive (signed by the VMS with the camera's secret)."""
    camera = _signed_camera(request, payload.camera)
    health.record_heartbeat(camera=camera, at=payload.at)
    return 202, _state(camera)


@router.post(
    "/faults",
    response={201: CameraStateOut, 401: Error, 409: Error},
    auth=None,
    openapi_extra=SIGNED,
    url_name="cctv_faults",
)
def fault(request: HttpRequest, payload: FaultIn) -> tuple[int, dict[str, Any]]:
    """The VMS reports a fault (its `cause` from the list); the camera becomes faulty until the
    fault is repaired."""
    camera = _signed_camera(request, payload.camera)
    try:
        health.report_fault(
            camera=camera,
            cause=payload.cause,
            started_at=payload.started_at,
            description=payload.description,
            reported_by="VMS",
        )
    except ValidationError as exc:
        return 409, {"detail": "; ".join(exc.messages)}
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
