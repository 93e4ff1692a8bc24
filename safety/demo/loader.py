"""Load the demo call points, alert buttons, their alert history and the e-service to request a
button: `manage.py load_demo_safety` (idempotent: devices by code, alerts by event id, the
service page by slug). Run after the city (load_demo) and the districts (load_demo_cctv)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.contrib.gis.geos import Point
from django.db import transaction
from django.utils import timezone

from cctv.models import District
from portal.core.demo.loader import load_services

from ..models import Alert, Device
from . import data

OUTCOMES = ("assistance", "false_alarm", "accidental", "emergency")


@transaction.atomic
def load_demo_safety(*, progress: Callable[[str], None] | None = None) -> dict[str, int]:
    say = progress or (lambda message: None)
    districts = {d.slug: d for d in District.objects.all()}
    today = timezone.localdate()
    for spec in data.DEVICES:
        in_service = spec.status in ("installed", "operational")
        Device.objects.update_or_create(
            code=spec.code,
            defaults={
                "kind": spec.kind,
                "name": spec.place,
                "location": Point(spec.lon, spec.lat, srid=4326),
                "district": districts.get(spec.district),
                "business_name": spec.site,
                "operator": data.OPERATOR,
                "status": spec.status,
                "installed_on": dt.date(2026, 3, 2) if in_service else None,
                "operational_on": dt.date(2026, 3, 16) if spec.status == "operational" else None,
            },
        )
    say(f"{len(data.DEVICES)} call points and alert buttons")
    alerts = _history(today)
    say(f"{alerts} alerts in the last six months (device tests included)")
    pages = load_services([data.SERVICE])
    say(f"the alert-button e-service ({pages.pages} pages)")
    return {"devices": len(data.DEVICES), "alerts": alerts, "service pages": pages.pages}


def _history(today: dt.date) -> int:
    """Handled alerts over six months, with a monthly test of every button; times believable."""
    working = list(Device.objects.filter(status="operational").order_by("code"))
    count = 0
    tz = timezone.get_current_timezone()
    for months_ago in range(6):
        year, month = today.year, today.month - months_ago
        while month < 1:
            year, month = year - 1, month + 12
        for i, device in enumerate(working):
            day = min(3 + i * 2, 27)
            if dt.date(year, month, day) >= today:
                continue
            raised = dt.datetime(year, month, day, 9 + i % 8, 15, tzinfo=tz)
            count += _alert(
                device, f"test-{year}{month:02d}-{device.code}", raised, test=True, ack=20, close=60
            )
            if (i + months_ago) % 3 == 0:
                ack, close = 12 + (i * 7 + months_ago * 5) % 50, 600 + (i * 311 + months_ago * 97) % 2400
                outcome = OUTCOMES[(i + months_ago) % len(OUTCOMES)]
                raised = raised + dt.timedelta(days=1, hours=5)
                count += _alert(
                    device,
                    f"demo-{year}{month:02d}-{device.code}",
                    raised,
                    ack=ack,
                    close=close,
                    outcome=outcome,
                )
    return count


def _alert(
    device: Device,
    event: str,
    raised: dt.datetime,
    *,
    ack: int,
    close: int,
    test: bool = False,
    outcome: str = "test",
) -> int:
    Alert.objects.update_or_create(
        device=device,
        event_id=event,
        defaults={
            "raised_at": raised,
            "is_test": test,
            "status": Alert.Status.CLOSED,
            "acknowledged_at": raised + dt.timedelta(seconds=ack),
            "closed_at": raised + dt.timedelta(seconds=close),
            "outcome": outcome,
            "dispatch_note": "" if test else "Echipaj al Poliției Locale trimis la fața locului.",
        },
    )
    return 1
