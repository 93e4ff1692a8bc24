"""The satisfaction questionnaire on the camera register, a camera's page and a public building's
page, answered by a real Chromium with JavaScript on and off, in the three languages: each answer
lands in that solution's row of the KPI dashboard."""

from __future__ import annotations

import pytest
from django.contrib.gis.geos import Point

from gis.models import PublicBuilding
from portal.core.city import get_city
from tests.browser.test_accessibility import axe_violations
from tests.factories import CameraFactory, DistrictFactory

pytestmark = pytest.mark.browser

HEADINGS = {
    "ro": ("Evaluați registrul camerelor", "Evaluați serviciile clădirii"),
    "en": ("Rate the camera register", "Rate this building's services"),
    "hu": ("Értékelje a kameranyilvántartást", "Értékelje az épület szolgáltatásait"),
}


def _kpi_row(tab, base: str, solution: str) -> tuple[int, str]:
    """(responses, NPS) in the solution's row of the public KPI dashboard."""
    tab.goto(f"{base}/en/kpi/")
    cells = tab.locator(f"#nps-{solution} td")
    return int(cells.nth(0).inner_text()), cells.nth(4).get_attribute("data-nps")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("lang", ["ro", "en", "hu"])
def test_questionnaires_on_camera_and_building_pages_feed_the_kpis(
    browser, live_server, transactional_db, javascript, lang
):
    lat, lon = get_city().center
    camera = CameraFactory(district=DistrictFactory(name="Centru", road_km=None), code="AR-CAM-0901")
    building = PublicBuilding.objects.create(
        name="Primăria",
        slug="primaria",
        address="Bd. Revoluției 75",
        location=Point(lon, lat),
        published=True,
    )
    context = browser.new_context(java_script_enabled=javascript)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    bad: list[str] = []
    tab.on("response", lambda r: r.status >= 400 and bad.append(f"{r.status} {r.url}"))
    base = live_server.url
    assert _kpi_row(tab, base, "cctv") == (0, "None")
    assert _kpi_row(tab, base, "qr_buildings") == (0, "None")
    camera_heading, building_heading = HEADINGS[lang]

    pages = [
        (f"/{lang}/cameras/", camera_heading, 10),
        (f"/{lang}/cameras/{camera.code}/", camera_heading, 3),
        (f"/{lang}/map/buildings/{building.slug}/", building_heading, 9),
    ]
    for path, heading, score in pages:
        tab.goto(base + path)
        section = tab.get_by_role("region", name=heading)
        section.get_by_label(str(score), exact=True).check()
        section.locator("button[type=submit]").click()
        section = tab.get_by_role("region", name=heading)
        section.get_by_role("status").wait_for()
        assert tab.url == base + path  # back where the person answered
        if javascript:  # axe runs in the page: WCAG 2.1 AA with the thanks shown
            assert axe_violations(tab) == [], path

    if javascript:
        # the building's popup on the map leads to its questionnaire
        tab.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
        tab.goto(f"{base}/{lang}/map/?layers=public-buildings")
        tab.wait_for_selector("#gis-map[data-ready=true]")
        tab.click(f".leaflet-marker-icon[title='{building.name}']")
        rate = tab.locator(".leaflet-popup-content a", has_text=building_heading)
        assert rate.get_attribute("href").endswith(f"/map/buildings/{building.slug}/#feedback-qr_buildings")
        # by the keyboard: a pointer click can land beside the link while the map pans the popup in
        rate.press("Enter")
        tab.wait_for_url(f"**/map/buildings/{building.slug}/#feedback-qr_buildings")
        tab.get_by_role("region", name=building_heading).wait_for()
        assert tab.url.endswith(f"/{lang}/map/buildings/{building.slug}/#feedback-qr_buildings")

    # cctv: one promoter (10) and one detractor (3) → NPS 0; buildings: one promoter → 100
    assert _kpi_row(tab, base, "cctv") == (2, "0.0")
    assert _kpi_row(tab, base, "qr_buildings") == (1, "100.0")
    context.close()
    assert not bad, bad
