"""The map's read path on large layers: one query per page (layer metadata and counts from the
cache, refreshed when layers, features or imports change), no writes, counts that stop at
GIS_EXACT_COUNT_MAX while the next links still reach every feature, and the same GeoJSON whether
the database or Python writes it."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.gis.geos import Point
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gis import selectors
from gis.models import Feature, Layer
from tests.factories import FeatureFactory, LayerFactory

ROOT = Path(__file__).resolve().parents[2]
ITEMS = "/ogcapi/collections/{}/items"
WRITES = ("INSERT", "UPDATE", "DELETE")


@pytest.fixture
def grid(db) -> Layer:
    """A layer of 60 points on a 10 × 6 grid, ids in creation order."""
    layer = LayerFactory(key="grid", title="Grid", geometry_type="Point")
    for i in range(60):
        FeatureFactory(
            layer=layer,
            external_id=f"g{i}",
            name=f"Point {i}",
            geometry=Point(21.30 + (i % 10) * 0.001, 46.18 + (i // 10) * 0.001, srid=4326),
            properties={"n": i, "kind": "odd" if i % 2 else "even"},
        )
    return layer


def _writes(queries: list[dict]) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)]


def test_a_page_costs_one_query_and_writes_nothing(client, grid):
    url = ITEMS.format("grid")
    client.get(url, {"limit": 5})  # fills the cache
    with CaptureQueriesContext(connection) as queries:
        body = client.get(url, {"limit": 5, "offset": 10}).json()
    assert [f["properties"]["n"] for f in body["features"]] == [10, 11, 12, 13, 14]
    assert body["numberMatched"] == 60 and body["numberReturned"] == 5
    assert len(queries) == 1, [q["sql"] for q in queries]
    with CaptureQueriesContext(connection) as queries:
        client.get(url, {"bbox": "21.2995,46.1795,21.3045,46.1825", "limit": 3})
        client.get("/api/v1/gis/layers/grid/features", {"limit": 3})
        client.get(f"{url}/{grid.features.first().pk}")
    assert _writes(queries) == []


def test_cached_metadata_and_counts_follow_edits_and_bulk_imports(client, grid):
    url = ITEMS.format("grid")
    assert client.get(url).json()["numberMatched"] == 60
    grid.title = "Renamed grid"
    grid.save()
    assert client.get("/ogcapi/collections/grid?f=json").json()["title"] == "Renamed grid"
    Feature.objects.filter(layer=grid, external_id="g0").delete()
    assert client.get(url).json()["numberMatched"] == 59
    grid.public = False
    grid.save()
    assert client.get(url).status_code in (302, 404)  # LocaleMiddleware may redirect a 404
    grid.public = True
    grid.save()

    from gis.services.importer import _save_chunk

    extra = [(None, Point(21.31, 46.19, srid=4326), f"x{i}", f"New {i}", {}) for i in range(3)]
    _save_chunk(grid, extra, dt.datetime.now(dt.UTC))  # bulk_create: no signals
    assert client.get(url).json()["numberMatched"] == 62


def test_counts_stop_at_the_cap_and_next_links_still_reach_every_feature(client, grid, settings):
    settings.GIS_EXACT_COUNT_MAX = 10
    url = ITEMS.format("grid")
    first = client.get(url, {"kind": "odd", "limit": 7}).json()
    assert "numberMatched" not in first and first["numberReturned"] == 7  # 30 odd points > 10
    seen, page = [], first
    while True:
        seen += [f["properties"]["n"] for f in page["features"]]
        following = [link["href"] for link in page["links"] if link["rel"] == "next"]
        if not following:
            break
        page = client.get(following[0]).json()
    assert seen == list(range(1, 60, 2))
    assert page["numberMatched"] == 30  # the last page knows: everything before it plus itself

    small = client.get(url, {"bbox": "21.2995,46.1795,21.3025,46.1805", "limit": 2}).json()
    assert small["numberMatched"] == 3 and small["numberReturned"] == 2  # under the cap: exact
    api = client.get("/api/v1/gis/layers/grid/features", {"kind": "odd", "limit": 5}).json()
    assert api["numberMatched"] is None and api["more"] is True
    whole = client.get("/api/v1/gis/layers/grid/features", {"limit": 100}).json()
    assert whole["numberMatched"] == 60 and whole["more"] is False
    past = client.get(url, {"kind": "odd", "offset": 500}).json()
    assert past["numberReturned"] == 0 and not any(link["rel"] == "next" for link in past["links"])


@pytest.mark.parametrize("offset", [0, 250])
def test_pages_match_the_single_feature_documents(client, db, offset):
    """The page's GeoJSON (written by PostgreSQL there, by Python elsewhere) is the feature's own,
    at the shallow and the deep-offset query alike."""
    layer = LayerFactory(key="docs", title="Docs", geometry_type="Point")
    Feature.objects.bulk_create(
        Feature(layer=layer, name=f"P{i}", geometry=Point(21.3, 46.18, srid=4326)) for i in range(offset)
    )
    odd = FeatureFactory(
        layer=layer,
        name='Şcoala "Nr. 1" – ăîâ',
        external_id="e-1",
        geometry=Point(21.3123456, 46.1866543, srid=4326),
        properties={"name": "from the file", "nested": {"a": [1, 2.5, None]}, "flag": True},
        time=dt.datetime(2026, 3, 1, 8, 30, 15, 123456, tzinfo=dt.UTC),
    )
    page = client.get(ITEMS.format("docs"), {"offset": offset, "limit": 1}).json()["features"][0]
    own = selectors.get_feature(selectors.get_layer("docs"), str(odd.pk))
    assert page["properties"] == own["properties"] and page["id"] == odd.pk
    assert page["geometry"]["coordinates"] == pytest.approx(own["geometry"]["coordinates"], abs=1e-7)
    assert page["properties"]["name"] == "from the file"


def test_production_pools_database_connections() -> None:
    code = "from django.conf import settings; import json; print(json.dumps(settings.DATABASES['default']))"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "x" * 60,
        "DATABASE_URL": "postgis://arad@127.0.0.1:5432/arad",
    }
    pooled = json.loads(_settings(code, env))
    assert pooled["OPTIONS"]["pool"]["max_size"] >= 1 and pooled["CONN_MAX_AGE"] == 0
    persistent = json.loads(_settings(code, {**env, "DATABASE_POOL": "false"}))
    assert "pool" not in persistent.get("OPTIONS", {})
    assert persistent["CONN_MAX_AGE"] == 600 and persistent["CONN_HEALTH_CHECKS"] is True


def _settings(code: str, env: dict[str, str]) -> str:
    script = f"import django; django.setup(); {code}"
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip().splitlines()[-1]
