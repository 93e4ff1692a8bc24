"""OGC API – Features items: the portal's /ogcapi/ against pygeoapi's PostgreSQL provider serving
the same PostGIS table of 100,000 points, side by side, the way both run in production: gunicorn
with the same number of sync workers each, the portal on its production settings (pooled
connections, cached layer metadata). Requests are sequential and alternate between the two
servers, so both see the same machine load; prints median / p95 milliseconds, the ratio, and the
load average (`uptime`) before and after.

pygeoapi's dependencies clash with ours, so it lives in its own virtualenv:

    python3 -m venv /tmp/pygeoapi-venv
    /tmp/pygeoapi-venv/bin/pip install "pygeoapi==0.21.*" psycopg2-binary gunicorn sqlalchemy \\
        geoalchemy2 pygeofilter shapely
    .venv/bin/python bench/gis_ogcapi_vs_pygeoapi.py \\
        --database-url postgis://postgres@127.0.0.1:5432/arad_bench [--points 100000] [--repeat 40] \\
        [--workers 1] [--portal-db pool|persistent]

The database must be one of the benchmark's own (with PostGIS): it is migrated and holds only the
benchmark layer, because pygeoapi serves the whole features table.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LAYER = "bench-points"
# Points spread over Arad (0.09° × 0.07°); the bbox below is a tenth of each side: ~1 % of them.
WEST, SOUTH, WIDTH, HEIGHT = 21.27, 46.15, 0.09, 0.07
QUERIES = {
    "first page, limit=10": "limit=10",
    "limit=100": "limit=100",
    "bbox ~1 % of the area, limit=100": "bbox=21.3120,46.1860,21.3210,46.1930&limit=100",
    "offset=50000, limit=100": "offset=50000&limit=100",
    "limit=1000": "limit=1000",
}
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
  {layer}:
    type: collection
    title: bench points
    description: bench points
    keywords: [bench]
    links: []
    extents:
      spatial: {{bbox: [-180, -90, 180, 90], crs: "http://www.opengis.net/def/crs/OGC/1.3/CRS84"}}
    providers:
      - type: feature
        name: PostgreSQL
        data: {{host: "{host}", port: {db_port}, dbname: "{dbname}", user: "{user}", password: "{password}"}}
        id_field: id
        table: gismap_feature
        geom_field: geometry
"""


def portal_env(database_url: str, pool: bool) -> dict[str, str]:
    """The portal on its production settings, over plain HTTP on loopback."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DATABASE_URL": database_url,
        "DATABASE_POOL": "true" if pool else "false",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-" + "x" * 50),
        "SECURE_SSL_REDIRECT": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }


def seed(points: int) -> None:
    """Migrate, then make the benchmark layer hold exactly `points` random points (fixed seed)."""
    import django
    from django.core.management import call_command

    django.setup()
    from django.db import connection

    from gis.models import Feature, Layer, Module

    call_command("migrate", verbosity=0)
    module, _ = Module.objects.get_or_create(key="bench", defaults={"title": "Bench"})
    layer, _ = Layer.objects.get_or_create(
        key=LAYER, defaults={"module": module, "title": "Bench points", "geometry_type": "Point"}
    )
    others = Feature.objects.exclude(layer=layer).count()
    if others:
        raise SystemExit(f"the database holds {others} features of other layers: use a database of its own")
    if Feature.objects.filter(layer=layer).count() == points:
        return
    Feature.objects.filter(layer=layer).delete()
    with connection.cursor() as cursor:
        cursor.execute("SELECT setseed(0.5)")
        cursor.execute(
            "INSERT INTO gismap_feature (layer_id, name, external_id, geometry, properties, updated_at) "
            "SELECT %s, 'Point ' || i, 'p' || i, "
            "ST_SetSRID(ST_MakePoint(%s + random() * %s, %s + random() * %s), 4326), "
            "jsonb_build_object('n', i, 'kind', (ARRAY['a', 'b', 'c'])[1 + floor(random() * 3)::int]), now() "
            "FROM generate_series(0, %s - 1) AS i",
            [layer.pk, WEST, WIDTH, SOUTH, HEIGHT, points],
        )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE gismap_feature")


def wait(url: str) -> None:
    for _ in range(240):
        try:
            if requests.get(url, timeout=5).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise SystemExit(f"{url} did not come up")


def get(session: requests.Session, url: str) -> tuple[float, dict]:
    start = time.perf_counter()
    response = session.get(url, timeout=60)
    span = (time.perf_counter() - start) * 1000
    response.raise_for_status()
    return span, response.json()


def uptime() -> str:
    return subprocess.run(
        ["uptime"], capture_output=True, text=True, check=False, env={**os.environ, "TZ": "UTC"}
    ).stdout.strip()


def gunicorn(executable: Path, app: str, port: int, workers: int, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [
            str(executable),
            app,
            "-w",
            str(workers),
            "-k",
            "sync",
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--points", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=40, help="requests per query and server")
    parser.add_argument("--workers", type=int, default=1, help="gunicorn sync workers per server")
    parser.add_argument("--portal-db", choices=("pool", "persistent"), default="pool")
    parser.add_argument("--ports", default="5170,5171", help="portal,pygeoapi")
    parser.add_argument(
        "--pygeoapi-venv", type=Path, default=Path(os.environ.get("PYGEOAPI_VENV", "/tmp/pygeoapi-venv"))
    )
    args = parser.parse_args()
    if not args.database_url.startswith(("postgis://", "postgres://", "postgresql://")):
        raise SystemExit("--database-url must be a PostGIS database of the benchmark's own")
    ours, theirs = (int(p) for p in args.ports.split(","))
    env = portal_env(args.database_url, args.portal_db == "pool")
    os.environ.update(env)
    seed(args.points)

    db = urlsplit(args.database_url)
    with tempfile.TemporaryDirectory() as tmp:
        config, openapi = Path(tmp) / "pygeoapi.yml", Path(tmp) / "openapi.yml"
        config.write_text(
            CONFIG.format(
                port=theirs,
                layer=LAYER,
                host=db.hostname or "127.0.0.1",
                db_port=db.port or 5432,
                dbname=db.path.lstrip("/"),
                user=db.username or "postgres",
                password=db.password or "",
            )
        )
        their_env = {**os.environ, "PYGEOAPI_CONFIG": str(config), "PYGEOAPI_OPENAPI": str(openapi)}
        subprocess.run(
            [
                str(args.pygeoapi_venv / "bin" / "pygeoapi"),
                "openapi",
                "generate",
                str(config),
                "--output-file",
                str(openapi),
            ],
            check=True,
            env=their_env,
            capture_output=True,
        )
        servers = [
            gunicorn(ROOT / ".venv" / "bin" / "gunicorn", "portal.wsgi", ours, args.workers, env),
            gunicorn(
                args.pygeoapi_venv / "bin" / "gunicorn",
                "pygeoapi.flask_app:APP",
                theirs,
                args.workers,
                their_env,
            ),
        ]
        try:
            base_ours = f"http://127.0.0.1:{ours}/ogcapi/collections/{LAYER}/items?f=json&"
            base_theirs = f"http://127.0.0.1:{theirs}/collections/{LAYER}/items?f=json&"
            wait(base_ours + "limit=1")
            wait(base_theirs + "limit=1")
            before = uptime()
            print(
                f"{args.points:,} points in one PostGIS table; {args.repeat} sequential requests per query "
                f"and server, alternating; gunicorn, {args.workers} sync worker(s) each; portal database "
                f"connections: {args.portal_db}"
            )
            print(f"load before: {before}")
            print(f"{'query':<34} {'portal median/p95 ms':>21} {'pygeoapi median/p95 ms':>23} {'ratio':>6}")
            a_session, b_session = requests.Session(), requests.Session()
            for label, query in QUERIES.items():
                for _ in range(3):  # warm both (pools, caches, plans)
                    get(a_session, base_ours + query)
                    get(b_session, base_theirs + query)
                spans_a, spans_b = [], []
                body_a: dict = {}
                body_b: dict = {}
                for _ in range(args.repeat):
                    span, body_a = get(a_session, base_ours + query)
                    spans_a.append(span)
                    span, body_b = get(b_session, base_theirs + query)
                    spans_b.append(span)
                returned_a, returned_b = body_a["numberReturned"], body_b["numberReturned"]
                assert returned_a == returned_b, (
                    f"{label}: portal returned {returned_a}, pygeoapi {returned_b}"
                )
                spans_a.sort()
                spans_b.sort()
                p95 = max(0, int(len(spans_a) * 0.95) - 1)
                med_a, med_b = statistics.median(spans_a), statistics.median(spans_b)
                print(
                    f"{label:<34} {med_a:9.1f} / {spans_a[p95]:7.1f}   {med_b:10.1f} / {spans_b[p95]:7.1f}"
                    f"  {med_b / med_a:5.1f}×  ({returned_a} features; numberMatched "
                    f"{body_a.get('numberMatched', '—')} vs {body_b.get('numberMatched', '—')})"
                )
            print(f"load after:  {uptime()}")
        finally:
            for server in servers:
                server.terminate()
                server.wait(20)


if __name__ == "__main__":
    main()
