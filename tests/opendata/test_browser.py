"""One journey in a real Chromium on a phone: search, filter by a facet, open a dataset,
preview its data page by page and download it; axe-core finds no WCAG 2.1 AA violations."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command

from opendata.models import Resource

pytestmark = pytest.mark.browser
AXE = Path(__file__).parent.parent / "browser" / "vendor" / "axe.min.js"
RUN_AXE = """async () => (await axe.run(document, {runOnly: {type: 'tag',
  values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations.map(v => v.id + ': ' +
  v.nodes.map(n => n.target.join(' ')).join(', '))"""


def _axe(page) -> list[str]:
    page.evaluate(AXE.read_text())  # the CSP refuses an injected inline <script>
    return page.evaluate(RUN_AXE)


@pytest.fixture
def catalogue(transactional_db) -> None:
    call_command("load_demo_opendata", verbosity=0)


def test_find_filter_preview_and_download_on_a_phone(catalogue, live_server, page) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}/ro/opendata/")
    assert _axe(page) == []
    page.get_by_label("Direcția Urbanism și Transport (2)").check()
    page.get_by_role("button", name="Aplicați filtrele").click()
    assert page.get_by_role("heading", name="2 seturi de date").is_visible()
    page.get_by_role("link", name="Stații de transport public Arad").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Stații de transport public Arad"
    assert "ckanapi action package_show id=statii-transport-public" in page.content()
    assert _axe(page) == []

    page.get_by_role("link", name="Previzualizare statii-transport-public.csv").click()
    table = page.get_by_role("table", name="Previzualizarea datelor (12 rânduri)")
    assert table.get_by_role("cell", name="Piața Avram Iancu").is_visible()
    assert _axe(page) == []

    with page.expect_download() as download:
        page.get_by_role("link", name="Descarcă (CSV)").click()
    assert Path(download.value.path()).read_bytes().startswith(b"stop_id,stop_name")
    assert Resource.objects.get(dataset__name="statii-transport-public").downloads == 1
