"""Fixtures of the map tests: the demo map, and spatial files written with GDAL's own tools in
the source CRS (Stereo 70 for cadastre), so imports are tested on real GeoPackages."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from django.contrib.gis.gdal import CoordTransform, OGRGeometry, SpatialReference
from django.core.management import call_command

ARAD = (46.1866, 21.3123)  # lat, lon of the city centre


def to_stereo70(lat: float, lon: float) -> tuple[float, float]:
    """(easting, northing) in EPSG:3844 of a WGS84 point, computed by GDAL, not guessed."""
    point = OGRGeometry(f"POINT ({lon} {lat})", srs=SpatialReference(4326))
    point.transform(CoordTransform(SpatialReference(4326), SpatialReference(3844)))
    return point.x, point.y


def parcel_rows(count: int = 6, size: float = 40.0) -> list[dict]:
    """`count` square parcels in a row eastwards from the centre, in Stereo 70 metres."""
    east, north = to_stereo70(*ARAD)
    rows = []
    for i in range(count):
        x0, y0 = east + i * (size + 10), north
        ring = [[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]]
        rows.append(
            {
                "nr_cad": f"3{i + 1:05d}",
                "name": f"Parcela {i + 1}",
                "ring": ring,
                "centre": (x0 + size / 2, y0 + size / 2),
            }
        )
    return rows


def write_vector(
    tmp_path: Path,
    rows: list[dict],
    *,
    driver: str,
    suffix: str,
    srid: int = 3844,
    extra: list[dict] | None = None,
) -> Path:
    """A data file written by ogr2ogr from a GeoJSON of `rows` (+ raw `extra` features)."""
    features = [
        {
            "type": "Feature",
            "properties": {"nr_cad": r["nr_cad"], "name": r["name"], "suprafata": 1600},
            "geometry": {"type": "Polygon", "coordinates": [r["ring"]]},
        }
        for r in rows
    ] + (extra or [])
    source = tmp_path / "source.geojson"
    source.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    target = tmp_path / f"parcels{suffix}"
    subprocess.run(
        ["ogr2ogr", "-f", driver, "-a_srs", f"EPSG:{srid}", "-nln", "parcels", str(target), str(source)],
        check=True,
        capture_output=True,
    )
    return target


@pytest.fixture
def stereo70_gpkg(tmp_path: Path) -> Path:
    return write_vector(tmp_path, parcel_rows(), driver="GPKG", suffix=".gpkg")


@pytest.fixture
def demo_map(db) -> None:
    """The demo map alone (it does not need the demo city's pages)."""
    call_command("load_demo_map", verbosity=0)
