"""The map's journey, end to end in Chromium: an editor imports a Stereo 70 GeoPackage of
parcels in the admin, sees them at the right place on the public map (no tile server), finds a
parcel by cadastral number, opens an accessible building page from its QR code, and OWSLib
reads the same layer with a bbox."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import requests
from django.contrib.auth.models import User
from django.core.management import call_command
from owslib.ogcapi.features import Features

from gis.geodesy import distance_m
from gis.models import Module
from tests.factories import LayerFactory
from tests.qr_decoding import decode_qr_png

from .conftest import ARAD

pytestmark = pytest.mark.browser
AXE = Path(__file__).parent.parent / "browser" / "vendor" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page) -> list:
    page.evaluate(AXE.read_text())  # the CSP refuses an injected inline <script>
    return page.evaluate(
        """async (tags) => (await axe.run(document,
        {runOnly: {type: 'tag', values: tags}})).violations.map(v => v.id + ': ' +
        v.nodes.map(n => n.target.join(' ')).join(', '))""",
        WCAG,
    )


def test_import_map_search_qr_and_owslib(transactional_db, live_server, page, settings, stereo70_gpkg):
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    call_command("load_demo_map", verbosity=0)
    LayerFactory(
        module=Module.objects.get(key="cadastre"),
        key="parcele-noi",
        title="Parcele importate",
        geometry_type="Polygon",
        kind="cadastre",
        color="#6a1b9a",
    )
    User.objects.create_superuser("editor", "editor@example.org", "Parola-lunga-1")
    page.route("https://tile.openstreetmap.org/**", lambda route: route.abort())

    # 1. import in the admin
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "Parola-lunga-1")
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/admin/gis/import/")
    page.select_option("#id_layer", label="Parcele importate")
    page.set_input_files("#id_file", str(stereo70_gpkg))
    page.fill("#id_id_field", "nr_cad")
    page.click("#gis-import-form button[type=submit]")
    page.wait_for_selector("#import-status")
    assert page.inner_text("#import-created") == "6"
    assert page.inner_text("#import-rejected") == "0"

    # 2. the parcels on the public map, at the right place, without a tile server
    page.goto(f"{live_server.url}/ro/map/?layers=parcele-noi")
    page.wait_for_selector("#gis-map[data-ready=true]")
    # the first parcel's first vertex, as Leaflet drew it, is the city centre within a metre
    lon, lat = page.evaluate("""() => window.gisMap.layers.get('parcele-noi').toGeoJSON().features
        .find(f => f.properties.nr_cad === '300001').geometry.coordinates[0][0]""")
    assert distance_m(lat, lon, *ARAD) < 1.0
    page.wait_for_selector("#gis-notice:not([hidden])")
    assert page.locator(".leaflet-interactive").count() >= 6

    # 3. find a parcel by its cadastral number and show it on the map
    page.fill("#gis-q", "300004")
    page.click(".gis-search button[type=submit]")
    page.wait_for_selector("#gis-map[data-ready=true]")
    page.click("[data-feature^='parcele-noi:']")
    popup = page.wait_for_selector(".leaflet-popup-content")
    assert "Parcela 4" in popup.inner_text()
    assert "feature=parcele-noi" in page.url

    # 4. the building page from its QR code, accessible
    png = requests.get(f"{live_server.url}/ro/map/buildings/primaria-arad/qr.png", timeout=10)
    url = decode_qr_png(png.content)
    assert url == f"{live_server.url}/b/primaria-arad"
    page.goto(url)
    assert page.locator("h1").inner_text().startswith("Primăria Municipiului Arad")
    assert page.locator("html").get_attribute("lang") == "ro"
    violations = axe_violations(page)
    assert not violations, json.dumps(violations, ensure_ascii=False, indent=1)
    page.goto(f"{live_server.url}/ro/map/list/?layer=parcele-noi")
    assert page.locator("table caption").inner_text().startswith("Parcele importate")
    violations = axe_violations(page)
    assert not violations, json.dumps(violations, ensure_ascii=False, indent=1)

    # 5. OWSLib reads the same layer with a bbox around the first two parcels
    client = Features(f"{live_server.url}/ogcapi/")
    items = client.collection_items("parcele-noi", bbox=[21.3120, 46.1864, 21.3132, 46.1872])
    assert sorted(f["properties"]["nr_cad"] for f in items["features"]) == ["300001", "300002"]
