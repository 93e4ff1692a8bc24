"""A layer with more features than the map loads at once (GIS_MAP_FEATURE_LIMIT, set low here):
Chromium shows the part in view, says in a status message that not everything is shown, and
loads the rest as the map moves, until a view holds few enough for the message to go."""

from __future__ import annotations

import pytest
from django.contrib.gis.geos import Point

from gis.models import Feature, Layer, Module

pytestmark = pytest.mark.browser

LIMIT = 20
GRID = [(21.30 + (i % 10) * 0.002, 46.18 + (i // 10) * 0.002) for i in range(100)]  # lon, lat
MARKERS = "document.querySelectorAll('#gis-map .leaflet-marker-icon').length"


@pytest.fixture
def big_layer(transactional_db, live_server, settings) -> Layer:
    settings.GIS_MAP_FEATURE_LIMIT = LIMIT
    settings.MAP_TILE_URL = ""  # no outside tiles in the test
    module = Module.objects.create(key="grids", title="Grile")
    layer = Layer.objects.create(
        module=module, key="grid", title="Grila mare", geometry_type="Point", cluster=False
    )
    for i, (lon, lat) in enumerate(GRID):
        Feature.objects.create(layer=layer, name=f"Punct {i}", geometry=Point(lon, lat))
    return layer


BOUNDS = "(() => { const b = window.gisMap.map.getBounds(); return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]; })()"  # noqa: E501


def in_view(page) -> int:
    west, south, east, north = page.evaluate(BOUNDS)
    return sum(1 for lon, lat in GRID if west <= lon <= east and south <= lat <= north)


def test_the_map_says_when_a_layer_is_not_all_shown(big_layer, live_server, page):
    page.goto(f"{live_server.url}/ro/map/?layers=grid&z=15&lat=46.189&lon=21.309")
    page.wait_for_selector("#gis-map[data-ready='true']")
    notice = page.locator("#gis-partial")
    notice.wait_for(state="visible")
    assert notice.get_attribute("role") == "status"
    text, inside = notice.inner_text(), in_view(page)
    assert inside > LIMIT and "Grila mare" in text and f"afișate {LIMIT} din {inside}" in text, text
    assert page.evaluate(MARKERS) == LIMIT

    # a view holding fewer than the limit: its features are all there and the notice goes
    page.evaluate("window.gisMap.map.setView([46.1801, 21.3001], 18)")
    notice.wait_for(state="hidden")
    page.wait_for_selector("#gis-map[data-ready='true']")
    shown = page.evaluate(MARKERS)
    assert 0 < shown < LIMIT and shown == in_view(page)

    # back to the whole grid: the notice returns
    page.evaluate("window.gisMap.map.setView([46.189, 21.309], 15)")
    notice.wait_for(state="visible")
