"""Fixtures of the camera register: three districts and a signed-in CCTV operator. The CSV
rows, districts and cameras are built with tests/factories.py (make_csv, row, DistrictFactory,
CameraFactory), shared by every app's tests."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cctv.models import District
from tests.factories import DistrictFactory, UserFactory


@pytest.fixture
def districts(db) -> dict[str, District]:
    return {
        "centru": DistrictFactory(name="Centru", slug="centru", road_km=Decimal("40")),
        "gai": DistrictFactory(name="Gai", slug="gai", road_km=Decimal("25.5")),
        "bujac": DistrictFactory(name="Bujac", slug="bujac", road_km=None),
    }


@pytest.fixture
def operator_client(client, django_user_model):
    """The test client, signed in as a member of the CCTV operators group."""
    operator = UserFactory(username="cam-operator", groups=["CCTV operators"])
    client.force_login(operator)
    return client
