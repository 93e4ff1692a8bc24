"""Devices, districts and signed device requests for the safety tests."""

from __future__ import annotations

import datetime as dt
import json
import time
import urllib.error
import urllib.request
import uuid
from typing import Any

from django.contrib.gis.geos import Point
from django.utils import timezone

from cctv.models import District
from portal.core.signing import sign
from safety.models import Device


def make_district(name: str = "Centru") -> District:
    district, _ = District.objects.get_or_create(name=name, defaults={"slug": name.lower()})
    return district


def make_device(
    code: str = "AR-CP-0001",
    *,
    kind: str = Device.Kind.CALL_POINT,
    district: District | None = None,
    status: str = Device.Status.OPERATIONAL,
    **fields: Any,
) -> Device:
    defaults: dict[str, Any] = {
        "name": f"Bulevardul Revoluției {code[-2:]}",
        "location": Point(21.31 + int(code[-4:]) / 10000, 46.17, srid=4326),
        "operator": "Poliția Locală Arad",
    }
    if status in Device.IN_SERVICE:
        defaults["operational_on"] = timezone.localdate() - dt.timedelta(days=2)
    if kind == Device.Kind.ALERT_BUTTON:
        defaults.update(business_name=f"Grădinița {code}", business_address="Strada Școlii 3")
    return Device.objects.create(
        code=code, kind=kind, district=district or make_district(), status=status, **{**defaults, **fields}
    )


def signed(device: Device, payload: dict[str, Any], ts: int | None = None) -> tuple[bytes, dict[str, str]]:
    """The body (with a fresh nonce) and the headers a device sends."""
    body = json.dumps({"nonce": uuid.uuid4().hex, **payload}).encode()
    ts = int(time.time()) if ts is None else ts
    return body, {
        "X-Safety-Timestamp": str(ts),
        "X-Safety-Signature": sign(secret=device.secret, timestamp=ts, body=body),
    }


def post_signed(client: Any, url: str, device: Device, payload: dict[str, Any], ts: int | None = None) -> Any:
    body, headers = signed(device, payload, ts)
    return client.post(url, body, content_type="application/json", headers=headers)


def alert_payload(device: Device, **extra: Any) -> dict[str, Any]:
    return {"device": device.code, "event": uuid.uuid4().hex, **extra}


def device_post(url: str, device: Device, payload: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """POST signed over real HTTP (urllib), as a device does; (status, JSON answer)."""
    body, headers = signed(device, payload)
    request = urllib.request.Request(
        url, data=body, method="POST", headers={"Content-Type": "application/json", **headers}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"{}")
