"""Health: signed heartbeats over HTTP, silent cameras turn faulty, uptime and MTTR by hand."""

import datetime as dt
import json
import time
import uuid

import pytest
from django.core.management import call_command
from django.utils import timezone

from cctv.models import Camera, Fault
from cctv.selectors.health import health, month_bounds
from cctv.services.health import mark_silent_cameras, repair_fault, report_fault, sign
from tests.factories import CameraFactory


def post_signed(client, path, payload, camera, *, ts=None, secret=None, nonce=None):
    """POST `payload` as the VMS does: a fresh nonce in the body (unless given), signed with the
    camera's secret at `ts` (now by default)."""
    payload = {**payload, "nonce": nonce or uuid.uuid4().hex} if "nonce" not in payload else payload
    body = json.dumps(payload).encode()
    ts = ts or int(time.time())
    signature = sign(secret=secret or camera.vms_secret, timestamp=ts, body=body)
    return client.post(
        path,
        body,
        content_type="application/json",
        headers={"X-CCTV-Timestamp": str(ts), "X-CCTV-Signature": signature},
    )


@pytest.mark.django_db
def test_heartbeats_stop_and_the_camera_turns_faulty_then_recovers(client, districts):
    quiet = CameraFactory(district=districts["centru"], code="AR-CAM-0001")
    alive = CameraFactory(district=districts["centru"], code="AR-CAM-0002")
    now = timezone.now()

    for camera in (quiet, alive):
        response = post_signed(
            client,
            "/api/v1/cctv/heartbeat",
            {"camera": camera.code, "at": (now - dt.timedelta(minutes=30)).isoformat()},
            camera,
        )
        assert response.status_code == 202, response.content
    ts = int(time.time()) + 1
    assert (
        post_signed(client, "/api/v1/cctv/heartbeat", {"camera": alive.code}, alive, ts=ts).status_code == 202
    )

    call_command("check_camera_heartbeats", verbosity=0)  # timeout 15 min: only the quiet one

    quiet.refresh_from_db()
    alive.refresh_from_db()
    assert quiet.status == Camera.Status.FAULTY and alive.status == Camera.Status.OPERATIONAL
    fault = quiet.faults.get()
    assert fault.cause == Fault.Cause.NO_HEARTBEAT and fault.started_at == quiet.last_heartbeat_at
    assert mark_silent_cameras() == []  # idempotent: no second fault

    response = post_signed(client, "/api/v1/cctv/heartbeat", {"camera": quiet.code}, quiet, ts=ts + 1)
    assert response.json() == {
        "camera": quiet.code,
        "status": "operational",
        "last_heartbeat_at": response.json()["last_heartbeat_at"],
        "open_faults": 0,
    }
    fault.refresh_from_db()
    assert fault.repaired_at is not None


@pytest.mark.django_db
def test_unsigned_forged_stale_and_replayed_requests_are_refused(client, districts):
    camera = CameraFactory(district=districts["centru"], code="AR-CAM-0001")
    payload = {"camera": camera.code}
    body = json.dumps({**payload, "nonce": uuid.uuid4().hex}).encode()

    assert client.post("/api/v1/cctv/heartbeat", body, content_type="application/json").status_code == 401
    assert post_signed(client, "/api/v1/cctv/heartbeat", payload, camera, secret="wrong").status_code == 401
    stale = int(time.time()) - 3600
    assert post_signed(client, "/api/v1/cctv/heartbeat", payload, camera, ts=stale).status_code == 401
    unknown = post_signed(client, "/api/v1/cctv/heartbeat", {"camera": "NOPE"}, camera)
    assert unknown.status_code == 401

    ts = int(time.time())
    nonce = uuid.uuid4().hex
    assert (
        post_signed(client, "/api/v1/cctv/heartbeat", payload, camera, ts=ts, nonce=nonce).status_code == 202
    )
    replay = post_signed(client, "/api/v1/cctv/heartbeat", payload, camera, ts=ts, nonce=nonce)
    assert replay.status_code == 401 and "replayed" in replay.json()["detail"]


@pytest.mark.django_db
def test_vms_fault_report_marks_the_camera_faulty(client, districts):
    camera = CameraFactory(district=districts["centru"], code="AR-CAM-0001")
    response = post_signed(
        client,
        "/api/v1/cctv/faults",
        {"camera": camera.code, "cause": "vandalism", "description": "Lens broken"},
        camera,
    )
    assert response.status_code == 201 and response.json()["status"] == "faulty"
    bad = post_signed(
        client,
        "/api/v1/cctv/faults",
        {"camera": camera.code, "cause": "aliens"},
        camera,
        ts=int(time.time()) + 1,
    )
    assert bad.status_code == 422


@pytest.mark.django_db
def test_uptime_and_mttr_match_hand_computed_values(districts):
    tz = timezone.get_current_timezone()
    start, end = month_bounds(2026, 4)  # April: 30 days = 720 h
    a = CameraFactory(district=districts["centru"], code="A", operational_on=dt.date(2026, 1, 1))
    b = CameraFactory(
        district=districts["centru"], code="B", operational_on=dt.date(2026, 4, 16)
    )  # observed 15 days
    c = CameraFactory(district=districts["gai"], code="C", operational_on=dt.date(2026, 1, 1))
    at = lambda d, h: dt.datetime(2026, 4, d, h, tzinfo=tz)  # noqa: E731
    # A: 10 h power fault + overlapping network fault (+2 h beyond) = 12 h down; repairs 10 h and 6 h.
    f1 = report_fault(camera=a, cause="power", started_at=at(2, 0))
    f2 = report_fault(camera=a, cause="network", started_at=at(2, 6))
    repair_fault(fault=f1, repaired_at=at(2, 10))
    repair_fault(fault=f2, repaired_at=at(2, 12))
    # B: 36 h vandalism fault, repaired in April.
    repair_fault(
        fault=report_fault(camera=b, cause="vandalism", started_at=at(20, 0)), repaired_at=at(21, 12)
    )
    # C: a fault from March 31 22:00 to April 1 04:00: 4 h down in April, 6 h repair counted in April.
    march = dt.datetime(2026, 3, 31, 22, tzinfo=tz)
    repair_fault(fault=report_fault(camera=c, cause="power", started_at=march), repaired_at=at(1, 4))

    now = dt.datetime(2026, 5, 10, tzinfo=tz)
    rows = {r.label: r for r in health(start=start, end=end, by="camera", now=now)}
    assert rows["A"].uptime == round(100 * (720 - 12) / 720, 2)  # 98.33
    assert rows["A"].mttr_hours == 8.0  # (10 + 6) / 2
    assert rows["B"].uptime == round(100 * (360 - 36) / 360, 2)  # 90.0
    assert rows["C"].uptime == round(100 * (720 - 4) / 720, 2)  # 99.44
    assert rows["C"].mttr_hours == 6.0

    district = {r.label: r for r in health(start=start, end=end, by="district", now=now)}
    assert district["Centru"].uptime == round(100 * (1080 - 48) / 1080, 2)  # 95.56
    assert district["Centru"].mttr_hours == round((10 + 6 + 36) / 3, 2)
    city = health(start=start, end=end, by="city", now=now)[0]
    assert city.uptime == round(100 * (1800 - 52) / 1800, 2)  # 97.11
    assert city.mttr_hours == round((10 + 6 + 36 + 6) / 4, 2)  # 14.5


@pytest.mark.django_db
def test_lifecycle_refuses_skipping_steps(districts):
    from django.core.exceptions import ValidationError

    from cctv.services.lifecycle import change_status

    camera = CameraFactory(district=districts["centru"], code="P", status=Camera.Status.PLANNED)
    with pytest.raises(ValidationError):
        change_status(camera=camera, to=Camera.Status.OPERATIONAL)
    for step in ("procured", "installed", "operational"):
        change_status(camera=camera, to=step, at=timezone.now())
    assert camera.procured_on and camera.installed_on and camera.operational_on
    assert [s.to_status for s in camera.status_changes.all()] == ["procured", "installed", "operational"]
