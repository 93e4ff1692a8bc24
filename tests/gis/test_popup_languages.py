"""Map popups in Chromium: a layer title and a camera's description the API could only give in
the original language carry that language's `lang`; translated ones carry none."""

from __future__ import annotations

import pytest
from django.contrib.gis.geos import Point

from tests.factories import CameraFactory, DistrictFactory, FeatureFactory, LayerFactory

pytestmark = pytest.mark.browser


def test_popups_mark_untranslated_texts(page, live_server, transactional_db):
    layer = LayerFactory(key="ro-only", title="Strat doar în română", cluster=False)
    feature = FeatureFactory(layer=layer, name="Punct", geometry=Point(21.31, 46.18, srid=4326))
    camera = CameraFactory(
        code="AR-CAM-0777",
        name="Piața Test",
        location=Point(21.3123, 46.1866, srid=4326),
        district=DistrictFactory(name="Centru"),
        what_is_filmed="Intersecția",
        what_is_filmed_hu="A kereszteződés",
        operator="Poliția Locală",
    )
    page.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    base = live_server.url

    page.goto(f"{base}/en/map/?layers={layer.key}&feature={layer.key}:{feature.pk}")
    page.wait_for_selector("#gis-map[data-ready=true]")
    page.wait_for_selector(".leaflet-popup-content")
    assert page.get_attribute(".gis-popup .meta", "lang") == "ro"
    assert page.inner_text(".gis-popup .meta") == layer.title

    cells = "cells => cells.map(c => [c.textContent, c.getAttribute('lang')])"
    page.goto(f"{base}/en/map/?layers=cctv-cameras&feature=cctv-cameras:{camera.code}")
    page.wait_for_selector("#gis-map[data-ready=true]")
    page.wait_for_selector(".leaflet-popup-content td")
    assert page.get_attribute(".gis-popup .meta", "lang") is None  # the live layer's title is translated
    assert [camera.what_is_filmed, "ro"] in page.eval_on_selector_all(".leaflet-popup-content td", cells)

    page.goto(f"{base}/hu/map/?layers=cctv-cameras&feature=cctv-cameras:{camera.code}")
    page.wait_for_selector("#gis-map[data-ready=true]")
    page.wait_for_selector(".leaflet-popup-content td")
    assert [camera.what_is_filmed_hu, None] in page.eval_on_selector_all(".leaflet-popup-content td", cells)
