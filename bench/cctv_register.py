"""CCTV register figures: importing N cameras from CSV (first import and idempotent re-import),
the public register page, the public GeoJSON with fields of view, signed heartbeats, the silent
camera sweep, and the KPI dashboard.

    .venv/bin/python bench/cctv_register.py [--cameras 500] [--heartbeats 200]
    DATABASE_URL=postgis://postgres@127.0.0.1:5432/arad_bench .venv/bin/python bench/cctv_register.py

Runs on a separate test database (var/bench-cctv.sqlite3, or `test_<name>` on PostgreSQL) and
prints wall times; nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
os.environ.setdefault("TEST_DATABASE_NAME", str(ROOT / "var" / "bench-cctv.sqlite3"))

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402


def ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def timed_get(client: Client, url: str, repeat: int = 5) -> str:
    spans = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        spans.append(ms(start))
        assert response.status_code == 200, url
    size = len(response.content) // 1024
    return f"median {statistics.median(spans):.0f} ms, max {max(spans):.0f} ms ({size} KiB)"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cameras", type=int, default=500)
    parser.add_argument("--heartbeats", type=int, default=200)
    args = parser.parse_args()
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, keepdb=True, serialize=False)
    from cctv.demo.loader import load_demo_cctv
    from cctv.models import Camera, District, Fault, StatusChange
    from cctv.services.health import mark_silent_cameras, sign
    from cctv.services.importer import import_cameras
    from tests.cctv.conftest import make_csv, row

    Fault.objects.all().delete()
    StatusChange.objects.all().delete()
    Camera.objects.all().delete()
    load_demo_cctv()
    Camera.objects.all().delete()
    for name, slug in (("Centru", "centru"), ("Gai", "gai")):
        District.objects.get_or_create(slug=slug, defaults={"name": name})
    print(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")

    data = make_csv([row(i) for i in range(1, args.cameras + 1)])
    start = time.perf_counter()
    report = import_cameras(data=data, filename="bench.csv")
    print(f"import {args.cameras} cameras (new):       {ms(start):7.0f} ms  ({report.created} created)")
    start = time.perf_counter()
    report = import_cameras(data=data, filename="bench.csv")
    print(f"re-import {args.cameras} cameras (same):   {ms(start):7.0f} ms  ({report.unchanged} unchanged)")
    bad = make_csv(
        [
            row(i, camera_type="laser" if i == args.cameras else row(i)["camera_type"])
            for i in range(1, args.cameras + 1)
        ]
    )
    start = time.perf_counter()
    report = import_cameras(data=bad, filename="bench.csv")
    print(f"reject {args.cameras} rows (1 bad):         {ms(start):7.0f} ms  ({len(report.errors)} error)")

    client = Client()
    print(f"public register /ro/cameras/:        {timed_get(client, '/ro/cameras/')}")
    print(f"public GeoJSON with sectors:         {timed_get(client, '/api/v1/cctv/cameras')}")
    print(f"KPI dashboard /ro/kpi/:              {timed_get(client, '/ro/kpi/', 3)}")

    cameras = list(Camera.objects.all()[: args.heartbeats])
    spans = []
    base = int(time.time())
    for n, camera in enumerate(cameras):
        body = json.dumps(
            {"camera": camera.code, "nonce": uuid.uuid4().hex, "at": "2026-01-01T08:00:00+02:00"}
        ).encode()
        ts = base + n % 60  # a device signs many requests within the same second
        start = time.perf_counter()
        response = client.post(
            "/api/v1/cctv/heartbeat",
            body,
            content_type="application/json",
            headers={
                "X-CCTV-Timestamp": str(ts),
                "X-CCTV-Signature": sign(secret=camera.vms_secret, timestamp=ts, body=body),
            },
        )
        spans.append(ms(start))
        assert response.status_code == 202
    print(
        f"signed heartbeat ({len(spans)}):              median {statistics.median(spans):.1f} ms, "
        f"p95 {sorted(spans)[int(len(spans) * 0.95) - 1]:.1f} ms"
    )
    start = time.perf_counter()
    marked = mark_silent_cameras()
    print(f"silent-camera sweep:                 {ms(start):7.0f} ms  ({len(marked)} marked faulty)")


if __name__ == "__main__":
    main()
