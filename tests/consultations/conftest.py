from __future__ import annotations

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_counters():
    """The form limits count in the cache: each test starts with none spent."""
    cache.clear()
    yield
    cache.clear()
