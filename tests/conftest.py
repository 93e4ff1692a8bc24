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


# The database as migrations left it (Wagtail's root page, locales, roles), serialized once.
_SERIALIZED: dict[str, str] = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker) -> Iterator[None]:
    """pytest-django's test database, and its migrated contents serialized for the fixture below
    (pytest-django only serializes when a collected test asks for serialized rollback)."""
    from django.db import connections

    with django_db_blocker.unblock():
        for alias in connections:
            connection = connections[alias]
            contents = getattr(connection, "_test_serialized_contents", None)
            _SERIALIZED[alias] = contents or connection.creation.serialize_db_to_string()
    yield


@pytest.fixture(autouse=True)
def _migrated_data_in_transactional_tests(request: pytest.FixtureRequest) -> None:
    """Every test that commits (transactional_db, live_server) starts from the migrated data.

    Two gaps in Django/pytest-django, closed here:
    - Django keeps the serialized database on the connection object, and connections are per
      context: once Playwright's sync API runs (greenlets, each with its own context), tests
      see a fresh connection object without it, and `django_db_serialized_rollback` did nothing.
    - A test with serialized rollback flushes without post-migrate signals, leaving no content
      types at all; the next transactional test without it then failed on foreign keys.
    """
    names = request.fixturenames
    if not {"transactional_db", "live_server", "django_db_serialized_rollback"} & set(names):
        return
    from django.db import connections

    if "django_db_serialized_rollback" in names:
        request.getfixturevalue("django_db_setup")
        for alias, contents in _SERIALIZED.items():
            if not hasattr(connections[alias], "_test_serialized_contents"):
                connections[alias]._test_serialized_contents = contents
        return
    request.getfixturevalue("transactional_db")
    from django.contrib.contenttypes.models import ContentType

    if not ContentType.objects.exists():
        for alias, contents in _SERIALIZED.items():
            connections[alias].creation.deserialize_db_from_string(contents)
        ContentType.objects.clear_cache()


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
