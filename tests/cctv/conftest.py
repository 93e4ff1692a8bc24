"""Fixtures of the camera register: districts and a CSV generator for bulk imports."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from django.contrib.gis.geos import Point

from cctv.models import Camera, District

HEADER = [
    "code",
    "name",
    "lat",
    "lon",
    "district",
    "camera_type",
    "purpose",
    "operator",
    "owner",
    "legal_basis",
    "retention_days",
    "direction_deg",
    "fov_deg",
    "range_m",
    "status",
    "what_is_filmed",
    "stream_url",
]


@pytest.fixture
def districts(db) -> dict[str, District]:
    return {
        "centru": District.objects.create(name="Centru", slug="centru", road_km=Decimal("40")),
        "gai": District.objects.create(name="Gai", slug="gai", road_km=Decimal("25.5")),
        "bujac": District.objects.create(name="Bujac", slug="bujac", road_km=None),
    }


def row(i: int, **overrides) -> dict[str, str]:
    values = {
        "code": f"AR-CAM-{i:04d}",
        "name": f"Strada Test {i}",
        "lat": f"{46.17 + (i % 50) * 0.0006:.6f}",
        "lon": f"{21.29 + (i // 50) * 0.0006:.6f}",
        "district": "Centru" if i % 2 else "gai",
        "camera_type": ["fixed_hd", "ptz", "360", "thermal", "anpr"][i % 5],
        "purpose": ["traffic", "public_order", "parking", "building_protection"][i % 4],
        "operator": "Poliția Locală Arad",
        "owner": "Municipiul Arad",
        "legal_basis": "Legea 333/2003",
        "retention_days": "30",
        "direction_deg": str(i % 360),
        "fov_deg": "90",
        "range_m": "60",
        "status": "operational",
        "what_is_filmed": "Intersecție",
        "stream_url": f"rtsp://vms.internal/cam{i}?user=admin&password=s3cret",
    }
    values.update(overrides)
    return values


def make_csv(rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=HEADER)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def make_camera(district: District, code: str, *, status: str = Camera.Status.OPERATIONAL, **extra) -> Camera:
    values = dict(
        name=f"Camera {code}",
        location=Point(21.3123, 46.1866, srid=4326),
        district=district,
        camera_type="fixed_hd",
        purpose="traffic",
        operator="Poliția Locală",
        owner="Municipiul Arad",
        legal_basis="Legea 333/2003",
        retention_days=30,
        status=status,
        stream_url="rtsp://secret.example/stream",
        notes="internal note XYZ",
    )
    values.update(extra)
    return Camera.objects.create(code=code, **values)
