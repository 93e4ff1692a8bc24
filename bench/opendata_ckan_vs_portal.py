"""package_show and package_search throughput: the testbed CKAN and this portal, same datasets.

    . /tmp/ckan-test-od/env.sh
    .venv/bin/python bench/opendata_ckan_vs_portal.py --datasets 10000 --requests 400

Loads N synthetic datasets (one CSV link resource each, 3 tags, an organization out of 8) into
a separate portal database (var/bench-opendata.sqlite3, or BENCH_DATABASE_URL) and, through
package_create, into the CKAN at CKAN_URL (skipping names already there, so it resumes); serves
the portal with gunicorn, then fires the same requests at both with a few concurrent clients
and prints requests per second and latency percentiles side by side.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

import ckanapi
import requests

ROOT = Path(__file__).resolve().parent.parent
ORGS = [f"bench-org-{i}" for i in range(8)]
WORDS = ["transport", "parcare", "buget", "aer", "apa", "scoala", "spital", "strazi", "iluminat", "deseuri"]


def dataset(i: int) -> dict:
    rng = random.Random(i)
    tags = rng.sample(WORDS, 3)
    return {
        "name": f"bench-{i:06d}",
        "title": f"Set de date {i} despre {tags[0]}",
        "notes": f"Date sintetice {i}: {' '.join(tags)}.",
        "owner_org": ORGS[i % len(ORGS)],
        "license_id": "CC-BY-4.0",
        "tags": [{"name": t} for t in tags],
        "resources": [
            {"name": f"date-{i}.csv", "format": "CSV", "url": f"https://example.org/bench/{i}.csv"}
        ],
    }


def load_ckan(url: str, token: str, n: int, threads: int) -> float:
    ckan = ckanapi.RemoteCKAN(url, apikey=token)
    for org in ORGS:
        try:
            ckan.action.organization_show(id=org)
        except ckanapi.NotFound:
            ckan.action.organization_create(name=org, title=org)
    have = set(ckan.action.package_list())
    todo = [i for i in range(n) if f"bench-{i:06d}" not in have]
    started = time.perf_counter()

    def create(i: int) -> None:
        ckanapi.RemoteCKAN(url, apikey=token).action.package_create(**dataset(i))

    with cf.ThreadPoolExecutor(threads) as pool:
        for done, _ in enumerate(pool.map(create, todo), start=1):
            if done % 500 == 0:
                print(f"  ckan: {done}/{len(todo)} created", flush=True)
    return time.perf_counter() - started


def load_portal(n: int, env: dict) -> float:
    code = f"""
import django, time
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from opendata.models import Dataset, Organization, Resource, Tag
from opendata.services.catalogue import save_organization
import sys
sys.path.insert(0, {str(ROOT / "bench")!r})
from opendata_ckan_vs_portal import ORGS, dataset
started = time.perf_counter()
orgs = {{o: save_organization(name=o, title=o) for o in ORGS}}
have = set(Dataset.objects.values_list("name", flat=True))
tags = {{t.name: t for t in Tag.objects.all()}}
batch, links, resources = [], [], []
for i in range({n}):
    d = dataset(i)
    if d["name"] in have:
        continue
    obj = Dataset(name=d["name"], title=d["title"], notes=d["notes"], organization=orgs[d["owner_org"]])
    batch.append(obj)
    for t in d["tags"]:
        tags.setdefault(t["name"], None)
        links.append((obj, t["name"]))
    r = d["resources"][0]
    resources.append(Resource(dataset=obj, name=r["name"], format=r["format"], url=r["url"]))
for name, tag in list(tags.items()):
    if tag is None:
        tags[name] = Tag.objects.create(name=name)
Dataset.objects.bulk_create(batch, batch_size=1000)
Resource.objects.bulk_create(resources, batch_size=1000)
Through = Dataset.tags.through
Through.objects.bulk_create([Through(dataset_id=o.pk, tag_id=tags[t].pk) for o, t in links], batch_size=2000)
print(time.perf_counter() - started)
"""
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True)
    if out.returncode:
        sys.exit(out.stderr[-3000:])
    return float(out.stdout.strip().splitlines()[-1])


def measure(base: str, calls: list[tuple[str, dict]], clients: int) -> dict:
    session_per_thread: dict[int, requests.Session] = {}

    def one(call: tuple[str, dict]) -> float:
        import threading

        session = session_per_thread.setdefault(threading.get_ident(), requests.Session())
        started = time.perf_counter()
        response = session.get(f"{base}/api/3/action/{call[0]}", params=call[1], timeout=60)
        response.raise_for_status()
        assert response.json()["success"]
        return time.perf_counter() - started

    started = time.perf_counter()
    with cf.ThreadPoolExecutor(clients) as pool:
        latencies = sorted(pool.map(one, calls))
    elapsed = time.perf_counter() - started
    return {
        "rps": len(calls) / elapsed,
        "p50": statistics.median(latencies) * 1000,
        "p95": latencies[int(len(latencies) * 0.95) - 1] * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--datasets", type=int, default=10000)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--load-threads", type=int, default=6)
    parser.add_argument("--port", type=int, default=8107)
    args = parser.parse_args()
    ckan_url, token = os.environ.get("CKAN_URL"), os.environ.get("CKAN_TOKEN")
    if not ckan_url or not token:
        sys.exit("Set CKAN_URL and CKAN_TOKEN (. /tmp/ckan-test-od/env.sh)")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.base",
        "DATABASE_URL": os.environ.get(
            "BENCH_DATABASE_URL", f"spatialite:///{ROOT / 'var' / 'bench-opendata.sqlite3'}"
        ),
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only"),
        "PORTAL_BASE_URL": f"http://127.0.0.1:{args.port}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_LEVEL": "WARNING",
    }
    print(f"loading {args.datasets} datasets into the portal …", flush=True)
    print(f"  portal: {load_portal(args.datasets, env):.1f} s (bulk insert)")
    print(f"loading {args.datasets} datasets into CKAN at {ckan_url} …", flush=True)
    print(f"  ckan: {load_ckan(ckan_url, token, args.datasets, args.load_threads):.1f} s (package_create)")

    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "portal.wsgi",
            "-b",
            f"127.0.0.1:{args.port}",
            "-w",
            "2",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    portal = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(100):
            try:
                requests.get(f"{portal}/api/3/action/site_read", timeout=2).raise_for_status()
                break
            except requests.RequestException:
                time.sleep(0.3)
        rng = random.Random(7)
        names = [f"bench-{rng.randrange(args.datasets):06d}" for _ in range(args.requests)]
        show = [("package_show", {"id": n}) for n in names]
        search = [
            ("package_search", {"q": rng.choice(WORDS), "fq": f"organization:{rng.choice(ORGS)}", "rows": 10})
            for _ in range(args.requests)
        ]
        for target in (portal, ckan_url):  # warm both
            measure(target, show[:20] + search[:20], args.clients)
        print(f"\n{args.datasets} datasets, {args.requests} requests per action, {args.clients} clients")
        print(f"{'action':<16}{'server':<10}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}")
        for label, calls in (("package_show", show), ("package_search", search)):
            for server_name, base in (("portal", portal), ("ckan", ckan_url)):
                figures = measure(base, calls, args.clients)
                print(
                    f"{label:<16}{server_name:<10}{figures['rps']:>9.1f}{figures['p50']:>9.1f}{figures['p95']:>9.1f}"
                )
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
