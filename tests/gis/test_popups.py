"""Stored XSS through the public maps, in Chromium: properties imported by a GIS editor (an
attribute-breaking `url`, markup in a name, a `javascript:` address) and a camera's name stay
text in the popups, the feature page and the "near me" list; only http(s) addresses are links."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.contrib.gis.geos import Point
from django.core.management import call_command

from gis.models import Feature
from tests.factories import CameraFactory, LayerFactory, PublicBuildingFactory

pytestmark = pytest.mark.browser

BREAKOUT = 'x" onmouseover="window.__xss = 1" data-x="'
MARKUP = '<img src=x onerror="window.__xss = 2"><b onclick="window.__xss = 3">bold</b>'
SCRIPT_URL = "javascript:window.__xss = 4"
# Every element under `root` that the hostile values could have made: the injected image or
# script, or any element with an inline event handler or a script address.
INJECTED = """(root) => Array.from(document.querySelectorAll(root + ' *')).filter((e) =>
    (e.tagName === 'IMG' && e.getAttribute('src') === 'x') || e.tagName === 'SCRIPT' ||
    Array.from(e.attributes).some((a) => a.name.startsWith('on') ||
      /^\\s*javascript:/i.test(a.value))).map((e) => e.outerHTML)"""


def geojson(tmp_path: Path) -> Path:
    """A file as an editor would upload it: three points with hostile and honest properties."""

    def point(lon: float, ref: str, name: str, **props) -> dict:
        return {
            "type": "Feature",
            "properties": {"ref": ref, "name": name, **props},
            "geometry": {"type": "Point", "coordinates": [lon, 46.1866]},
        }

    path = tmp_path / "hostile.geojson"
    collection = {
        "type": "FeatureCollection",
        "features": [
            point(21.310, "breakout", MARKUP, url=BREAKOUT, note=MARKUP),
            point(21.312, "script", "Script link", url=SCRIPT_URL),
            point(21.314, "honest", "Honest link", url="https://example.org/info"),
        ],
    }
    path.write_text(json.dumps(collection))
    return path


@pytest.fixture
def hostile(transactional_db, live_server, tmp_path) -> dict[str, int]:
    """A public layer filled by the real importer from the hostile file: feature ids by ref."""
    LayerFactory(key="hostile", title=MARKUP, cluster=False)
    call_command("import_layer", "hostile", str(geojson(tmp_path)), verbosity=0)
    return dict(Feature.objects.filter(layer__key="hostile").values_list("external_id", "id"))


def open_popup(page, base: str, fid: int) -> object:
    page.goto(f"{base}/ro/map/?layers=hostile&feature=hostile:{fid}")
    page.wait_for_selector("#gis-map[data-ready=true]")
    return page.wait_for_selector(".leaflet-popup-content")


def test_imported_properties_stay_text_in_map_popups(page, live_server, hostile):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    base = live_server.url

    popup = open_popup(page, base, hostile["breakout"])
    assert page.inner_text(".gis-popup__title") == MARKUP  # the markup, shown as text
    assert MARKUP in popup.inner_text() and BREAKOUT not in page.inner_text(".leaflet-popup-content a")
    page.hover(".leaflet-popup-content")
    page.hover(".leaflet-popup-content td")
    assert page.evaluate(INJECTED, "#gis-map") == []
    # not an http(s) address: no link to it; "Details" leads to the feature's own page
    hrefs = page.eval_on_selector_all(".leaflet-popup-content a", "links => links.map(a => a.href)")
    assert hrefs == [f"{base}/ro/map/features/hostile/{hostile['breakout']}/"]
    assert BREAKOUT in page.inner_text(".leaflet-popup-content table")  # shown as a value instead

    open_popup(page, base, hostile["script"])
    assert page.evaluate(INJECTED, "#gis-map") == []
    assert SCRIPT_URL in page.inner_text(".leaflet-popup-content table")
    hrefs = page.eval_on_selector_all(".leaflet-popup-content a", "links => links.map(a => a.href)")
    assert hrefs == [f"{base}/ro/map/features/hostile/{hostile['script']}/"]
    page.press(".leaflet-popup-content a", "Enter")  # the map may still be panning the popup in
    page.wait_for_url(f"{base}/ro/map/features/hostile/{hostile['script']}/")
    # the feature page: the javascript: address is a fact shown as text, not a link
    assert page.evaluate(INJECTED, "main") == []
    assert SCRIPT_URL in page.inner_text("main")

    open_popup(page, base, hostile["honest"])
    hrefs = page.eval_on_selector_all(".leaflet-popup-content a", "links => links.map(a => a.href)")
    assert hrefs == ["https://example.org/info"]

    page.goto(f"{base}/ro/map/features/hostile/{hostile['breakout']}/")
    assert page.evaluate(INJECTED, "main") == [] and MARKUP in page.inner_text("h1")
    assert page.evaluate("window.__xss") is None and dialogs == []


def test_near_me_list_and_camera_popup_stay_text(browser, live_server, transactional_db):
    PublicBuildingFactory(
        name=MARKUP, slug="hostile-building", address=BREAKOUT, location=Point(21.3123, 46.1866, srid=4326)
    )
    CameraFactory(
        code="AR-CAM-0666", name=MARKUP, location=Point(21.3123, 46.1866, srid=4326), operator=BREAKOUT
    )
    context = browser.new_context(
        locale="ro-RO", geolocation={"latitude": 46.1866, "longitude": 21.3123}, permissions=["geolocation"]
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    try:
        page.goto(f"{live_server.url}/ro/map/?layers=public-buildings")
        page.wait_for_selector("#gis-map[data-ready=true]")
        page.click("#gis-near-me")
        page.wait_for_selector("#gis-nearby li a")
        assert page.inner_text("#gis-nearby li a") == MARKUP
        assert page.get_attribute("#gis-nearby li a", "href").endswith("/ro/map/buildings/hostile-building/")
        assert page.evaluate(INJECTED, "#gis-nearby") == []

        # the building's marker on the live layer: its own page is a link (a path on this site)
        page.click(".leaflet-marker-icon[title^='<img']")
        assert page.inner_text(".gis-popup__title") == MARKUP
        assert page.get_attribute(".leaflet-popup-content a", "href").endswith(
            "/ro/map/buildings/hostile-building/"
        )
        assert page.evaluate(INJECTED, "#gis-map") == []

        page.goto(f"{live_server.url}/ro/cameras/map/")
        page.wait_for_selector("#cctv-map[data-loaded='1']")
        page.click("#cctv-map .leaflet-marker-icon")
        popup = page.wait_for_selector(".leaflet-popup-content")
        assert MARKUP in popup.inner_text() and BREAKOUT in popup.inner_text()
        page.hover(".leaflet-popup-content")
        assert page.evaluate(INJECTED, "#cctv-map") == []
        assert page.evaluate("window.__xss") is None and dialogs == []
    finally:
        context.close()
