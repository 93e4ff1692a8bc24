"""Devices follow the cameras' lifecycle and health model: the same transitions, signed
heartbeats (per-device HMAC, nonce, clock skew), faults and the silent-device sweep."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from cctv.models import Camera
from portal.core.uptime import grouped_health
from safety.models import Device, DeviceFault, DeviceNonce
from safety.services import devices

from .factories import make_device, post_signed

HEARTBEAT = "/api/v1/safety/heartbeat"
FAULTS = "/api/v1/safety/faults"


@pytest.mark.django_db
def test_devices_have_the_cameras_transitions():
    assert Device.TRANSITIONS is Camera.TRANSITIONS
    device = make_device(status=Device.Status.PLANNED)
    with pytest.raises(ValidationError, match="nu poate trece din starea „planificată” în „funcțională”"):
        devices.change_status(device=device, to=Device.Status.OPERATIONAL)  # the reader's language
    with translation.override("en"), pytest.raises(ValidationError, match="A device cannot go from"):
        devices.change_status(device=device, to=Device.Status.OPERATIONAL)
    for step in (Device.Status.PROCURED, Device.Status.INSTALLED):
        devices.change_status(device=device, to=step)
    device.refresh_from_db()
    assert device.installed_on == timezone.localdate()
    assert list(device.status_changes.values_list("to_status", flat=True)) == ["procured", "installed"]


@pytest.mark.django_db
def test_a_signed_heartbeat_brings_an_installed_device_into_service(client):
    device = make_device(status=Device.Status.INSTALLED)
    response = post_signed(client, HEARTBEAT, device, {"device": device.code})
    assert response.status_code == 202, response.content
    assert response.json()["status"] == "operational"
    assert DeviceNonce.objects.filter(device=device).count() == 1


@pytest.mark.django_db
def test_unsigned_replayed_stale_and_future_requests_are_refused(client):
    device = make_device()
    other = make_device("AR-CP-0002")
    payload = {"device": device.code, "nonce": "n" * 20}
    assert post_signed(client, HEARTBEAT, device, payload).status_code == 202
    replay = post_signed(client, HEARTBEAT, device, payload)
    assert replay.status_code == 401 and "nonce already used" in replay.json()["detail"]
    wrong_key = post_signed(client, HEARTBEAT, other, {"device": device.code})
    assert wrong_key.status_code == 401 and "bad signature" in wrong_key.json()["detail"]
    stale = post_signed(client, HEARTBEAT, device, {"device": device.code}, ts=int(time.time()) - 3600)
    assert stale.status_code == 401 and "older than" in stale.json()["detail"]
    future = post_signed(client, HEARTBEAT, device, {"device": device.code}, ts=int(time.time()) + 3600)
    assert future.status_code == 401 and "ahead" in future.json()["detail"]


@pytest.mark.django_db
def test_planned_devices_cannot_send_heartbeats(client):
    device = make_device(status=Device.Status.PLANNED)
    response = post_signed(client, HEARTBEAT, device, {"device": device.code})
    assert response.status_code == 409
    assert response.json()["detail"] == f"Safety device {device.code} is planned: it cannot send heartbeats."


@pytest.mark.django_db
def test_faults_silence_and_repairs_give_uptime(client):
    device = make_device()
    response = post_signed(client, FAULTS, device, {"device": device.code, "cause": "power"})
    assert response.status_code == 201 and response.json()["status"] == "faulty"
    fault = DeviceFault.objects.get(device=device)
    devices.repair_fault(fault=fault, repair="New fuse.")
    device.refresh_from_db()
    assert device.status == Device.Status.OPERATIONAL

    long_ago = timezone.now() - dt.timedelta(hours=2)
    devices.record_heartbeat(device=device, at=long_ago)
    assert [d.code for d in devices.mark_silent_devices()] == [device.code]
    device.refresh_from_db()
    assert device.status == Device.Status.FAULTY
    assert post_signed(client, HEARTBEAT, device, {"device": device.code}).status_code == 202
    device.refresh_from_db()
    assert device.status == Device.Status.OPERATIONAL

    now = timezone.now()
    rows = grouped_health(
        devices=[device],
        faults=DeviceFault.objects.all(),
        owner_field="device",
        label=lambda d: d.code,
        start=now - dt.timedelta(days=1),
        end=now,
        now=now,
    )
    assert rows[0].repairs == 2 and rows[0].uptime is not None and rows[0].uptime < 100


@pytest.mark.django_db
def test_the_safety_operators_group_can_use_the_register():
    group = Group.objects.get(name="Safety operators")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"access_admin", "view_device", "change_device", "view_alert", "change_alert"} <= codenames
    assert not {"add_alert", "delete_alert"} & codenames  # alerts come from devices, and stay
