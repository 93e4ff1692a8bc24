"""A burst of signed device alerts against the portal as production runs it (gunicorn, PostgreSQL):
N alerts (default 1,000) from M devices sent within a minute by concurrent senders, while an
operator console polls its JSON endpoint; prints how many were accepted and how many the console
saw (none may be lost), and the delay from sending each alert to its first appearance on the
console, p50/p99 (target under 2 s), with the devices' POST latency.

    DATABASE_URL=postgis://postgres@127.0.0.1:5432/arad_safety_bench \\
        .venv/bin/python bench/safety_alert_burst.py [--alerts 1000] [--seconds 60] [--workers 2]

The database must be the benchmark's own (it is migrated, and its bench devices' alerts are
deleted before each run). Only loopback is contacted; every loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

POLL_PATH = "/admin/safety/console/alerts.json"
ALERT_PATH = "/api/v1/safety/alerts"


def portal_env(database_url: str) -> dict[str, str]:
    """The portal on its production settings, over plain HTTP on loopback."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DATABASE_URL": database_url,
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-" + "x" * 50),
        "SECURE_SSL_REDIRECT": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }


def seed(devices: int) -> tuple[list[tuple[str, str]], str]:
    """Migrate; make `devices` operational alert buttons (codes AR-BENCH-nnnn) with no alerts, and
    an operator of the "Safety operators" group signed in; (code, secret) pairs and the session key."""
    import logging

    import django

    django.setup()
    for name in ("django_tasks", "wagtail"):  # they log every task of the migrations at INFO
        logging.getLogger(name).setLevel(logging.WARNING)
    from django.contrib.auth.models import Group, User
    from django.contrib.gis.geos import Point
    from django.core.management import call_command
    from django.test import Client

    from portal.accounts.selectors import VERIFIED_SESSION_KEY
    from safety.models import Alert, Device

    call_command("migrate", verbosity=0)
    Alert.objects.filter(device__code__startswith="AR-BENCH-").delete()
    pairs = []
    for i in range(devices):
        device, _ = Device.objects.update_or_create(
            code=f"AR-BENCH-{i:04d}",
            defaults={
                "kind": Device.Kind.ALERT_BUTTON,
                "name": f"Bench room {i}",
                "business_name": f"Bench school {i}",
                "location": Point(21.30 + i / 2000, 46.17 + i / 4000, srid=4326),
                "operator": "Bench",
                "status": Device.Status.OPERATIONAL,
            },
        )
        pairs.append((device.code, device.secret))
    other_open = Alert.objects.open().exclude(device__code__startswith="AR-BENCH-").count()
    if other_open:
        raise SystemExit(f"the database holds {other_open} other open alerts: use a database of its own")
    operator, _ = User.objects.get_or_create(username="bench-operator")
    operator.groups.add(Group.objects.get(name="Safety operators"))
    client = Client()
    client.force_login(operator)
    session = client.session  # the role needs a second factor: this session has passed it
    session[VERIFIED_SESSION_KEY] = operator.pk
    session.save()
    return pairs, client.cookies["sessionid"].value


def gunicorn(port: int, workers: int, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "portal.wsgi", "-w", str(workers), "-k", "sync",
         "-b", f"127.0.0.1:{port}", "--graceful-timeout", "5", "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


def wait(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5).read()
            return
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer within {timeout} s")


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--alerts", type=int, default=1000)
    parser.add_argument("--devices", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=60, help="the burst is spread over this time")
    parser.add_argument("--senders", type=int, default=8, help="concurrent device connections")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--poll-ms", type=int, default=1000, help="the console's polling interval")
    parser.add_argument("--port", type=int, default=5181)
    args = parser.parse_args()
    if not args.database_url.startswith(("postgis://", "postgres://", "postgresql://")):
        raise SystemExit("--database-url must be a PostgreSQL (PostGIS) database of the benchmark's own")
    env = portal_env(args.database_url)
    os.environ.update(env)
    pairs, session = seed(args.devices)
    from portal.core.signing import sign

    server = gunicorn(args.port, args.workers, env)
    base = f"http://127.0.0.1:{args.port}"
    sent_at: dict[int, float] = {}
    seen_at: dict[int, float] = {}
    post_ms: list[float] = []
    statuses: dict[int, int] = {}
    poll_ms: list[float] = []
    lock = threading.Lock()
    stop = threading.Event()

    def send(i: int, start: float) -> None:
        time.sleep(max(0.0, start + i * args.seconds / args.alerts - time.monotonic()))
        code, secret = pairs[i % len(pairs)]
        body = json.dumps({"device": code, "nonce": uuid.uuid4().hex, "event": uuid.uuid4().hex}).encode()
        ts = int(time.time())
        request = urllib.request.Request(
            base + ALERT_PATH, data=body, method="POST",
            headers={"Content-Type": "application/json", "X-Safety-Timestamp": str(ts),
                     "X-Safety-Signature": sign(secret=secret, timestamp=ts, body=body)},
        )  # fmt: skip
        t0 = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                status, answer = response.status, json.loads(response.read())
        except urllib.error.HTTPError as exc:
            status, answer = exc.code, {}
        except OSError:
            status, answer = 0, {}
        with lock:
            statuses[status] = statuses.get(status, 0) + 1
            post_ms.append((time.monotonic() - t0) * 1000)
            if status == 201:
                sent_at[answer["alert"]] = t0

    def poll() -> None:
        headers = {"Cookie": f"sessionid={session}", "Accept": "application/json"}
        while not stop.is_set():
            t0 = time.monotonic()
            try:
                with urllib.request.urlopen(
                    urllib.request.Request(base + POLL_PATH, headers=headers), timeout=30
                ) as r:
                    alerts = json.loads(r.read())["alerts"]
                now = time.monotonic()
                with lock:
                    for alert in alerts:
                        seen_at.setdefault(alert["id"], now)
                    poll_ms.append((now - t0) * 1000)
            except (urllib.error.URLError, OSError, ValueError, KeyError):
                pass
            stop.wait(max(0.0, args.poll_ms / 1000 - (time.monotonic() - t0)))

    try:
        wait(base + "/healthz")
        load = subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()
        poller = threading.Thread(target=poll, daemon=True)
        poller.start()
        start = time.monotonic()
        with ThreadPoolExecutor(args.senders) as pool:
            list(pool.map(lambda i: send(i, start), range(args.alerts)))
        burst = time.monotonic() - start
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with lock:
                if set(sent_at) <= set(seen_at):
                    break
            time.sleep(0.2)
        stop.set()
        poller.join(timeout=35)
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=15)

    from safety.models import Alert

    stored = Alert.objects.filter(device__code__startswith="AR-BENCH-").count()
    delays = [(seen_at[i] - sent_at[i]) * 1000 for i in sent_at if i in seen_at]
    lost = len(set(sent_at) - set(seen_at))
    print(f"load before: {load}")
    print(
        f"{args.alerts} signed alerts from {len(pairs)} devices, {args.senders} concurrent senders, "
        f"sent in {burst:.1f} s; gunicorn {args.workers} sync workers, PostgreSQL; console polled every "
        f"{args.poll_ms} ms"
    )
    print(
        f"answers: {dict(sorted(statuses.items()))}; stored: {stored}; "
        f"seen on the console: {len(delays)}; lost: {lost}"
    )
    print(f"POST latency ms: p50 {pct(post_ms, 50):.0f}, p99 {pct(post_ms, 99):.0f}")
    if poll_ms:
        print(
            f"console poll ms: p50 {pct(poll_ms, 50):.0f}, p99 {pct(poll_ms, 99):.0f} ({len(poll_ms)} polls)"
        )
    if delays:
        print(
            f"delay until on the console ms: p50 {pct(delays, 50):.0f}, p99 {pct(delays, 99):.0f}, "
            f"max {max(delays):.0f} (mean {statistics.mean(delays):.0f})"
        )


if __name__ == "__main__":
    main()
