"""A camera's VMS as it really talks to the portal: urllib over HTTP, a JSON body with a fresh
nonce, the timestamp and HMAC signature headers."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
import uuid

from cctv.models import Camera
from cctv.services.health import sign


def device_post(url: str, camera: Camera, payload: dict, ts: int | None = None) -> tuple[int, dict]:
    """POST `payload` signed with the camera's secret; (status, JSON answer)."""
    body = json.dumps({**payload, "nonce": uuid.uuid4().hex}).encode()
    ts = int(time.time()) if ts is None else ts
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "X-CCTV-Timestamp": str(ts),
            "X-CCTV-Signature": sign(secret=camera.vms_secret, timestamp=ts, body=body),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"{}")
