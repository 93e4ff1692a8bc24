"""Every public page's header and footer come from the cache, and change as soon as the pages
they show are renamed, unpublished, added or moved."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import HomePageFactory, ServiceIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def home():
    home = HomePageFactory()
    ServiceIndexPageFactory(parent=home, title="Servicii", slug="servicii", show_in_menus=True)
    return home


def _menu(client, url: str) -> list[str]:
    html = client.get(url).content.decode()
    (nav,) = re.findall(r'<nav class="main-nav".*?</nav>', html, re.S)
    return re.findall(r">([^<>]+)</a>", nav)


def test_the_header_is_built_once_then_read_from_the_cache(client, home):
    url = home.get_url()
    with CaptureQueriesContext(connection) as first:
        assert _menu(client, url) == ["Servicii"]
    with CaptureQueriesContext(connection) as second:
        assert _menu(client, url) == ["Servicii"]

    assert len(second) <= len(first) - 3, [q["sql"] for q in second.captured_queries]


def test_renamed_unpublished_added_and_moved_sections_show_at_once(client, home):
    url = home.get_url()
    assert _menu(client, url) == ["Servicii"]
    services = home.get_children().get().specific

    services.title = "Servicii online"
    services.save_revision().publish()
    assert _menu(client, url) == ["Servicii online"]

    home.refresh_from_db()
    news = ServiceIndexPageFactory(parent=home, title="Știri", slug="stiri", show_in_menus=True)
    assert _menu(client, url) == ["Servicii online", "Știri"]

    home.refresh_from_db()
    news.refresh_from_db()
    news.move(home, pos="first-child")
    assert _menu(client, url) == ["Știri", "Servicii online"]

    services.refresh_from_db()
    services.unpublish()
    assert _menu(client, url) == ["Știri"]
