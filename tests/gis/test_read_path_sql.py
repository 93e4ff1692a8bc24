"""Pages written directly in SQL (PostgreSQL, no property filter) are the pages the ORM's query
gives: the same features in the same order, the same counts and next pages, for a bbox (one box
or two across the antimeridian), a datetime interval and deep offsets; and a filtered page with
its count is one query. Elsewhere the ORM writes every page and the comparison still holds."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.gis.geos import Point
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from gis import feature_pages, ogcapi, selectors
from gis.models import Feature, Layer, Module
from gis.params import feature_query

QUERIES = [
    "limit=7",
    "limit=7&offset=50",
    "limit=100",
    "bbox=21.3015,46.1805,21.3055,46.1835&limit=4",
    "bbox=21.3015,46.1805,21.3055,46.1835&limit=4&offset=8",
    "bbox=21.3015,46.1805,21.3055,46.1835&limit=50",
    "bbox=21.3015,46.1805,21.3055,46.1835&limit=4&offset=500",
    "bbox=179.5,-10,-179.5,10&limit=5",
    "bbox=21.3,46.18,21.3,46.18&limit=5",
    "datetime=2026-03-01T00:00:00Z/..&limit=6",
    "datetime=../2026-02-15T00:00:00Z&limit=6&offset=3",
    "datetime=2026-03-10T00:00:00Z&limit=6",
    "datetime=2026-01-01T00:00:00Z/2026-12-31T00:00:00Z&bbox=21.2995,46.1795,21.3045,46.1825&limit=3",
    "kind=odd&limit=5",
]


@pytest.fixture
def grid(db) -> Layer:
    """60 points on a 10 × 6 grid near Arad, two on the antimeridian, days in 2026 on most."""
    module = Module.objects.create(key="sql", title="SQL")
    layer = Layer.objects.create(module=module, key="sqlgrid", title="Grid", geometry_type="Point")
    for i in range(60):
        Feature.objects.create(
            layer=layer,
            external_id=f"g{i}",
            name=f"Point {i}",
            geometry=Point(21.30 + (i % 10) * 0.001, 46.18 + (i // 10) * 0.001, srid=4326),
            properties={"n": i, "kind": "odd" if i % 2 else "even"},
            time=None if i % 7 == 0 else dt.datetime(2026, 1, 1, 12, tzinfo=dt.UTC) + dt.timedelta(days=i),
        )
    for i, lon in enumerate((179.9, -179.9)):
        Feature.objects.create(
            layer=layer, name=f"Far {i}", geometry=Point(lon, 0, srid=4326), properties={"n": 100 + i}
        )
    return layer


def _page(grid: Layer, text: str) -> feature_pages.Page:
    info = selectors.get_layer(grid.key)
    query = feature_query(
        QueryDict(text),
        fields=lambda: selectors.queryables(info),
        reserved=ogcapi.RESERVED,
        default_limit=10,
        max_limit=1000,
    )
    return selectors.page(info, query)


@pytest.mark.parametrize("deep_offset", [200, 5])
def test_sql_pages_equal_the_orm_pages(grid, monkeypatch, settings, deep_offset):
    settings.GIS_EXACT_COUNT_MAX = 10  # the box's 12 points run past it
    monkeypatch.setattr(feature_pages, "DEEP_OFFSET", deep_offset)
    direct = {text: _page(grid, text) for text in QUERIES}
    monkeypatch.setattr(feature_pages, "_postgres_where", lambda info, query: None)
    for text in QUERIES:
        through_orm = _page(grid, text)
        assert direct[text] == through_orm, text
    assert direct["bbox=179.5,-10,-179.5,10&limit=5"].matched == 2
    assert direct["bbox=21.3015,46.1805,21.3055,46.1835&limit=4"].matched is None
    assert len(direct["bbox=21.3015,46.1805,21.3055,46.1835&limit=50"].items) == 12
    assert direct["bbox=21.3015,46.1805,21.3055,46.1835&limit=50"].more is False
    assert direct["limit=100"].matched == 62


def test_a_filtered_page_and_its_count_are_one_query_on_postgresql(client, grid):
    client.get("/ogcapi/collections/sqlgrid/items", {"limit": 1})  # fills the layer cache
    with CaptureQueriesContext(connection) as queries:
        body = client.get(
            "/ogcapi/collections/sqlgrid/items",
            {"bbox": "21.3015,46.1805,21.3055,46.1835", "limit": 4, "datetime": "2026-01-01T00:00:00Z/.."},
        ).json()
    assert body["numberReturned"] == 4 and body["numberMatched"] == 10  # 12 in the box, 2 without a day
    if connection.vendor == "postgresql":
        assert len(queries) == 1, [q["sql"] for q in queries]
