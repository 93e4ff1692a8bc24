"""The camera register's journey in Chromium: an operator imports 500 cameras (a bad file is refused
whole with its row report), the public register and map show them without private fields
(axe-checked), one camera's heartbeats stop and it turns faulty, and the dashboard shows density."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from pytest_django.live_server_helper import LiveServer

from cctv.models import Camera
from cctv.services.health import mark_silent_cameras
from tests.factories import DistrictFactory, make_csv, row

from .devices import device_post

pytestmark = pytest.mark.browser
AXE = Path(__file__).parents[1] / "browser" / "vendor" / "axe.min.js"
RUN_AXE = """async () => (await axe.run(document, {runOnly: {type: 'tag',
  values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations.map(v => v.id + ': ' + v.help)"""


@pytest.fixture
def server(transactional_db, live_server) -> LiveServer:
    """A live server over committed data (two districts with their road lengths)."""
    DistrictFactory(name="Centru", slug="centru", road_km=Decimal("40"))
    DistrictFactory(name="Gai", slug="gai", road_km=Decimal("25.5"))
    return live_server


def heartbeat(base: str, camera: Camera, at: str | None = None) -> int:
    status, _answer = device_post(
        f"{base}/api/v1/cctv/heartbeat", camera, {"camera": camera.code, **({"at": at} if at else {})}
    )
    return status


def test_import_publish_and_heartbeat_journey(page, server, tmp_path):
    live_server = server
    User.objects.create_superuser("operator", "op@example.org", "pass-1234-word")
    good = [row(i) for i in range(1, 501)]
    bad = list(good)
    bad[41] = row(42, camera_type="laser")
    (tmp_path / "bad.csv").write_bytes(make_csv(bad))
    (tmp_path / "good.csv").write_bytes(make_csv(good))

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "operator")
    page.fill("#id_password", "pass-1234-word")
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/admin/cctv/import/")
    page.set_input_files("#id_file", str(tmp_path / "bad.csv"))
    page.click("main button[type=submit]")
    assert "unknown type 'laser'" in page.inner_text("#import-errors")
    assert Camera.objects.count() == 0
    page.set_input_files("#id_file", str(tmp_path / "good.csv"))
    page.click("main button[type=submit]")
    assert "500" in page.inner_text("#import-result")
    assert Camera.objects.count() == 500

    public = page.context.browser.new_context(locale="ro-RO", viewport={"width": 360, "height": 740})
    tab = public.new_page()
    tab.goto(f"{live_server.url}/ro/cameras/")
    assert "500 de camere" in tab.inner_text("caption")
    html = tab.content()
    assert "rtsp://" not in html and "password" not in html
    tab.evaluate(AXE.read_text())  # the CSP refuses an injected inline <script>
    assert tab.evaluate(RUN_AXE) == []
    tab.goto(f"{live_server.url}/ro/cameras/map/")
    tab.wait_for_selector("#cctv-map[data-loaded='500']")
    assert tab.locator(".leaflet-interactive").count() >= 500

    quiet, alive = Camera.objects.get(code="AR-CAM-0001"), Camera.objects.get(code="AR-CAM-0002")
    assert heartbeat(live_server.url, quiet, at="2026-01-01T08:00:00+02:00") == 202
    assert heartbeat(live_server.url, alive) == 202
    assert [c.code for c in mark_silent_cameras()] == ["AR-CAM-0001"]
    tab.goto(f"{live_server.url}/ro/cameras/AR-CAM-0001/")
    assert "defectă" in tab.inner_text("main")

    tab.goto(f"{live_server.url}/ro/kpi/")
    # 500 in service (the faulty one still counts) / (40 + 25.5) km = 7.6336
    assert tab.get_attribute("#kpi-cctvdensity_per_road_km td[data-value]", "data-value") == "7.634"
    tab.evaluate(AXE.read_text())  # the CSP refuses an injected inline <script>
    assert tab.evaluate(RUN_AXE) == []
    public.close()
