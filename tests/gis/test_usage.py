"""Map reads count their use without writing to the database; a flush (beat's task, or the KPI
itself) writes the counts, each once."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from gis.kpis import map_use_30_days
from gis.models import MapUsage
from gis.services.usage import count_use, flush_usage
from gis.tasks import flush_map_usage

pytestmark = pytest.mark.django_db

FEATURES = "/api/v1/gis/layers/cadastre-parcels/features"
ITEMS = "/ogcapi/collections/cadastre-parcels/items"
WRITES = ("insert", "update", "delete", "replace")


@pytest.fixture(autouse=True)
def _no_counts_left_by_other_tests() -> None:
    cache.clear()


def writes(queries: CaptureQueriesContext) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if q["sql"].lstrip().lower().startswith(WRITES)]


def counts() -> dict[str, int]:
    return dict(MapUsage.objects.filter(day=timezone.localdate()).values_list("channel", "count"))


def test_features_and_items_reads_write_nothing(client, demo_map):
    for url in (FEATURES, ITEMS, f"{ITEMS}?f=json&limit=2"):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        assert queries.captured_queries  # the features were read from the database...
        assert writes(queries) == []  # ...and nothing was written
    assert counts() == {}


def test_the_flush_task_writes_the_counts_once(client, demo_map):
    for _ in range(3):
        client.get(FEATURES)
    client.get(ITEMS)
    assert flush_map_usage.delay().get() == 4
    assert counts() == {"api": 3, "ogcapi": 1}
    assert flush_usage() == 0  # nothing counted twice
    client.get(FEATURES)
    flush_usage()
    assert counts() == {"api": 4, "ogcapi": 1}


def test_the_kpi_includes_uses_not_yet_flushed(client, demo_map):
    before = map_use_30_days()
    client.get(FEATURES)
    count_use(channel="page")
    assert map_use_30_days() == before + 2
    assert counts()["page"] == 1


def test_beat_runs_the_flush():
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert flush_map_usage.name in tasks


def test_a_process_without_beat_flushes_its_own_counts_when_due(client, demo_map, settings, monkeypatch):
    from gis.services import usage

    settings.MAP_USAGE_FLUSH_SECONDS = 60
    monkeypatch.setattr(usage, "_last_flush", usage.time.monotonic())
    client.get(FEATURES)
    assert counts() == {}  # not due yet: the read wrote nothing
    monkeypatch.setattr(usage, "_last_flush", usage.time.monotonic() - 61)
    client.get(FEATURES)
    assert counts() == {"api": 2}
    client.get(FEATURES)
    assert counts() == {"api": 2}  # the next flush waits another interval
