"""Every Leaflet map of the site by keyboard alone: markers and shapes are Tab stops with a name,
Enter opens the popup and moves focus into it, Escape closes it and focus returns to the marker."""

from __future__ import annotations

import pytest

from tests.db_snapshots import load_demo_data

pytestmark = pytest.mark.browser

ACTIVE = """() => { const a = document.activeElement;
  return {tag: a.tagName, name: a.getAttribute('aria-label') || '',
          inPopup: !!a.closest('.leaflet-popup'), id: a.dataset.probe || ''}; }"""


@pytest.fixture
def city_maps(transactional_db, live_server):
    load_demo_data(
        ("load_demo", {"verbosity": 0}),
        ("load_demo_map", {"verbosity": 0}),
        ("load_demo_cctv", {"verbosity": 0}),
    )
    return live_server


def tab_to(tab, start: str, selector: str, limit: int = 40) -> dict:
    """Focus `start`, then press Tab until the focused element matches `selector`."""
    tab.focus(start)
    for _ in range(limit):
        tab.keyboard.press("Tab")
        if tab.evaluate(f"document.activeElement.matches({selector!r})"):
            tab.evaluate("document.activeElement.dataset.probe = 'opener'")
            return tab.evaluate(ACTIVE)
    raise AssertionError(f"no {selector} reached by Tab from {start}")


def open_and_close(tab) -> None:
    tab.keyboard.press("Enter")
    tab.wait_for_selector(".leaflet-popup")
    assert tab.evaluate(ACTIVE)["inPopup"], "focus did not move into the popup"
    tab.keyboard.press("Escape")
    tab.wait_for_selector(".leaflet-popup", state="detached")
    assert tab.evaluate(ACTIVE)["id"] == "opener", "focus did not return to the marker"


def test_camera_map_markers_work_by_keyboard(city_maps, page):
    page.goto(f"{city_maps.url}/en/cameras/map/")
    page.wait_for_selector("#cctv-map[data-loaded]")
    assert page.locator("#cctv-map path[aria-label]").count() == 0  # no name on a role-less SVG path
    marker = tab_to(page, "#cctv-map", ".leaflet-marker-icon")
    assert marker["name"].startswith("AR-CAM-"), marker
    open_and_close(page)


def test_city_map_markers_and_shapes_work_by_keyboard(city_maps, page):
    page.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    page.goto(f"{city_maps.url}/ro/map/?layers=public-buildings")
    page.wait_for_selector("#gis-map[data-ready=true]")
    marker = tab_to(page, "#gis-map", ".leaflet-marker-icon")
    assert marker["name"], marker
    open_and_close(page)

    page.goto(f"{city_maps.url}/ro/map/?layers=parking")
    page.wait_for_selector("#gis-map[data-ready=true]")
    shape = tab_to(page, "#gis-map", "path.leaflet-interactive")
    assert shape["name"], shape
    open_and_close(page)
