"""Map import throughput: N parcels (default 100,000) in a Stereo 70 GeoPackage written by
ogr2ogr, imported through GDAL into a layer (reprojection, validity check, upsert by cadastral
number), then imported again (all updates). Prints rows per second and wall time.

    .venv/bin/python bench/gis_import.py [--rows 100000]
    DATABASE_URL=postgis://postgres@127.0.0.1:5432/arad_bench_gis .venv/bin/python bench/gis_import.py

Uses its own database: var/bench-gis.sqlite3 (kept between runs), or DATABASE_URL's.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
os.environ.setdefault("TEST_DATABASE_NAME", str(ROOT / "var" / "bench-gis.sqlite3"))

import django  # noqa: E402

django.setup()

from django.contrib.gis.gdal import CoordTransform, OGRGeometry, SpatialReference  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402


def make_geopackage(folder: Path, rows: int) -> Path:
    """`rows` 20 m parcels on a grid north-east of Arad's centre, in EPSG:3844 metres."""
    point = OGRGeometry("POINT (21.3123 46.1866)", srs=SpatialReference(4326))
    point.transform(CoordTransform(SpatialReference(4326), SpatialReference(3844)))
    side = int(rows**0.5) + 1
    source = folder / "parcels.geojsonl"
    with source.open("w") as out:
        for i in range(rows):
            x, y = point.x + (i % side) * 25, point.y + (i // side) * 25
            ring = [[x, y], [x + 20, y], [x + 20, y + 20], [x, y + 20], [x, y]]
            out.write(
                json.dumps(
                    {
                        "type": "Feature",
                        "properties": {
                            "nr_cad": f"{400000 + i}",
                            "name": f"Parcela {400000 + i}",
                            "suprafata": 400,
                        },
                        "geometry": {"type": "Polygon", "coordinates": [ring]},
                    }
                )
                + "\n"
            )
    target = folder / "parcels.gpkg"
    subprocess.run(["ogr2ogr", "-f", "GPKG", "-a_srs", "EPSG:3844", str(target), str(source)], check=True)
    return target


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, keepdb=True, serialize=False)

    from gis.models import Feature, ImportJob, Layer, Module
    from gis.services.importer import run_import

    module, _ = Module.objects.get_or_create(key="bench", defaults={"title": "Bench"})
    layer, _ = Layer.objects.get_or_create(
        key="bench-parcels", defaults={"module": module, "title": "Bench parcels", "geometry_type": "Polygon"}
    )
    Feature.objects.filter(layer=layer).delete()
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        path = make_geopackage(Path(tmp), args.rows)
        print(
            f"GeoPackage of {args.rows} parcels written in {time.perf_counter() - start:.1f} s "
            f"({path.stat().st_size / 1e6:.1f} MB)"
        )
        for label in ("first import (inserts)", "re-import (updates)"):
            job = ImportJob.objects.create(
                layer=layer, file_name=path.name, path=str(path), id_field="nr_cad"
            )
            start = time.perf_counter()
            job = run_import(job=job)
            spent = time.perf_counter() - start
            print(
                f"{label:<24} {spent:7.1f} s  {job.processed / spent:8.0f} rows/s  "
                f"created {job.created}, updated {job.updated}, rejected {job.rejected}"
            )
    print(f"database: {connection.vendor}, features in layer: {Feature.objects.filter(layer=layer).count()}")


if __name__ == "__main__":
    main()
