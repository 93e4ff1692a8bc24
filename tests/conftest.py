"""Shared fixtures: the demo city, and a real Chromium driven by Playwright for browser tests."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from django.core.management import call_command

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


@pytest.fixture
def demo_city(db) -> None:
    """The demo city (departments, services, news in ro/en/hu) loaded into the test database."""
    call_command("load_demo", verbosity=0)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless Chromium for the whole run (Debian's build; Playwright downloads nothing)."""
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make deps` (apt-get install chromium fonts-liberation)")
    # Playwright's sync API runs an event loop in this thread; Django's ORM guard would refuse
    # the live server's database calls made from the test thread otherwise.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser) -> Iterator[object]:
    """A fresh browser context and page per test (no shared cookies), phone-sized when asked."""
    context = browser.new_context(locale="ro-RO")
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()
