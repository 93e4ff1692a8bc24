from __future__ import annotations

import pytest
from django.core.cache import cache

from tests.factories import DistrictFactory

from .factories import CycleFactory, DistrictBudgetFactory, ParticipantFactory


@pytest.fixture(autouse=True)
def _fresh_counters():
    cache.clear()  # the rate-limit counters live in the cache
    yield
    cache.clear()


@pytest.fixture
def cycle(db):
    return CycleFactory()


@pytest.fixture
def district(cycle):
    district = DistrictFactory(name="Micălaca", slug="micalaca")
    DistrictBudgetFactory(cycle=cycle, district=district, amount=300_000)
    return district


@pytest.fixture
def resident(district):
    return ParticipantFactory(district=district)
