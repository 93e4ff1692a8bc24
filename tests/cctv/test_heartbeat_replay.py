"""Signed heartbeats as the VMS sends them: a fresh nonce per request stops replays while several
heartbeats may be signed in the same second; clocks ahead, future times and cameras that cannot be
alive are refused with a message, never a server error."""

import datetime as dt
import json
import time
import uuid

import pytest
from django.conf import settings
from django.utils import timezone

from cctv.models import Camera, SignedNonce
from cctv.services.health import SignatureError, authenticate, sign
from tests.factories import CameraFactory

from .devices import device_post
from .test_health import post_signed

HEARTBEAT = "/api/v1/cctv/heartbeat"


@pytest.mark.django_db
def test_two_heartbeats_signed_in_the_same_second_are_both_accepted(client, districts):
    camera = CameraFactory(district=districts["centru"], code="AR-CAM-0001")
    ts = int(time.time())

    first = post_signed(client, HEARTBEAT, {"camera": camera.code}, camera, ts=ts)
    second = post_signed(client, HEARTBEAT, {"camera": camera.code}, camera, ts=ts)

    assert (first.status_code, second.status_code) == (202, 202), second.content
    assert SignedNonce.objects.filter(camera=camera).count() == 2


@pytest.mark.django_db
def test_a_captured_request_or_its_nonce_cannot_be_used_again(client, districts):
    camera = CameraFactory(district=districts["centru"], code="AR-CAM-0001")
    body = json.dumps({"camera": camera.code, "nonce": uuid.uuid4().hex}).encode()
    ts = int(time.time())
    headers = {
        "X-CCTV-Timestamp": str(ts),
        "X-CCTV-Signature": sign(secret=camera.vms_secret, timestamp=ts, body=body),
    }

    assert client.post(HEARTBEAT, body, content_type="application/json", headers=headers).status_code == 202
    replay = client.post(HEARTBEAT, body, content_type="application/json", headers=headers)
    assert replay.status_code == 401 and "replayed" in replay.json()["detail"]

    # The same nonce signed again a second later (a forger cannot, but a buggy VMS might).
    again = post_signed(client, HEARTBEAT, json.loads(body), camera, ts=ts + 1)
    assert again.status_code == 401 and "nonce already used" in again.json()["detail"]
    # Another camera may use the same value: nonces are per camera.
    other = CameraFactory(district=districts["centru"], code="AR-CAM-0002")
    assert (
        post_signed(client, HEARTBEAT, {**json.loads(body), "camera": other.code}, other).status_code == 202
    )


@pytest.mark.django_db
def test_a_clock_ahead_inside_the_window_does_not_lock_the_camera_out(client, districts):
    camera = CameraFactory(district=districts["centru"], code="AR-CAM-0001")
    window = settings.CCTV_SIGNATURE_WINDOW
    now = int(time.time())

    ahead = post_signed(client, HEARTBEAT, {"camera": camera.code}, camera, ts=now + window - 10)
    assert ahead.status_code == 202, ahead.content
    back = post_signed(client, HEARTBEAT, {"camera": camera.code}, camera, ts=now)
    assert back.status_code == 202, back.content

    too_far = post_signed(client, HEARTBEAT, {"camera": camera.code}, camera, ts=now + window + 60)
    assert too_far.status_code == 401
    assert f"more than {window} s ahead of the server's clock" in too_far.json()["detail"]
    stale = post_signed(client, HEARTBEAT, {"camera": camera.code}, camera, ts=now - window - 60)
    assert stale.status_code == 401 and "older than" in stale.json()["detail"]


@pytest.mark.django_db
def test_a_heartbeat_time_in_the_future_is_refused_with_a_message(client, districts):
    camera = CameraFactory(district=districts["centru"], code="AR-CAM-0001", status=Camera.Status.INSTALLED)
    window = settings.CCTV_SIGNATURE_WINDOW
    future = timezone.now() + dt.timedelta(seconds=window + 3600)

    response = post_signed(client, HEARTBEAT, {"camera": camera.code, "at": future.isoformat()}, camera)

    assert response.status_code == 400
    assert "“at”" in response.json()["detail"] and "in the future" in response.json()["detail"]
    camera.refresh_from_db()
    assert camera.last_heartbeat_at is None and camera.status == Camera.Status.INSTALLED

    naive = (timezone.localtime() + dt.timedelta(days=2)).replace(tzinfo=None).isoformat()
    assert post_signed(client, HEARTBEAT, {"camera": camera.code, "at": naive}, camera).status_code == 400
    fault = post_signed(
        client,
        "/api/v1/cctv/faults",
        {"camera": camera.code, "cause": "power", "started_at": future.isoformat()},
        camera,
    )
    assert fault.status_code == 400 and "“started_at”" in fault.json()["detail"]

    slightly_ahead = timezone.now() + dt.timedelta(seconds=min(30, window // 2))
    ok = post_signed(client, HEARTBEAT, {"camera": camera.code, "at": slightly_ahead.isoformat()}, camera)
    assert ok.status_code == 202 and ok.json()["status"] == "operational"


@pytest.mark.django_db
@pytest.mark.parametrize("status", [Camera.Status.PLANNED, Camera.Status.DECOMMISSIONED])
def test_planned_and_decommissioned_cameras_cannot_send_heartbeats(client, districts, status):
    camera = CameraFactory(district=districts["centru"], code="AR-CAM-0001", status=status)

    response = post_signed(client, HEARTBEAT, {"camera": camera.code}, camera)

    assert response.status_code == 409
    assert f"Camera {camera.code} is {status}: it cannot send heartbeats." == response.json()["detail"]
    fault = post_signed(client, "/api/v1/cctv/faults", {"camera": camera.code, "cause": "power"}, camera)
    assert fault.status_code == 409 and "cannot be faulty" in fault.json()["detail"]
    camera.refresh_from_db()
    assert camera.status == status and camera.last_heartbeat_at is None
    assert not camera.status_changes.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("nonce", [None, "short", "x" * 65, "not allowed!chars-1234"])
def test_a_missing_or_malformed_nonce_is_refused(client, districts, nonce):
    camera = CameraFactory(district=districts["centru"], code="AR-CAM-0001")
    payload = {"camera": camera.code} if nonce is None else {"camera": camera.code, "nonce": nonce}
    body = json.dumps(payload).encode()
    ts = int(time.time())
    headers = {
        "X-CCTV-Timestamp": str(ts),
        "X-CCTV-Signature": sign(secret=camera.vms_secret, timestamp=ts, body=body),
    }

    response = client.post(HEARTBEAT, body, content_type="application/json", headers=headers)

    assert response.status_code == 422
    assert "nonce" in json.dumps(response.json())
    assert not SignedNonce.objects.exists()


@pytest.mark.django_db
def test_nonces_are_forgotten_once_their_timestamp_leaves_the_window(districts):
    camera = CameraFactory(district=districts["centru"], code="AR-CAM-0001")
    window = settings.CCTV_SIGNATURE_WINDOW
    now = timezone.now()

    def signed(ts: int, nonce: str, at: dt.datetime) -> None:
        body = json.dumps({"camera": camera.code, "nonce": nonce}).encode()
        signature = sign(secret=camera.vms_secret, timestamp=ts, body=body)
        authenticate(code=camera.code, timestamp=str(ts), signature=signature, body=body, nonce=nonce, now=at)

    old = uuid.uuid4().hex
    signed(int(now.timestamp()), old, now)
    with pytest.raises(SignatureError, match="replayed"):
        signed(int(now.timestamp()), old, now)

    later = now + dt.timedelta(seconds=2 * window + 5)
    signed(int(later.timestamp()), uuid.uuid4().hex, later)
    assert list(SignedNonce.objects.values_list("nonce", flat=True)) != [old]
    assert not SignedNonce.objects.filter(nonce=old).exists()
    with pytest.raises(SignatureError, match="older than"):  # the old request is stale by now
        signed(int(now.timestamp()), old, later)


def test_a_device_over_http_sends_heartbeats_in_the_same_second(transactional_db, live_server, districts):
    camera = CameraFactory(district=districts["centru"], code="AR-CAM-0001", status=Camera.Status.INSTALLED)
    gone = CameraFactory(district=districts["gai"], code="AR-CAM-0002", status=Camera.Status.DECOMMISSIONED)
    url = f"{live_server.url}{HEARTBEAT}"
    ts = int(time.time())

    first = device_post(url, camera, {"camera": camera.code}, ts)
    second = device_post(url, camera, {"camera": camera.code}, ts)
    refused = device_post(url, gone, {"camera": gone.code}, ts)

    assert first[0] == 202 and first[1]["status"] == "operational"
    assert second[0] == 202
    assert refused == (409, {"detail": f"Camera {gone.code} is decommissioned: it cannot send heartbeats."})
