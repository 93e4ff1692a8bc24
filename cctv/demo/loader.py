"""Load the demo camera register: `manage.py load_demo_cctv` (idempotent: districts are matched by
slug, cameras by code)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from decimal import Decimal

from django.contrib.gis.geos import Point
from django.db import transaction

from ..models import Camera, District
from . import data

CAMERAS = 60


@transaction.atomic
def load_demo_cctv(*, progress: Callable[[str], None] | None = None) -> dict[str, int]:
    """Districts and 60 cameras spread around their centres; the roadmap and funding are portal.kpi's."""
    say = progress or (lambda message: None)
    districts = []
    for spec in data.DISTRICTS:
        district, _ = District.objects.update_or_create(
            slug=spec.slug, defaults={"name": spec.name, "road_km": spec.road_km}
        )
        districts.append((district, spec.lat, spec.lon))
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
                **data.FILMED[purpose].columns("what_is_filmed"),
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
    return {
        "districts": len(districts),
        "cameras": CAMERAS,
    }
