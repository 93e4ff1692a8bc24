"""Alerts: a device's signed alert is recorded once (a resent event is not a second alert); the
operator's steps keep time and operator; device tests never count in the response times. The
API answers bad input with a clear 4xx (fuzzed with hypothesis), never a 500."""

from __future__ import annotations

import datetime as dt
import json
import time

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.core.signing import sign
from safety.models import Alert, Device
from safety.selectors.alerts import percentile, response_times
from safety.services import alerts

from .factories import alert_payload, make_device, post_signed

ALERTS = "/api/v1/safety/alerts"


@pytest.mark.django_db
def test_a_signed_alert_is_recorded_once_even_when_resent(client):
    device = make_device(kind=Device.Kind.ALERT_BUTTON)
    payload = alert_payload(device)
    first = post_signed(client, ALERTS, device, payload)
    assert first.status_code == 201, first.content
    again = post_signed(client, ALERTS, device, payload)  # same event, fresh nonce
    assert again.status_code == 200 and again.json()["created"] is False
    assert Alert.objects.get().pk == first.json()["alert"] == again.json()["alert"]


@pytest.mark.django_db
def test_alerts_of_devices_not_installed_or_from_the_future_are_refused(client):
    planned = make_device(status=Device.Status.PLANNED)
    refused = post_signed(client, ALERTS, planned, alert_payload(planned))
    assert refused.status_code == 409 and "cannot raise alerts" in refused.json()["detail"]
    device = make_device("AR-CP-0002")
    future = (timezone.now() + dt.timedelta(hours=1)).isoformat()
    response = post_signed(client, ALERTS, device, alert_payload(device, raised_at=future))
    assert response.status_code == 400 and "in the future" in response.json()["detail"]
    assert not Alert.objects.exists()


@pytest.mark.django_db
def test_each_step_is_timestamped_and_by_whom():
    operator = User.objects.create_user("ana", first_name="Ana", last_name="Pop")
    alert, _ = alerts.raise_alert(device=make_device(), event_id="e" * 20)
    alerts.acknowledge(alert=alert, by=operator)
    with pytest.raises(ValidationError):
        alerts.dispatch(alert=alert, by=operator, note="  ")
    alerts.dispatch(alert=alert, by=operator, note="Patrol 3 sent.")
    alert = alerts.close(alert=alert, by=operator, outcome=Alert.Outcome.ASSISTANCE, note="Lost child found.")
    assert alert.status == Alert.Status.CLOSED
    assert alert.raised_at <= alert.acknowledged_at <= alert.dispatched_at <= alert.closed_at
    assert alert.acknowledged_by == alert.dispatched_by == alert.closed_by == operator
    with pytest.raises(ValidationError, match="already closed"):
        alerts.acknowledge(alert=alert, by=operator)


@pytest.mark.django_db
def test_response_times_leave_device_tests_out():
    operator = User.objects.create_user("ana")
    device = make_device()
    now = timezone.now()
    for seconds, test in ((10, False), (30, False), (50, False), (999, True)):
        alert, _ = alerts.raise_alert(
            device=device,
            event_id=f"event-{seconds:0>16}",
            raised_at=now - dt.timedelta(seconds=seconds),
            is_test=test,
        )
        alerts.acknowledge(alert=alert, by=operator, at=now)
        alerts.close(alert=alert, by=operator, outcome="test" if test else "false_alarm", at=now)
    times = response_times(year=timezone.localdate().year, month=timezone.localdate().month)
    assert times.incidents == 3
    assert times.acknowledge_p50 == pytest.approx(30, abs=1)
    assert times.acknowledge_p90 == pytest.approx(50, abs=1)
    assert percentile([], 50) is None


@pytest.mark.django_db
def test_the_kpis_show_the_month_without_tests():
    from portal.kpi.registry import discover

    operator = User.objects.create_user("ana")
    alert, _ = alerts.raise_alert(
        device=make_device(), event_id="x" * 20, raised_at=timezone.now() - dt.timedelta(seconds=20)
    )
    alerts.acknowledge(alert=alert, by=operator)
    kpis = discover()
    assert kpis["safety.acknowledge_p50"].compute() == pytest.approx(20, abs=2)
    assert kpis["safety.close_p50"].compute() is None
    assert kpis["safety.call_points"].compute() == 1
    label, value = kpis["safety.acknowledge_p90"].breakdown()[-1]
    assert label == f"{timezone.localdate():%Y-%m}" and value == pytest.approx(20, abs=2)


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=10,
)


@pytest.mark.django_db
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    fields=st.fixed_dictionaries(
        {},
        optional={
            "device": st.one_of(st.just("AR-CP-0001"), st.text(max_size=50), JSONISH),
            "event": st.one_of(st.text(alphabet="abcdef0123456789", min_size=16, max_size=70), JSONISH),
            "nonce": st.one_of(st.text(alphabet="abc123_-", min_size=0, max_size=70), JSONISH),
            "raised_at": st.one_of(
                st.datetimes().map(lambda d: d.isoformat()), st.text(max_size=30), JSONISH
            ),
            "test": JSONISH,
        },
    ),
    raw=st.one_of(st.none(), st.binary(max_size=60)),
    ts_offset=st.integers(min_value=-10_000, max_value=10_000),
    good_signature=st.booleans(),
)
def test_the_alert_api_answers_any_input_with_a_4xx_or_success(
    client, fields, raw, ts_offset, good_signature
):
    device = Device.objects.filter(code="AR-CP-0001").first() or make_device()
    body = raw if raw is not None else json.dumps(fields).encode()
    ts = int(time.time()) + ts_offset
    signature = sign(secret=device.secret, timestamp=ts, body=body) if good_signature else "0" * 64
    response = client.post(
        ALERTS,
        body,
        content_type="application/json",
        headers={"X-Safety-Timestamp": str(ts), "X-Safety-Signature": signature},
    )
    assert response.status_code in (200, 201, 400, 401, 409, 422), response.content
    if response.status_code >= 400:
        detail = response.json()["detail"]
        assert detail


def test_signed_safety_endpoints_declare_both_headers(client):
    document = client.get("/api/v1/openapi.json").json()
    schemes = {k: v for k, v in document["components"]["securitySchemes"].items() if k.startswith("safety")}
    assert {s["name"] for s in schemes.values()} == {"X-Safety-Timestamp", "X-Safety-Signature"}
    for path in ("/api/v1/safety/alerts", "/api/v1/safety/heartbeat", "/api/v1/safety/faults"):
        op = document["paths"][path]["post"]
        assert op["security"] == [dict.fromkeys(schemes, [])] and "401" in op["responses"], path
    assert "security" not in document["paths"]["/api/v1/safety/call-points"]["get"]
