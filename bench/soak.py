"""Soak of the production stack (`make prod-up`): mixed traffic at a steady rate through nginx to
both web nodes for a long time, counting errors, latency per minute and each gunicorn worker's
memory per minute (flat memory: the first minute against the last, and the slope).

The traffic, each target read from the running portal first: public pages in ro/en/hu (home,
service pages, the map, the open-data catalogue), tracking pages and the status API with the
numbers and PINs of requests this run filed, OGC API – Features items of every collection,
the CKAN-style open-data API, and a request filed through a service's form now and then. Each
simulated resident connects from its own loopback address (127.0.0.x), as residents behind the
city's proxy have their own addresses.

    make prod-up
    nohup .venv/bin/python bench/soak.py --minutes 30 > var/soak.log 2>&1 &

Prints one line per minute and a summary; writes the figures to --out (JSON). Asserts nothing.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import random
import statistics
import sys
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.deploy.visitor import Receipt, Visitor, csrf_of, file_request, pdf_attachment  # noqa: E402

LANGUAGES = ("ro", "en", "hu")


@dataclass(frozen=True)
class Target:
    kind: str
    path: str


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def slope(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of (x, y)."""
    if len(points) < 2:
        return 0.0
    mean_x = statistics.fmean(x for x, _ in points)
    mean_y = statistics.fmean(y for _, y in points)
    den = sum((x - mean_x) ** 2 for x, _ in points)
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / den if den else 0.0


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def node_workers(stack: Path) -> dict[str, dict[int, int]]:
    """{node: {worker pid: RSS KiB}} for each gunicorn node of the stack (master included as 0)."""
    found: dict[str, dict[int, int]] = {}
    for pidfile in sorted(stack.glob("node-*.pid")):
        node = pidfile.stem
        try:
            master = int(pidfile.read_text().strip())
            children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
            found[node] = {0: rss_kib(master)} | {int(pid): rss_kib(int(pid)) for pid in children}
        except (OSError, ValueError):
            found[node] = {}
    return found


def served(stack: Path) -> dict[str, int]:
    """Requests each node has logged so far (its access log)."""
    counts = {}
    for log in sorted(stack.glob("node-*.access.log")):
        with log.open("rb") as lines:
            counts[log.name.split(".")[0]] = sum(1 for _ in lines)
    return counts


def discover(visitor: Visitor, forms: int) -> tuple[list[Target], list[str], list[Receipt]]:
    """What to ask for, from the portal itself; and a few requests filed to track."""
    targets = [Target("page", f"/{lang}/") for lang in LANGUAGES]
    targets += [Target("page", f"/{lang}/map/") for lang in LANGUAGES]
    targets += [Target("page", f"/{lang}/opendata/") for lang in LANGUAGES]
    service_paths: list[str] = []
    for lang in LANGUAGES:
        services = visitor.get(f"/api/v1/services?lang={lang}").json()
        targets += [Target("page", urlsplit(s["url"]).path) for s in services[:8]]
        service_paths += [urlsplit(s["url"]).path for s in services if s.get("online_request")]
    collections = visitor.get("/ogcapi/collections?f=json").json()["collections"]
    targets += [Target("ogc", f"/ogcapi/collections/{c['id']}/items?f=json&limit=20") for c in collections]
    names = visitor.get("/api/3/action/package_list").json()["result"]
    targets += [Target("opendata", f"/api/3/action/package_show?id={name}") for name in names]
    targets += [Target("opendata", "/api/3/action/package_search?rows=10")]
    receipts = []
    for index in range(forms):
        receipts.append(
            file_request(
                visitor,
                service_paths[index % len(service_paths)],
                who=f"soak-setup-{index}",
                attachment=pdf_attachment(f"soak setup {index}"),
            )
        )
    for receipt in receipts:
        targets.append(Target("lookup", f"{receipt.number} {receipt.pin}"))  # the form, number + PIN
        targets.append(
            Target("status", f"/api/v1/documents/status?number={receipt.number}&pin={receipt.pin}")
        )
        token = receipt.pdf_url.rsplit("/", 1)[1].removesuffix(".pdf")
        targets += [Target("tracking", f"/{lang}/t/{token}") for lang in LANGUAGES]
    return targets, service_paths, receipts


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--base", default="https://127.0.0.1:8443")
    parser.add_argument("--stack-dir", default=str(ROOT / "var" / "prod"))
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--rate", type=float, default=5.0, help="requests per second, all kinds")
    parser.add_argument("--form-every", type=float, default=30.0, help="seconds between filed requests")
    parser.add_argument("--residents", type=int, default=16, help="simulated residents (connections)")
    parser.add_argument("--out", default=str(ROOT / "var" / "soak.json"))
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    stack = Path(args.stack_dir)
    cacert = str(stack / "tls" / "cert.pem")
    random.seed(args.seed)
    setup = Visitor(args.base, verify=cacert)
    targets, service_paths, _ = discover(setup, forms=3)
    kinds = sorted({t.kind for t in targets} | {"form"})
    print(f"{len(targets)} targets ({', '.join(kinds)}); {args.rate}/s for {args.minutes} min", flush=True)

    residents = [Visitor(args.base, verify=cacert, source=f"127.0.0.{10 + i}") for i in range(args.residents)]
    free = list(residents)
    lock = threading.Lock()
    started = time.monotonic()
    records: list[tuple[int, str, float, bool, str]] = []  # minute, kind, seconds, ok, detail
    forms = itertools.count()

    last_minute = max(0, math.ceil(args.minutes) - 1)

    def minute() -> int:
        """The minute of the run; answers still arriving after the end count in the last one."""
        return min(int((time.monotonic() - started) // 60), last_minute)

    def one(target: Target) -> None:
        with lock:
            visitor = free.pop() if free else Visitor(args.base, verify=cacert)
        t0 = time.perf_counter()
        detail = ""
        try:
            if target.kind == "form":
                n = next(forms)
                file_request(
                    Visitor(args.base, verify=cacert, source=f"127.0.1.{n % 250 + 1}"),
                    target.path,
                    who=f"soak-{n}",
                    attachment=pdf_attachment(f"soak {n}"),
                )
                ok = True
            elif target.kind == "lookup":
                number, pin = target.path.split()
                lang = random.choice(LANGUAGES)
                page = visitor.get(f"/{lang}/track/")
                answer = visitor.post_form(
                    f"/{lang}/track/",
                    {"csrfmiddlewaretoken": csrf_of(page.text), "number": number, "pin": pin},
                    allow_redirects=False,
                )
                ok = answer.status_code == 302 and "/t/" in answer.headers.get("Location", "")
                detail = "" if ok else f"{answer.status_code} lookup {number}"
            else:
                answer = visitor.get(target.path)
                ok = answer.status_code < 400
                detail = "" if ok else f"{answer.status_code} {target.path}"
        except Exception as error:  # noqa: BLE001 - every failure is a counted error
            ok, detail = False, f"{type(error).__name__}: {error} {target.path}"
        elapsed = time.perf_counter() - t0
        with lock:
            records.append((minute(), target.kind, elapsed, ok, detail))
            free.append(visitor)

    memory: list[tuple[int, dict[str, dict[int, int]]]] = [(0, node_workers(stack))]
    served_before = served(stack)
    total_seconds = args.minutes * 60
    interval = 1.0 / args.rate
    next_form = args.form_every
    reported = 0
    with ThreadPoolExecutor(max_workers=args.residents) as pool:
        tick = 0
        while (now := time.monotonic() - started) < total_seconds:
            if now >= next_form:
                pool.submit(one, Target("form", random.choice(service_paths)))
                next_form += args.form_every
            pool.submit(one, random.choice(targets))
            tick += 1
            current = minute()
            if current > reported:
                memory.append((current, node_workers(stack)))
                report_minute(reported, records, lock, memory[-1][1])
                reported = current
            time.sleep(max(0.0, started + tick * interval - time.monotonic()))
    memory.append((minute(), node_workers(stack)))
    report_minute(reported, records, lock, memory[-1][1])
    per_node = {node: count - served_before.get(node, 0) for node, count in served(stack).items()}
    summarise(args, records, memory, kinds, per_node)


def report_minute(index: int, records, lock, nodes: dict[str, dict[int, int]]) -> None:
    with lock:
        rows = [r for r in records if r[0] == index]
    times = [r[2] * 1000 for r in rows]
    errors = sum(1 for r in rows if not r[3])
    rss = "  ".join(
        f"{node}: " + "/".join(f"{kib / 1024:.0f}" for pid, kib in sorted(workers.items()) if pid)
        for node, workers in nodes.items()
    )
    print(
        f"min {index + 1:>3}: {len(rows):>5} req, {errors} errors, p50 {percentile(times, 50):6.1f} ms, "
        f"p99 {percentile(times, 99):7.1f} ms; worker RSS MiB {rss}",
        flush=True,
    )


def summarise(args, records, memory, kinds, per_node: dict[str, int]) -> None:
    minutes = defaultdict(list)
    for m, _kind, seconds, _ok, _detail in records:
        minutes[m].append(seconds * 1000)
    errors = [r[4] for r in records if not r[3]]
    per_kind = {
        kind: {
            "requests": sum(1 for r in records if r[1] == kind),
            "p50_ms": round(percentile([r[2] * 1000 for r in records if r[1] == kind], 50), 1),
            "p99_ms": round(percentile([r[2] * 1000 for r in records if r[1] == kind], 99), 1),
        }
        for kind in kinds
    }
    workers: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for m, nodes in memory:
        for node, pids in nodes.items():
            for pid, kib in pids.items():
                if pid:
                    workers[f"{node}/{pid}"].append((m, kib / 1024))
    rss = {
        name: {
            "first_mib": round(points[0][1], 1),
            "last_mib": round(points[-1][1], 1),
            "slope_mib_per_hour": round(slope(points) * 60, 2),
        }
        for name, points in workers.items()
    }
    all_times = [r[2] * 1000 for r in records]
    result = {
        "minutes": args.minutes,
        "rate_per_second": args.rate,
        "requests": len(records),
        "errors": len(errors),
        "error_samples": errors[:20],
        "p50_ms": round(percentile(all_times, 50), 1),
        "p99_ms": round(percentile(all_times, 99), 1),
        "per_minute": [
            {
                "minute": m + 1,
                "requests": len(v),
                "p50_ms": round(percentile(v, 50), 1),
                "p99_ms": round(percentile(v, 99), 1),
            }
            for m, v in sorted(minutes.items())
        ],
        "per_kind": per_kind,
        "served_per_node": per_node,
        "worker_rss": rss,
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2))
    print(
        f"\n{len(records)} requests, {len(errors)} errors; "
        f"p50 {result['p50_ms']} ms, p99 {result['p99_ms']} ms"
    )
    for kind, figures in per_kind.items():
        print(
            f"  {kind:<9} {figures['requests']:>6} req  "
            f"p50 {figures['p50_ms']} ms  p99 {figures['p99_ms']} ms"
        )
    print("  served by each node (its access log):", ", ".join(f"{n} {c}" for n, c in per_node.items()))
    p99s = [row["p99_ms"] for row in result["per_minute"]]
    if p99s:
        print(f"  p99 per minute: min {min(p99s)} ms, max {max(p99s)} ms")
    print("worker RSS (MiB): first -> last, slope per hour")
    for name, figures in rss.items():
        print(
            f"  {name:<16} {figures['first_mib']} -> {figures['last_mib']}  "
            f"({figures['slope_mib_per_hour']:+} MiB/h)"
        )
    for sample in errors[:20]:
        print("  error:", sample)
    print(f"figures in {args.out}")


if __name__ == "__main__":
    main()
