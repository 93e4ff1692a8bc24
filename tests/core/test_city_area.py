"""One test of the city's area for every importer: with a boundary file (CITY_BOUNDARY_FILE),
a place inside the configured box but outside the boundary is refused by the map import and
by the camera import alike, each saying why; the parsed boundary is reused between calls."""

from __future__ import annotations

import json
import os
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from cctv.models import Camera
from cctv.services.importer import import_cameras
from gis.models import Feature
from portal.core import city as city_module
from portal.core.city import get_city
from tests.factories import DistrictFactory, LayerFactory, make_csv, row

pytestmark = pytest.mark.django_db


@pytest.fixture
def boundary(tmp_path: Path, settings) -> dict[str, tuple[float, float]]:
    """A boundary covering the west half of the configured box; returns a point (lon, lat)
    inside it and one in the box's east half (inside the box, outside the boundary)."""
    west, south, east, north = get_city().bbox
    middle = (west + east) / 2
    ring = [[west, south], [middle, south], [middle, north], [west, north], [west, south]]
    path = tmp_path / "boundary.geojson"
    feature = {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [ring]}}
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}), encoding="utf-8")
    settings.CITY = {**settings.CITY, "BOUNDARY_FILE": str(path)}
    lat = (south + north) / 2
    return {"inside": ((west + middle) / 2, lat), "outside": ((middle + east) / 2, lat)}


def test_the_box_alone_would_take_both_points(boundary):
    city = get_city()
    west, south, east, north = city.bbox
    for lon, lat in boundary.values():
        assert west <= lon <= east and south <= lat <= north
    assert city.contains(*boundary["inside"]) and not city.contains(*boundary["outside"])


def test_the_map_import_refuses_a_point_outside_the_boundary(boundary, tmp_path):
    LayerFactory(key="wifi", title="Wi-Fi", geometry_type="Point")
    (in_lon, in_lat), (out_lon, out_lat) = boundary["inside"], boundary["outside"]
    path = tmp_path / "points.csv"
    path.write_text(f"id;name;lat;lon\nin;Inside;{in_lat};{in_lon}\nout;Outside;{out_lat};{out_lon}\n")
    out, err = StringIO(), StringIO()
    with translation.override("en"):
        call_command("import_layer", "wifi", str(path), stdout=out, stderr=err)

    assert "Row 2 (id out) rejected: outside the city area" in err.getvalue()
    assert list(Feature.objects.values_list("external_id", flat=True)) == ["in"]


def test_the_map_import_fails_when_every_point_is_outside(boundary, tmp_path):
    LayerFactory(key="wifi", title="Wi-Fi", geometry_type="Point")
    lon, lat = boundary["outside"]
    path = tmp_path / "points.csv"
    path.write_text(f"id;name;lat;lon\nout;Outside;{lat};{lon}\n")
    with translation.override("en"), pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_layer", "wifi", str(path), stdout=StringIO(), stderr=StringIO())
    assert not Feature.objects.exists()


def test_the_camera_import_refuses_a_point_outside_the_boundary(boundary):
    DistrictFactory(name="Centru", slug="centru")
    DistrictFactory(name="Gai", slug="gai")
    (in_lon, in_lat), (out_lon, out_lat) = boundary["inside"], boundary["outside"]
    rows = [
        row(1, lat=f"{in_lat:.6f}", lon=f"{in_lon:.6f}"),
        row(2, lat=f"{out_lat:.6f}", lon=f"{out_lon:.6f}"),
    ]

    report = import_cameras(data=make_csv(rows), filename="cameras.csv")

    assert [(e.row, e.field) for e in report.errors] == [(2, "location")]
    assert "outside the city area" in report.errors[0].message
    assert not report.saved and not Camera.objects.exists()
    alone = import_cameras(data=make_csv(rows[:1]), filename="cameras.csv")
    assert alone.saved and Camera.objects.get().code == "AR-CAM-0001"


def test_the_boundary_file_is_read_once_per_version(boundary, settings):
    city = get_city()
    city_module._parse_boundary.cache_clear()
    for _ in range(50):
        city.contains(*boundary["inside"])
        city.area()
    assert city_module._parse_boundary.cache_info().misses == 1
    path = Path(settings.CITY["BOUNDARY_FILE"])
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # the file is edited
    city.area()
    assert city_module._parse_boundary.cache_info().misses == 2
