"""Document registry figures: registration throughput (one writer and several concurrent
ones), public status lookups, tracking page, receipt PDF and a sheet of 24 labels.

    .venv/bin/python bench/documents_registry.py [--documents 500] [--threads 8]
    DATABASE_URL=postgis://postgres@127.0.0.1:5432/arad_bench .venv/bin/python bench/documents_registry.py

Runs on a separate test database (var/bench-documents.sqlite3, or the PostgreSQL one from
DATABASE_URL with a test_ prefix) that it migrates the first time; prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
os.environ.setdefault("TEST_DATABASE_NAME", str(ROOT / "var" / "bench-documents.sqlite3"))
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import django  # noqa: E402

django.setup()

from django.db import connection, connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402


def timed(fn, repeat: int) -> list[float]:
    spans = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        spans.append((time.perf_counter() - start) * 1000)
    return spans


def report(label: str, spans: list[float]) -> None:
    spans = sorted(spans)
    p95 = spans[int(len(spans) * 0.95) - 1] if len(spans) >= 20 else spans[-1]
    print(f"{label:<44} median {statistics.median(spans):7.1f} ms   p95 {p95:7.1f} ms   (n={len(spans)})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, keepdb=True, serialize=False)
    from django.core.cache import cache

    from portal.documents import pdf, services
    from portal.documents.models import Document, DocumentEvent, NumberSequence

    DocumentEvent.objects.all().delete()
    Document.objects.all().delete()
    NumberSequence.objects.all().delete()
    print(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")

    start = time.perf_counter()
    for n in range(args.documents):
        services.register_document(channel="counter", subject=f"Cerere {n}", sender_name="Ana Pop")
    elapsed = time.perf_counter() - start
    print(f"{'registrations, one writer':<44} {args.documents / elapsed:7.0f} /s")

    per_thread = max(1, args.documents // args.threads)

    def worker() -> None:
        for n in range(per_thread):
            services.register_document(channel="online", subject=f"Paralel {n}")
        connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(args.threads)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    total = per_thread * args.threads
    sequences = sorted(Document.objects.values_list("sequence", flat=True))
    gapless = sequences == list(range(1, len(sequences) + 1))
    print(
        f"{f'registrations, {args.threads} concurrent writers':<44} {total / elapsed:7.0f} /s"
        f"   (numbers gapless and unique: {gapless})"
    )

    client = Client()
    document = Document.objects.order_by("?").first()
    for_status = {"number": document.number, "pin": document.pin, "lang": "ro"}

    def lookup() -> None:
        cache.clear()
        assert client.get("/api/v1/documents/status", for_status).status_code == 200

    report("GET /api/v1/documents/status", timed(lookup, 200))
    report("GET /ro/t/<token> (tracking page)", timed(lambda: client.get(f"/ro/t/{document.token}"), 200))
    report("receipt PDF", timed(lambda: pdf.receipt_pdf(document), 30))
    sheet = list(Document.objects.all()[:24])
    report("sheet of 24 QR labels (PDF)", timed(lambda: pdf.labels_sheet_pdf(sheet), 10))

    DocumentEvent.objects.all().delete()
    Document.objects.all().delete()
    NumberSequence.objects.all().delete()


if __name__ == "__main__":
    main()
