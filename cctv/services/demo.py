"""Loading the demo register and plan (idempotent: rows are matched by their natural keys)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from decimal import Decimal

from django.contrib.gis.geos import Point
from django.db import transaction

from portal.kpi.models import Activity, FundingCommitment, Initiative

from ..demo import data
from ..models import Camera, District

CAMERAS = 60


@transaction.atomic
def load_demo(*, progress: Callable[[str], None] | None = None) -> dict[str, int]:
    """Districts, ~60 cameras near the centre, and demo roadmap and funding rows per solution."""
    say = progress or (lambda message: None)
    districts = []
    for name, slug, km, lat, lon in data.DISTRICTS:
        district, _ = District.objects.update_or_create(slug=slug, defaults={"name": name, "road_km": km})
        districts.append((district, lat, lon))
    say(f"{len(districts)} districts")
    for i in range(CAMERAS):
        district, lat, lon = districts[i % len(districts)]
        angle = i * 2.399963  # golden angle: spread the cameras around each district's centre
        radius = 0.002 + 0.0009 * (i // len(districts))
        purpose = data.PURPOSES[i % len(data.PURPOSES)]
        status = "operational" if i % 12 else ("installed" if i % 24 else "planned")
        Camera.objects.update_or_create(
            code=f"AR-CAM-{i + 1:04d}",
            defaults={
                "name": f"{data.STREETS[i % len(data.STREETS)]}, {district.name}",
                "location": Point(
                    lon + radius * math.cos(angle) * 1.44, lat + radius * math.sin(angle), srid=4326
                ),
                "district": district,
                "road_segment": data.STREETS[i % len(data.STREETS)],
                "mounting": "pole" if i % 3 else "facade",
                "direction_deg": (i * 47) % 360,
                "fov_deg": 360 if data.TYPES[i % len(data.TYPES)] == "360" else 70 + (i % 3) * 20,
                "range_m": 40 + (i % 5) * 15,
                "camera_type": data.TYPES[i % len(data.TYPES)],
                "purpose": purpose,
                "what_is_filmed": data.FILMED[purpose],
                "what_is_filmed_en": data.FILMED_EN[purpose],
                "what_is_filmed_hu": data.FILMED_HU[purpose],
                "operator": "Poliția Locală Arad",
                "owner": "Municipiul Arad",
                "legal_basis": data.LEGAL_BASIS,
                "retention_days": 30,
                "privacy_masking": True,
                "signage_present": i % 7 != 0,
                "dpia_reference": "DPIA-CCTV-2026-01",
                "contact": "dpo@primariaarad.example",
                "status": status,
                "procured_on": dt.date(2026, 5, 20) if status != "planned" else None,
                "installed_on": dt.date(2026, 7, 1) if status != "planned" else None,
                "operational_on": dt.date(2026, 7, 15) if status == "operational" else None,
                "procurement_reference": "SEAP-CN-2026-0142",
                "funding_source": "pnrr" if i % 2 else "local",
                "cost": Decimal("14500.00")
                if data.TYPES[i % len(data.TYPES)] != "ptz"
                else Decimal("21800.00"),
                "stream_url": f"rtsp://vms.arad.local/cam{i + 1:04d}",
            },
        )
    say(f"{CAMERAS} cameras")
    activities = 0
    for solution, title, items in data.ROADMAP:
        initiative, _ = Initiative.objects.update_or_create(solution=solution, title=title)
        for order, (name, status, p_start, p_end, a_start, a_end) in enumerate(items):
            Activity.objects.update_or_create(
                initiative=initiative,
                title=name,
                defaults={
                    "status": status,
                    "planned_start": p_start,
                    "planned_end": p_end,
                    "actual_start": a_start,
                    "actual_end": a_end,
                    "sort_order": order,
                },
            )
            activities += 1
    say(f"{activities} roadmap activities")
    for solution, source, funder, amount, on in data.FUNDING:
        FundingCommitment.objects.update_or_create(
            solution=solution, source=source, funder=funder, defaults={"amount": amount, "committed_on": on}
        )
    say(f"{len(data.FUNDING)} funding commitments")
    return {
        "districts": len(districts),
        "cameras": CAMERAS,
        "activities": activities,
        "funding": len(data.FUNDING),
    }
