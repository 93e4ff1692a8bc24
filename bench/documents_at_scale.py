"""The document registry at a city's scale, on PostgreSQL + PostGIS: a million registered documents,
the tracking page and the status API served by gunicorn (2 sync workers, production settings,
Redis for the shared cache and rate limits) beside a constant view on the same server, the query
plans of those lookups, then registrations by 8 concurrent writers with the numbers checked
gapless per series and year.

    .venv/bin/python bench/documents_at_scale.py \\
        --database-url postgis://postgres@127.0.0.1:5432/arad_scalebench [--documents 1000000] \\
        [--seconds 20] [--clients 8] [--workers 2] [--writers 8] [--registrations 250]

The database must be the benchmark's own: it is migrated, the demo city's pages are loaded once
(services and departments the documents belong to), and its registry is replaced by `--documents`
documents in one SQL statement per year (2022-2026, numbers 1..n of each year, the sequence
counters set to match), each with a random tracking token and its own random PIN (the registry
keeps PINs as they are printed on the receipt, so there is nothing to hash), its first event and,
past "registered", the event of its current status. A later run reuses them when the count matches.

Readers run in `--clients` threads of this process over keep-alive connections, for `--seconds`
per scenario, each request for a random document (hits) or a random miss; every answer's status is
checked. The server sits behind no proxy, so the benchmark sends X-Forwarded-For with a random
address per request and the server trusts one proxy (TRUSTED_PROXY_COUNT=1): the rate limits of
wrong PINs stay as in production, counted per address, as for residents behind a reverse proxy.
Prints p50/p99 ms and req/s per scenario, the CPU time the gunicorn workers and their PostgreSQL
backends spent per request (what the load of a shared machine does not change much), and the load
average (`uptime`) beside each.
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SETTINGS = "bench.scale_settings"
from documents_at_scale_data import SECOND_SERIES, seed  # noqa: E402


def environment(args: argparse.Namespace) -> dict[str, str]:
    """The server's (and this process's) settings: production, pooled connections, Redis."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": SETTINGS,
        "DATABASE_URL": args.database_url,
        "DATABASE_POOL": "true",
        "REDIS_URL": args.redis_url,
        "CACHE_KEY_PREFIX": "scalebench",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-" + "x" * 50),
        "SECURE_SSL_REDIRECT": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "TRUSTED_PROXY_COUNT": "1",
        "STATIC_ROOT": str(ROOT / "var" / "bench-static"),
        "CELERY_BROKER_URL": "",
        "EMAIL_URL": "consolemail://",
    }


def uptime() -> str:
    out = subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout
    return "load average " + out.strip().rsplit("load average:", 1)[-1].strip()


# --- query plans ----------------------------------------------------------------------------------


def plans(sample: Sample) -> list[str]:
    """EXPLAIN of every query the tracking page and the status API run (captured in-process),
    with a line for each; a sequential scan of a registry table is flagged."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
    hit = sample.hits[0]
    requests = {
        "status API, hit": f"/api/v1/documents/status?{urlencode({'number': hit[0], 'pin': hit[1]})}",
        "status API, wrong PIN": f"/api/v1/documents/status?{urlencode({'number': hit[0], 'pin': 'x'})}",
        "tracking page": f"/ro/t/{hit[2]}",
    }
    flagged = []
    for label, url in requests.items():
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        for query in captured.captured_queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith(("SELECT", "UPDATE")) or "documents_" not in sql:
                continue
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN " + sql)
                plan = [row[0] for row in cursor.fetchall()]
            scans = [line.strip() for line in plan if "Scan" in line]
            summary = "; ".join(re.sub(r"\s+\(cost=.*", "", s).lstrip("-> ") for s in scans)
            bad = any("Seq Scan on documents_" in line for line in plan)
            flagged.append(f"{'SEQ SCAN ' if bad else ''}{label}: {summary}   <- {sql[:90]}")
    return flagged


# --- readers --------------------------------------------------------------------------------------


@dataclass
class Sample:
    hits: list[tuple[str, str, str]]  # number, PIN, token of documents looked up with their PIN
    wrong: list[str]  # numbers looked up with a wrong PIN (others than the hits: no lock on them)
    prefix: str


def sample(count: int) -> Sample:
    """Random existing documents (by random ids), split between hits and wrong PINs."""
    from django.db import connection

    from portal.core.city import get_city

    with connection.cursor() as cursor:
        cursor.execute("SELECT min(id), max(id) FROM documents_document")
        low, high = cursor.fetchone()
        ids = random.sample(range(low, high + 1), min(count * 2, high - low + 1))
        cursor.execute(
            "SELECT number, pin, token FROM documents_document WHERE id = ANY(%s) "
            "AND (pin_locked_until IS NULL OR pin_locked_until < now())",
            [ids],
        )
        rows = cursor.fetchall()
    random.shuffle(rows)
    half = len(rows) // 2
    return Sample(hits=rows[:half], wrong=[row[0] for row in rows[half:]], prefix=get_city().number_prefix)


def _address() -> str:
    return f"10.{random.randrange(256)}.{random.randrange(256)}.{random.randrange(1, 255)}"


def scenarios(s: Sample) -> dict[str, object]:
    """Each scenario: a function giving (path, expected status) for one request."""

    def status(number: str, pin: str) -> str:
        return "/api/v1/documents/status?" + urlencode({"number": number, "pin": pin, "lang": "ro"})

    def wrong_pin() -> tuple[str, int]:
        number = random.choice(s.wrong)
        return status(number, f"{random.randrange(10**6):06d}"), 404  # a PIN can match: 1 in 10^6

    return {
        "constant view (same server)": lambda: ("/bench/constant", 200),
        "status API, existing, right PIN": lambda: (status(*random.choice(s.hits)[:2]), 200),
        "status API, wrong PIN": wrong_pin,
        "status API, unknown number": lambda: (
            status(f"{s.prefix}-2019-{random.randrange(1, 999_999):06d}", "123456"),
            404,
        ),
        "tracking page /ro/t/<token>, existing": lambda: (f"/ro/t/{random.choice(s.hits)[2]}", 200),
        "tracking page, unknown token": lambda: (f"/ro/t/{random.randbytes(24).hex()[:32]}", 404),
    }


def load(port: int, make, seconds: float, clients: int) -> tuple[list[float], int, int, float]:
    """`clients` threads on keep-alive connections for `seconds`: latencies (ms), answers with an
    unexpected status, answers with the expected one, wall time."""
    spans: list[float] = []
    unexpected = [0]
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine: list[float] = []
        bad = 0
        while time.perf_counter() < deadline:
            path, expected = make()
            headers = {"X-Forwarded-For": _address(), "Accept-Language": "ro"}
            start = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                code = response.status
            except (http.client.HTTPException, OSError):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                code = 0
            mine.append((time.perf_counter() - start) * 1000)
            if code != expected:
                bad += 1
        with lock:
            spans.extend(mine)
            unexpected[0] += bad

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    return spans, unexpected[0], len(spans) - unexpected[0], wall


def _cpu(pids: list[int]) -> float:
    """CPU seconds (user + system) the processes have used so far."""
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def server_pids(server: subprocess.Popen) -> tuple[list[int], list[int]]:
    """The gunicorn workers, and the PostgreSQL backends serving them (their pooled connections)."""
    from django.db import connection

    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
        )
        backends = [row[0] for row in cursor.fetchall()]
    return [int(pid) for pid in children], backends


def percentile(spans: list[float], q: float) -> float:
    ordered = sorted(spans)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def serve(args: argparse.Namespace, env: dict[str, str]) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "portal.wsgi",
            "-w",
            str(args.workers),
            "-k",
            "sync",
            "-b",
            f"127.0.0.1:{args.port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(ROOT / "var" / "bench-documents-at-scale.log", "w"),  # noqa: SIM115
    )
    for _ in range(240):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=5)
            conn.request("GET", "/bench/constant")
            if conn.getresponse().status == 200:
                return server
        except OSError:
            pass
        time.sleep(0.5)
    server.terminate()
    raise SystemExit("gunicorn did not come up; see var/bench-documents-at-scale.log")


# --- writers --------------------------------------------------------------------------------------


def _writer(env: dict[str, str], index: int, count: int, barrier, results) -> None:
    os.environ.update(env)
    import django

    django.setup()
    from django.db import connections
    from wagtail.models import Locale

    from portal.documents import services
    from portal.documents.models import ServiceRegistryPolicy, service_model

    urban = ServiceRegistryPolicy.objects.get(number_prefix=SECOND_SERIES).service
    others = list(
        service_model().objects.filter(locale=Locale.get_default()).exclude(pk=urban.pk).order_by("path")[:4]
    )
    barrier.wait()
    start = time.perf_counter()
    for n in range(count):
        # even writers file under the service with its own series, odd ones under the default
        service = urban if index % 2 == 0 else others[n % len(others)]
        services.register_document(
            channel="online" if n % 2 else "counter",
            subject=f"Cerere {index}-{n}",
            service=service,
            sender_name="Ana Pop",
        )
    results.put((start, time.perf_counter()))
    connections.close_all()


def writers(args: argparse.Namespace, env: dict[str, str]) -> None:
    from django.db import connection

    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(args.writers)
    results = context.Queue()
    procs = [
        context.Process(target=_writer, args=(env, i, args.registrations, barrier, results))
        for i in range(args.writers)
    ]
    before = uptime()
    for proc in procs:
        proc.start()
    spans = [results.get(timeout=1800) for _ in procs]
    for proc in procs:
        proc.join()
    if any(proc.exitcode for proc in procs):
        raise SystemExit("a writer failed")
    wall = max(end for _, end in spans) - min(start for start, _ in spans)
    total = args.writers * args.registrations
    print(
        f"registrations, {args.writers} concurrent writer processes (register_document, {total:,} in "
        f"all, half under a service's own series): {total / wall:,.0f} /s ({wall:.1f} s)   "
        f"[{before}; after: {uptime()}]"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT split_part(d.number, '-', 1) AS prefix, d.year, count(*), count(DISTINCT d.sequence),
                   count(DISTINCT d.number), min(d.sequence), max(d.sequence), s.last,
                   bool_and(d.number = split_part(d.number, '-', 1) || '-' || d.year || '-'
                            || lpad(d.sequence::text, 6, '0'))
            FROM documents_document d
            LEFT JOIN documents_numbersequence s
                   ON s.prefix = split_part(d.number, '-', 1) AND s.year = d.year
            GROUP BY 1, 2, s.last ORDER BY 1, 2
            """
        )
        rows = cursor.fetchall()
    for prefix, year, count, distinct, numbers, low, high, last, formatted in rows:
        ok = count == distinct == numbers == high == last and low == 1 and formatted
        print(
            f"  series {prefix}-{year}: {count:,} documents, numbers 1..{high:,}, counter at {last:,}, "
            f"{'unique and gapless' if ok else 'NOT GAPLESS OR NOT UNIQUE'}"
        )
        if not ok:
            raise SystemExit("numbering broken")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/11")
    parser.add_argument("--documents", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=float, default=20, help="per read scenario")
    parser.add_argument("--clients", type=int, default=8, help="concurrent reader connections")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--port", type=int, default=5180)
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--registrations", type=int, default=250, help="per writer")
    parser.add_argument("--skip-reads", action="store_true")
    parser.add_argument("--skip-writes", action="store_true")
    args = parser.parse_args()
    if not re.match(r"^(postgis|postgres|postgresql)://", args.database_url):
        raise SystemExit("--database-url must be a PostGIS database of the benchmark's own")
    env = environment(args)
    os.environ.update(env)
    seed(args.documents)
    found = sample(2000)
    print(f"gunicorn, {args.workers} sync workers, production settings; {args.clients} client threads")
    for line in plans(found):
        print(f"  plan: {line}")
    if not args.skip_reads:
        server = serve(args, env)
        try:
            print(
                f"{'scenario':<40} {'req/s':>7} {'p50 ms':>8} {'p99 ms':>8} {'CPU ms/req: workers':>20} "
                f"{'postgres':>8}  checked  load"
            )
            for label, make in scenarios(found).items():
                load(args.port, make, 2, args.clients)  # warm: pools, caches, plans
                workers_, backends = server_pids(server)
                before = (_cpu(workers_), _cpu(backends))
                spans, bad, good, wall = load(args.port, make, args.seconds, args.clients)
                python_cpu, pg_cpu = _cpu(workers_) - before[0], _cpu(backends) - before[1]
                print(
                    f"{label:<40} {len(spans) / wall:7.0f} {statistics.median(spans):8.1f} "
                    f"{percentile(spans, 0.99):8.1f} {1000 * python_cpu / len(spans):20.1f} "
                    f"{1000 * pg_cpu / len(spans):8.1f}  {good:,} ok, {bad} unexpected  [{uptime()}]"
                )
        finally:
            server.terminate()
            try:
                server.wait(60)
            except subprocess.TimeoutExpired:
                server.kill()
    if not args.skip_writes:
        writers(args, env)


if __name__ == "__main__":
    main()
