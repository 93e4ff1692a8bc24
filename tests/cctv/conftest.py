"""Fixtures of the camera register: districts. The CSV rows and cameras are built with
tests/factories.py (make_csv, row, make_camera), which other apps' tests use too."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cctv.models import District


@pytest.fixture
def districts(db) -> dict[str, District]:
    return {
        "centru": District.objects.create(name="Centru", slug="centru", road_km=Decimal("40")),
        "gai": District.objects.create(name="Gai", slug="gai", road_km=Decimal("25.5")),
        "bujac": District.objects.create(name="Bujac", slug="bujac", road_km=None),
    }
