"""A small city for the registry's tests: a home page, a department and two services (one
with an online form and a 30-day term), independent of the full demo content."""

from __future__ import annotations

import pytest

from tests.factories import SmallCity, UserFactory, build_city

ONE_PIXEL_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def city(db) -> SmallCity:
    return build_city()


@pytest.fixture(autouse=True)
def _private_media(tmp_path, settings):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.WAGTAILADMIN_BASE_URL = "https://portal.example"


@pytest.fixture
def clerk(db, django_user_model):
    user = UserFactory(username="clerk", password="clerk-pass-123", groups=["Registry clerks"])
    return user
