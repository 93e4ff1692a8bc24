"""Site search and the services API read words only: any text gives results or none, never a 500."""

from __future__ import annotations

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.core.selectors import MAX_SEARCH_WORDS, search_terms
from portal.home.selectors import search_pages
from portal.services.models import ServicePage
from tests.db_snapshots import load_demo_data

# FTS5 syntax and operators, search-engine query syntax, and text a database may refuse (10k chars);
# NUL is refused before any view (tests/core/test_nul_bytes.py).
SYNTAX = ['"', "*", "AND", "(", "a OR", "NEAR(", "x:y", "^a", "-a", "é" * 10_000, "(" * 400]


@pytest.fixture(scope="module")
def city(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo_data(("load_demo", {"verbosity": 0}))
        yield
        transaction.set_rollback(True)


def test_search_terms_keep_words_and_drop_syntax():
    assert search_terms('"Taxe" AND (impozit* OR NEAR(auto') == "Taxe impozit auto"
    assert search_terms("and or not") == "and or not"  # FTS5 operators are upper case only
    assert search_terms('*:* "') == ""
    assert len(search_terms("a " * 100).split()) == MAX_SEARCH_WORDS


@pytest.mark.django_db
@pytest.mark.parametrize("query", SYNTAX)
def test_site_search_and_services_api_answer_any_syntax(city, client, query):
    page = client.get("/en/search/", {"q": query})
    api = client.get("/api/v1/services", {"lang": "en", "q": query})
    assert page.status_code == 200 and api.status_code == 200
    assert isinstance(api.json(), list)


@pytest.mark.django_db
def test_syntax_around_a_word_still_finds_it(city, client):
    service = ServicePage.objects.live().filter(locale__language_code="ro").first()
    word = max(search_terms(service.title).split(), key=len)
    found = client.get("/api/v1/services", {"lang": "ro", "q": f'"{word}" AND ('}).json()
    assert service.slug in [s["slug"] for s in found]


@pytest.mark.django_db
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=80))
def test_any_text_searches_without_error(city, query):
    search_pages(query)


@pytest.mark.django_db
@pytest.mark.parametrize("page", [str(10**20), "-1", "NaN", "1e300", "9" * 5000, "x"])
def test_any_page_number_gives_a_page(city, client, page):
    assert client.get("/en/search/", {"q": "a", "page": page}).status_code == 200
