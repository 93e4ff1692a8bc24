"""package_show and package_search on the same datasets: this portal and CKAN 2.12, side by side.

    ../shared/ckan-testbed/bootstrap.sh /tmp/ckan-bench 2.12.0 13    # CKAN 2.12 on :5013
    BENCH_DATABASE_URL=postgis://postgres@127.0.0.1:5432/arad_bench \\
      .venv/bin/python bench/opendata_ckan_vs_portal.py --ckan-dir /tmp/ckan-bench --datasets 100000
    ../shared/ckan-testbed/teardown.sh /tmp/ckan-bench

Loads N synthetic datasets into both peers (see opendata_bench_data.py; loads resume), serves
both the way their users run them — the portal under gunicorn, CKAN under gunicorn through
its WSGI application (not the testbed's `ckan run` development server), with the same number
of sync workers — and fires the same requests at both from a few concurrent clients. The
timed part alternates between the peers in rounds, so both see the same machine load.

CKAN's search backend is the testbed's Solr stand-in (fakesolr, pure Python, scanning every
document), not Solr: CKAN's package_search figures measure the stand-in, and only package_show
compares like with like. The stand-in is run through fakesolr_keyed.py so that package_show's
lookup by key is answered from a dictionary, as Solr answers it from its index.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import json
import os
import random
import shlex
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import ckanapi
import psycopg
import requests
from opendata_bench_data import ORGS, WORDS, dataset, load_ckan_sql

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
FACETS = json.dumps(["organization", "tags", "res_format", "license_id"])
WSGI = """\
# CKAN's documented WSGI entry point (deployment docs), for gunicorn.
import os
from ckan.cli import CKANConfigLoader
from ckan.config.middleware import make_app

application = make_app(CKANConfigLoader(os.path.join(os.path.dirname(__file__), "ckan.ini")).get_config())
"""
Call = tuple[str, dict[str, Any]]


def testbed(base: Path) -> dict[str, str]:
    """The testbed's env.sh as a dictionary (CKAN_URL, CKAN_TOKEN, PGPORT, SOLRPORT, ...)."""
    out = subprocess.run(
        ["bash", "-c", f". {shlex.quote(str(base / 'env.sh'))} && env -0"],
        capture_output=True,
        check=True,
    )
    return dict(line.split("=", 1) for line in out.stdout.decode().split("\0") if "=" in line)


def keyed_solr(base: Path, env: dict[str, str], fakesolr: Path) -> None:
    """Run the testbed's stand-in through fakesolr_keyed.py (once; the index starts empty)."""
    marker = base / "run" / "fakesolr.keyed"
    if marker.exists():
        return
    pid_file = base / "run" / "fakesolr.pid"
    subprocess.run(["kill", pid_file.read_text().strip()], check=False)
    time.sleep(1)
    python = base / "venv" / "bin" / "python"
    where = "import ckan, os; print(os.path.dirname(ckan.__file__))"
    ckan_dir = subprocess.run([python, "-c", where], capture_output=True, text=True, check=True).stdout
    schema = Path(ckan_dir.strip()) / "config" / "solr" / "schema.xml"
    log = open(base / "fakesolr.log", "ab")  # noqa: SIM115 - the server outlives this function
    server = subprocess.Popen(
        [python, BENCH / "fakesolr_keyed.py", "--fakesolr", fakesolr, "--schema", schema,
         "--host", "127.0.0.1", "--port", env["SOLRPORT"]],
        stdout=log, stderr=log, start_new_session=True,
    )  # fmt: skip
    pid_file.write_text(str(server.pid))
    wait_for(f"http://127.0.0.1:{env['SOLRPORT']}/solr/ckan/admin/ping")
    marker.touch()


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            requests.get(url, timeout=2).raise_for_status()
            return
        except requests.RequestException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def load_ckan(
    base: Path, env: dict[str, str], n: int, api_datasets: int, threads: int, processes: int
) -> None:
    """The first `api_datasets` through package_create, the rest copied by SQL and indexed by
    CKAN's indexer (ckan_index_copies.py, in `processes` processes)."""
    ckan = ckanapi.RemoteCKAN(env["CKAN_URL"], apikey=env["CKAN_TOKEN"])
    for org in ORGS:
        try:
            ckan.action.organization_show(id=org)
        except ckanapi.NotFound:
            ckan.action.organization_create(name=org, title=org)
    dsn = f"postgresql://ckan_default:pass@127.0.0.1:{env['PGPORT']}/ckan_default"
    with psycopg.connect(dsn) as conn:
        have = {row[0] for row in conn.execute("SELECT name FROM package")}

    def create(i: int) -> None:
        ckanapi.RemoteCKAN(env["CKAN_URL"], apikey=env["CKAN_TOKEN"]).action.package_create(**dataset(i))

    todo = [i for i in range(min(n, api_datasets)) if f"bench-{i:06d}" not in have]
    started = time.perf_counter()
    with cf.ThreadPoolExecutor(threads) as pool:
        list(pool.map(create, todo))
    if todo:
        rate = len(todo) / (time.perf_counter() - started)
        print(f"  ckan: {len(todo)} datasets through package_create, {rate:.1f}/s", flush=True)
    started = time.perf_counter()
    copied = load_ckan_sql(dsn, n, reference="bench-000000")
    print(f"  ckan: {copied} datasets copied by SQL in {time.perf_counter() - started:.1f} s", flush=True)
    started = time.perf_counter()
    script, ini = BENCH / "ckan_index_copies.py", base / "etc" / "ckan.ini"
    shares = [
        subprocess.Popen([base / "venv" / "bin" / "python", script, ini, f"{k}/{processes}"], cwd=BENCH)
        for k in range(processes)
    ]
    if any([share.wait() for share in shares]):  # wait for every share
        sys.exit("indexing the copies in CKAN failed")
    print(f"  ckan: search index completed in {time.perf_counter() - started:.1f} s", flush=True)


def portal_env(port: int) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.base",
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", "postgis://postgres@127.0.0.1:5432/arad_bench"),
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only"),
        "PORTAL_BASE_URL": f"http://127.0.0.1:{port}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_LEVEL": "WARNING",
    }


@contextmanager
def gunicorn(
    binary: Path, app: str, port: int, workers: int, cwd: Path, env: dict[str, str]
) -> Iterator[str]:
    """A gunicorn with `workers` sync workers on 127.0.0.1:port, stopped on exit."""
    server = subprocess.Popen(
        [binary, app, "-b", f"127.0.0.1:{port}", "-w", str(workers), "-k", "sync",
         "--timeout", "300", "--log-level", "warning"],
        cwd=cwd, env=env,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{url}/api/3/action/status_show", 300)
        yield url
    finally:
        server.terminate()
        server.wait(30)


def measure(base: str, calls: list[Call], clients: int) -> tuple[list[float], float, list[dict]]:
    """Latencies (s) of `calls` fired by `clients` threads, the wall time, and the results."""
    local = threading.local()

    def one(call: Call) -> tuple[float, dict]:
        if not hasattr(local, "session"):
            local.session = requests.Session()
        started = time.perf_counter()
        response = local.session.get(f"{base}/api/3/action/{call[0]}", params=call[1], timeout=600)
        response.raise_for_status()
        body = response.json()
        assert body["success"], body
        return time.perf_counter() - started, body["result"]

    started = time.perf_counter()
    with cf.ThreadPoolExecutor(clients) as pool:
        done = list(pool.map(one, calls))
    return [t for t, _ in done], time.perf_counter() - started, [r for _, r in done]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def workload(n: int, count: int, seed: int = 7) -> dict[str, list[Call]]:
    """The same requests for both peers: show by name, free text, filters, free text + facets."""
    rng = random.Random(seed)
    return {
        "package_show": [("package_show", {"id": f"bench-{rng.randrange(n):06d}"}) for _ in range(count)],
        "search q=word": [("package_search", {"q": rng.choice(WORDS), "rows": 10}) for _ in range(count)],
        "search fq=org+tag": [
            (
                "package_search",
                {"fq": f"organization:{rng.choice(ORGS)} AND tags:{rng.choice(WORDS)}", "rows": 10},
            )
            for _ in range(count)
        ],
        "search q+4 facets": [
            ("package_search", {"q": rng.choice(WORDS), "facet.field": FACETS, "rows": 10})
            for _ in range(count)
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--ckan-dir", type=Path, required=True, help="the testbed's BASE_DIR (bootstrap.sh)")
    parser.add_argument(
        "--fakesolr", type=Path, default=ROOT.parent / "shared" / "ckan-testbed" / "fakesolr.py"
    )
    parser.add_argument("--datasets", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=400, help="per action and peer")
    parser.add_argument("--ckan-search-requests", type=int, default=8, help="CKAN's searches scan in Python")
    parser.add_argument("--concurrency", type=int, default=4, help="concurrent clients")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers, each peer")
    parser.add_argument("--rounds", type=int, default=4, help="alternations between the peers per action")
    parser.add_argument(
        "--api-datasets", type=int, default=200, help="loaded into CKAN through package_create"
    )
    parser.add_argument("--load-threads", type=int, default=4, help="package_create clients")
    parser.add_argument("--index-processes", type=int, default=2, help="CKAN indexer processes")
    parser.add_argument("--port", type=int, default=8113, help="portal; CKAN's gunicorn on the next port")
    parser.add_argument("--load-only", action="store_true", help="load both peers, time nothing")
    args = parser.parse_args()

    base = args.ckan_dir.resolve()
    env = testbed(base)
    keyed_solr(base, env, args.fakesolr.resolve())
    venv = base / "venv" / "bin"
    if not (venv / "gunicorn").exists():
        subprocess.run([venv / "pip", "install", "-q", "gunicorn==27.0.1"], check=True)
    (base / "etc" / "bench_wsgi.py").write_text(WSGI)

    penv = portal_env(args.port)
    print(f"loading {args.datasets} datasets into the portal ({penv['DATABASE_URL']}) …", flush=True)
    out = subprocess.run(
        [sys.executable, BENCH / "opendata_bench_data.py", "portal", str(args.datasets)],
        env=penv, cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    if out.returncode:
        sys.exit(out.stderr[-3000:])
    print(f"  portal: {out.stdout.strip().splitlines()[-1]}")
    print(f"loading {args.datasets} datasets into CKAN at {env['CKAN_URL']} …", flush=True)
    load_ckan(base, env, args.datasets, args.api_datasets, args.load_threads, args.index_processes)
    if args.load_only:
        return

    calls = workload(args.datasets, args.requests)
    etc = base / "etc"
    ckan_env = {**os.environ, "PATH": f"{venv}:{os.environ['PATH']}"}
    portal_gunicorn = Path(sys.executable).parent / "gunicorn"
    with (
        gunicorn(portal_gunicorn, "portal.wsgi", args.port, args.workers, ROOT, penv) as portal,
        gunicorn(
            venv / "gunicorn", "bench_wsgi:application", args.port + 1, args.workers, etc, ckan_env
        ) as ckan,
    ):
        peers = {"portal": portal, "ckan": ckan}
        for url in peers.values():  # warm up: connections, caches, lazy imports
            measure(url, calls["package_show"][:20] + calls["search fq=org+tag"][:4], args.concurrency)
        check = calls["search fq=org+tag"][0]
        counts = {name: measure(url, [check], 1)[2][0]["count"] for name, url in peers.items()}
        print(f"\nsame answer check, {check[1]['fq']}: portal {counts['portal']}, ckan {counts['ckan']}")
        print(f"\n{args.datasets} datasets; {args.workers} sync workers each; {args.concurrency} clients")
        print(f"{'action':<20}{'peer':<8}{'requests':>9}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}")
        for label, action_calls in calls.items():
            budget = {"portal": len(action_calls), "ckan": len(action_calls)}
            if label != "package_show":
                budget["ckan"] = min(budget["ckan"], args.ckan_search_requests)
            latencies: dict[str, list[float]] = {name: [] for name in peers}
            elapsed = dict.fromkeys(peers, 0.0)
            for r in range(args.rounds):
                for name, url in peers.items():
                    share = budget[name] // args.rounds
                    chunk = action_calls[r * share : (r + 1) * share]
                    times, wall, _ = measure(url, chunk, args.concurrency)
                    latencies[name] += times
                    elapsed[name] += wall
            for name in peers:
                lat = latencies[name]
                print(
                    f"{label:<20}{name:<8}{len(lat):>9}{len(lat) / elapsed[name]:>9.1f}"
                    f"{percentile(lat, 50) * 1000:>9.1f}{percentile(lat, 99) * 1000:>9.1f}",
                    flush=True,
                )
        uptime = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
        print(f"\nload average (uptime): {uptime}")


if __name__ == "__main__":
    main()
