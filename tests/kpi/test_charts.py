"""The server-drawn SVG charts: coordinates written as numbers, figures and description readable."""

import datetime as dt
import re

import pytest
from django.utils import translation

from portal.kpi import charts


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def coordinates(svg: str) -> list[float]:
    return [float(n) for n in re.findall(r'(?:cx|cy|x|y)="(-?[0-9.]+)"', svg)]


def test_gauge_draws_the_share_of_the_target():
    svg = str(charts.gauge(45.0, target=90, title="Uptime", unit="%"))
    arcs = re.findall(r'<path d="M([0-9.]+),([0-9.]+) A90,90 0 0 1 ([0-9.]+),([0-9.]+)"', svg)
    assert len(arcs) == 2  # the track and the value
    # Half the target: the value arc ends at the top of the half circle (x = centre 110).
    assert [float(v) for v in arcs[1]] == [20.0, 105.0, 110.0, 15.0]
    assert "45 / 90 %" in svg and "(50 %)" in svg and 'role="img"' in svg


def test_line_chart_places_its_points():
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    points = [(start + dt.timedelta(days=d), v) for d, v in ((0, 1.0), (10, 3.0), (20, 2.0))]
    svg = str(charts.line(points, title="Cameras", unit="cameras"))
    assert svg.count("<circle") == 3
    assert all(value >= 0 for value in coordinates(svg))
    assert "2026-01-01: 1 cameras; 2026-01-21: 2 cameras" in svg


def test_a_long_unit_stays_inside_the_charts():
    unit = "másodperc"
    gauge = str(charts.gauge(600, target=1800, title="Lezárás", unit=unit))
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", gauge)
    assert texts == ["600 / 1800", unit]  # the unit on a line of its own
    assert all(len(text) <= charts.GAUGE_LINE for text in texts)

    rows = [("2026-07", 36.0), ("2026-08", 38.0), ("2026-12", 12.0)]
    bars = str(charts.bars(rows, title="Nyugtázás", unit=unit))
    for x, text in re.findall(
        r'<text x="([0-9.]+)" y="[0-9.]+" font-size="13" fill="[^"]+">([^<]+)</text>', bars
    ):
        assert float(x) + len(text) * charts.CHAR_W <= 560, text
