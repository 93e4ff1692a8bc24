"""The operator console: only Safety operators reach it; its JSON lists open alerts (staff data,
never cached); acknowledge, dispatch and close are plain forms recording who and when."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User

from safety.models import Alert, Device
from safety.services import alerts

from .factories import make_device

CONSOLE = "/admin/safety/console/"
FEED = "/admin/safety/console/alerts.json"


@pytest.fixture
def operator(db) -> User:
    user = User.objects.create_user(
        "dispecer", password="pass-1234-word", first_name="Ioana", last_name="Dan"
    )
    user.groups.add(Group.objects.get(name="Safety operators"))
    return user


@pytest.fixture
def alert(db) -> Alert:
    device = make_device("AR-AB-0007", kind=Device.Kind.ALERT_BUTTON)
    return alerts.raise_alert(device=device, event_id="b" * 20)[0]


def test_only_safety_operators_see_the_console(client, alert):
    assert client.get(FEED).status_code in (302, 403)
    clerk = User.objects.create_user("clerk", password="pass-1234-word")
    clerk.groups.add(Group.objects.get(name="Registry clerks"))
    client.force_login(clerk)
    assert client.get(FEED).status_code in (302, 403)
    assert client.post(f"/admin/safety/alerts/{alert.pk}/acknowledge/").status_code in (302, 403)
    alert.refresh_from_db()
    assert alert.acknowledged_at is None


def test_the_feed_lists_open_alerts_and_is_never_cached(client, operator, alert):
    client.force_login(operator)
    page = client.get(CONSOLE)
    assert page.status_code == 200 and "AR-AB-0007" in page.content.decode()
    feed = client.get(FEED)
    assert "no-store" in feed["Cache-Control"] and "private" in feed["Cache-Control"]
    assert feed.json()["open"] == 1
    [row] = feed.json()["alerts"]
    assert row["device"] == "AR-AB-0007" and row["status"] == "open" and row["site"].startswith("Grădinița")


def test_acknowledge_dispatch_and_close_from_the_admin(client, operator, alert):
    client.force_login(operator)
    assert client.post(f"/admin/safety/alerts/{alert.pk}/acknowledge/").status_code == 302
    bad = client.post(f"/admin/safety/alerts/{alert.pk}/dispatch/", {"note": ""})
    assert bad.status_code == 400
    client.post(f"/admin/safety/alerts/{alert.pk}/dispatch/", {"note": "Echipaj 2 trimis."})
    refused = client.post(f"/admin/safety/alerts/{alert.pk}/close/", {"outcome": "nonsense"})
    assert refused.status_code == 400
    client.post(
        f"/admin/safety/alerts/{alert.pk}/close/", {"outcome": "false_alarm", "note": "Apăsat din greșeală."}
    )
    alert.refresh_from_db()
    assert (alert.status, alert.outcome) == ("closed", "false_alarm")
    assert alert.acknowledged_by == alert.dispatched_by == alert.closed_by == operator
    assert client.get(FEED).json()["alerts"] == []
    detail = client.get(f"/admin/safety/alerts/{alert.pk}/").content.decode()
    assert "Echipaj 2 trimis." in detail and "Ioana Dan" in detail
    assert client.get("/admin/safety/alerts/999999/").status_code == 404
