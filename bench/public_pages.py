"""Public pages of the demo city, server side: SQL queries and CPU per request with the site's
header and footer read from the cache (as served) and rebuilt for every request (as before they
were cached), in Romanian, English and Hungarian.

    .venv/bin/python bench/public_pages.py [--requests 30]

Runs on a separate test database (var/bench-pages.sqlite3, or `test_<name>` on PostgreSQL with
DATABASE_URL), loads the demo city into it once, and prints a table; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
os.environ.setdefault("TEST_DATABASE_NAME", str(ROOT / "var" / "bench-pages.sqlite3"))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402


def pages() -> list[str]:
    """The home page, a service, the services index and a department, in each language."""
    from portal.home.models import HomePage
    from portal.services.models import ServicePage

    urls = []
    for page in (
        HomePage.objects.live().order_by("pk").first(),
        ServicePage.objects.live().order_by("pk").first(),
        ServicePage.objects.live().order_by("pk").first().get_parent(),
    ):
        urls += [p.get_url() for p in page.get_translations(inclusive=True).live()]
    return urls


def measure(client: Client, url: str, requests: int, *, cold: bool) -> tuple[float, float]:
    """(queries, median CPU ms) per request of `url`."""
    from portal.core.selectors import forget_site_sections

    client.get(url)
    cpu, queries = [], 0
    for _ in range(requests):
        if cold:
            forget_site_sections()
        with CaptureQueriesContext(connection) as captured:
            start = time.process_time()
            response = client.get(url)
            cpu.append((time.process_time() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries += len(captured)
    return queries / requests, statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, keepdb=True, serialize=False)
    from portal.home.models import HomePage

    if not HomePage.objects.exists():
        print("loading the demo city (once)…", flush=True)
        call_command("load_demo", verbosity=0)
    client = Client()
    print(f"{'page':60} {'cached: queries':>16} {'CPU ms':>7} {'rebuilt: queries':>17} {'CPU ms':>7}")
    for url in pages():
        warm = measure(client, url, args.requests, cold=False)
        cold = measure(client, url, args.requests, cold=True)
        print(f"{url:60} {warm[0]:16.0f} {warm[1]:7.1f} {cold[0]:17.0f} {cold[1]:7.1f}", flush=True)


if __name__ == "__main__":
    main()
