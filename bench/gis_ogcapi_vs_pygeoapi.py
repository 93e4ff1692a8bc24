"""OGC API – Features items endpoint: the portal's /ogcapi/ against pygeoapi serving the same
10,000 points (exported from the portal as GeoJSON, pygeoapi's GeoJSON provider), side by side.
Each server runs as one single-threaded process on 127.0.0.1 (gunicorn, Flask); requests are
sequential; prints milliseconds.

pygeoapi's dependencies clash with ours, so it lives in its own virtualenv:

    python3 -m venv /tmp/gis-pygeoapi-venv && /tmp/gis-pygeoapi-venv/bin/pip install pygeoapi
    .venv/bin/python bench/gis_ogcapi_vs_pygeoapi.py [--points 10000] [--repeat 30]

Uses its own database (var/bench-gis.sqlite3, kept between runs).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
os.environ.setdefault("TEST_DATABASE_NAME", str(ROOT / "var" / "bench-gis.sqlite3"))

import django  # noqa: E402

django.setup()

from django.contrib.gis.geos import Point  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

OURS, THEIRS = 5098, 5099
PYGEOAPI_VENV = Path(os.environ.get("PYGEOAPI_VENV", "/tmp/gis-pygeoapi-venv"))
CONFIG = """
server:
  bind: {{host: 127.0.0.1, port: {port}}}
  url: http://127.0.0.1:{port}
  mimetype: application/json; charset=UTF-8
  encoding: utf-8
  languages: [en-US]
  limits: {{default_items: 10, max_items: 10000}}
  map: {{url: "https://tile.openstreetmap.org/{{z}}/{{x}}/{{y}}.png", attribution: OSM}}
logging: {{level: ERROR}}
metadata:
  identification: {{title: bench, description: bench, keywords: [bench], keywords_type: theme,
    terms_of_service: "https://creativecommons.org/licenses/by/4.0/", url: "http://example.org"}}
  license: {{name: CC-BY 4.0, url: "https://creativecommons.org/licenses/by/4.0/"}}
  provider: {{name: bench, url: "http://example.org"}}
  contact: {{name: bench, position: bench, address: bench, city: Arad, stateorprovince: AR,
    postalcode: "310130", country: RO, phone: "+40", fax: "+40", email: a@example.org,
    url: "http://example.org", hours: "0-24", instructions: none, role: pointOfContact}}
resources:
  bench-points:
    type: collection
    title: bench points
    description: bench points
    keywords: [bench]
    links: []
    extents:
      spatial: {{bbox: [-180, -90, 180, 90], crs: "http://www.opengis.net/def/crs/OGC/1.3/CRS84"}}
    providers:
      - type: feature
        name: GeoJSON
        data: {data}
        id_field: id
"""

QUERIES = {
    "first page, limit=10": "limit=10",
    "limit=100": "limit=100",
    "limit=100, offset=5000": "limit=100&offset=5000",
    "bbox (~1% of the area), limit=100": "bbox=21.3120,46.1860,21.3160,46.1880&limit=100",
    "limit=1000": "limit=1000",
}


def seed(points: int) -> None:
    from gis.models import Feature, Layer, Module

    module, _ = Module.objects.get_or_create(key="bench", defaults={"title": "Bench"})
    layer, _ = Layer.objects.get_or_create(
        key="bench-points", defaults={"module": module, "title": "Bench points", "geometry_type": "Point"}
    )
    if Feature.objects.filter(layer=layer).count() == points:
        return
    Feature.objects.filter(layer=layer).delete()
    rnd = random.Random(5)
    Feature.objects.bulk_create(
        [
            Feature(
                layer=layer,
                external_id=f"p{i}",
                name=f"Point {i}",
                geometry=Point(21.27 + rnd.random() * 0.09, 46.15 + rnd.random() * 0.07, srid=4326),
                properties={"n": i, "kind": rnd.choice(["a", "b", "c"])},
            )
            for i in range(points)
        ],
        batch_size=2000,
    )


def export(path: Path) -> None:
    from gis import selectors

    info = selectors.get_layer("bench-points")
    features = []
    for f in selectors.all_features(info):
        features.append({**f, "properties": {**f["properties"], "id": f["id"]}})
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))


def wait(url: str) -> None:
    for _ in range(240):
        try:
            if requests.get(url, timeout=2).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise SystemExit(f"{url} did not come up")


def measure(url: str, repeat: int) -> tuple[float, float, int]:
    spans = []
    returned = 0
    for _ in range(repeat):
        start = time.perf_counter()
        response = requests.get(url, timeout=60)
        spans.append((time.perf_counter() - start) * 1000)
        response.raise_for_status()
        returned = response.json()["numberReturned"]
    spans.sort()
    return statistics.median(spans), spans[int(len(spans) * 0.95) - 1], returned


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--points", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, keepdb=True, serialize=False)
    seed(args.points)
    database = connection.settings_dict["NAME"]
    env_url = os.environ.get("DATABASE_URL", f"spatialite:///{database}")

    with tempfile.TemporaryDirectory() as tmp:
        data, config, openapi = Path(tmp) / "points.geojson", Path(tmp) / "c.yml", Path(tmp) / "o.yml"
        export(data)
        config.write_text(CONFIG.format(port=THEIRS, data=data))
        env = {**os.environ, "PYGEOAPI_CONFIG": str(config), "PYGEOAPI_OPENAPI": str(openapi)}
        subprocess.run(
            [
                str(PYGEOAPI_VENV / "bin" / "pygeoapi"),
                "openapi",
                "generate",
                str(config),
                "--output-file",
                str(openapi),
            ],
            check=True,
            env=env,
            capture_output=True,
        )
        servers = [
            subprocess.Popen(
                [
                    str(ROOT / ".venv" / "bin" / "gunicorn"),
                    "portal.wsgi",
                    "-w",
                    "1",
                    "-b",
                    f"127.0.0.1:{OURS}",
                    "--log-level",
                    "warning",
                ],
                cwd=ROOT,
                env={**os.environ, "DATABASE_URL": env_url, "DJANGO_SETTINGS_MODULE": "portal.settings.test"},
            ),
            subprocess.Popen(
                [
                    str(PYGEOAPI_VENV / "bin" / "flask"),
                    "--app",
                    "pygeoapi.flask_app:APP",
                    "run",
                    "-h",
                    "127.0.0.1",
                    "-p",
                    str(THEIRS),
                    "--no-reload",
                    "--without-threads",
                ],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            ),
        ]
        try:
            ours = f"http://127.0.0.1:{OURS}/ogcapi/collections/bench-points/items?f=json&"
            theirs = f"http://127.0.0.1:{THEIRS}/collections/bench-points/items?f=json&"
            wait(ours + "limit=1")
            wait(theirs + "limit=1")
            print(
                f"{args.points} points, {args.repeat} sequential requests per query, "
                f"one server process each, database: {connection.vendor}"
            )
            print(f"{'query':<36} {'portal median/p95 ms':>22} {'pygeoapi median/p95 ms':>24}")
            for label, query in QUERIES.items():
                a = measure(ours + query, args.repeat)
                b = measure(theirs + query, args.repeat)
                assert a[2] == b[2], f"{label}: portal returned {a[2]}, pygeoapi {b[2]}"
                print(
                    f"{label:<36} {a[0]:10.1f} / {a[1]:7.1f}    {b[0]:10.1f} / {b[1]:7.1f}"
                    f"   ({a[2]} features)"
                )
        finally:
            for server in servers:
                server.terminate()
                server.wait(10)


if __name__ == "__main__":
    main()
