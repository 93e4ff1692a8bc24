"""Shared fixtures: the demo city, and a real Chromium driven by Playwright for browser tests."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from django.core.management import call_command

from tests import db_snapshots
from training.services.tutorial_screenshots import CHROMIUM_ARGS  # the portal launches it alike

# A real S3 API server on loopback (moto's; s3rver for signed-URL expiry) for object-storage tests.
pytest_plugins = ["tests.object_storage"]

CHROMIUM = "/usr/bin/chromium"


# The database as migrations left it (Wagtail's root page, locales, roles), serialized once.
_MIGRATED: dict[str, str] = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker) -> Iterator[None]:
    """pytest-django's test database, serialized once for `_migrated_data_for_committing_tests`.

    Django's own serialized rollback is switched off: it keeps the snapshot on the connection
    object, which Playwright's greenlets do not always see, so some tests restored nothing and
    others restored onto content types that a flush's post-migrate signal had just remade.
    """
    from django.db import connections

    with django_db_blocker.unblock():
        for alias in connections:
            connection = connections[alias]
            if db_snapshots.supported(alias):  # SQLite: a copy of the file, put back page by page
                db_snapshots.capture_migrated(alias)
            else:
                _MIGRATED[alias] = connection.creation.serialize_db_to_string()
            if hasattr(connection, "_test_serialized_contents"):
                del connection._test_serialized_contents
    yield


@pytest.fixture(autouse=True)
def _fresh_site_sections() -> None:
    """The cached header and footer are forgotten by signals when pages change; a rolled-back
    test changes them without any, so each test starts without them."""
    from portal.core.selectors import forget_site_sections

    forget_site_sections()


@pytest.fixture(autouse=True)
def _migrated_data_for_committing_tests(request: pytest.FixtureRequest) -> None:
    """Every test that commits (transactional_db, live_server, transaction=True) starts from the
    migrated data, whatever the test before it left (a flush empties everything)."""
    marker = request.node.get_closest_marker("django_db")
    marked = marker is not None and bool(marker.kwargs.get("transaction") or marker.args[:1] == (True,))
    if not (marked or {"transactional_db", "live_server"} & set(request.fixturenames)):
        return
    request.getfixturevalue("_django_db_helper")
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import caches
    from django.core.management.color import no_style
    from django.db import connections

    for alias in connections:
        if db_snapshots.has_migrated(alias):
            db_snapshots.restore_migrated(alias)
    for alias, contents in _MIGRATED.items():
        connection = connections[alias]
        call_command("flush", database=alias, interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection.creation.deserialize_db_from_string(contents)
        # Rows came back with their ids: move PostgreSQL's sequences past them.
        statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models(include_auto_created=True))
        if statements:
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)
    ContentType.objects.clear_cache()
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def demo_city(db) -> None:
    """The demo city (departments, services, news in ro/en/hu) loaded into the test database
    (loaded once per run on SQLite, then its rows written back: tests/db_snapshots.py)."""
    db_snapshots.load_demo_data(("load_demo", {"verbosity": 0}))


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
