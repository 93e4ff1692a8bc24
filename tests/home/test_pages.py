"""Every public page type renders in every language, in that language, and search finds services."""

from __future__ import annotations

import re

import pytest
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Page

from portal.home.models import ContactPage, HomePage, NewsIndexPage, NewsPage
from portal.services.models import DepartmentIndexPage, DepartmentPage, ServiceIndexPage, ServicePage
from tests.db_snapshots import load_demo_data
from tests.demo_pages import online_service

LANGUAGES = ["ro", "en", "hu"]
PAGE_TYPES = [
    HomePage,
    NewsIndexPage,
    NewsPage,
    ContactPage,
    ServiceIndexPage,
    ServicePage,
    DepartmentIndexPage,
    DepartmentPage,
]
# The skip link's text, a template string: proves the UI itself is translated, not only content.
SKIP_LINK = {
    "ro": "Salt la conținutul principal",
    "en": "Skip to main content",
    "hu": "Ugrás a fő tartalomra",
}


@pytest.fixture(scope="module")
def city_once(django_db_setup, django_db_blocker):
    """The demo city loaded once for this module, inside a transaction rolled back at its end:
    loading it takes tens of seconds, and every test here only reads it (each test's own
    writes are rolled back by `db`, nested in this transaction as a savepoint)."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo_data(("load_demo", {"verbosity": 0}))
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(city_once, db) -> None:
    """The demo city, for one test."""


def html_lang(content: bytes) -> str | None:
    match = re.search(rb"<html[^>]*\blang=\"([^\"]+)\"", content)
    return match.group(1).decode() if match else None


def first_live(model: type[Page], language: str) -> Page:
    page = model.objects.live().filter(locale__language_code=language).order_by("path").first()
    assert page is not None, f"the demo city has no live {model.__name__} in {language}"
    return page


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
def test_page_type_renders_in_language(demo, client, model, language):
    page = first_live(model, language)
    response = client.get(page.url)
    assert response.status_code == 200
    assert html_lang(response.content) == language
    body = response.content.decode()
    assert SKIP_LINK[language] in body
    assert '<main id="main"' in body
    assert body.count("<h1") == 1
    assert f'href="/{language}/' in body  # the header's home link and menu are localized


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_a_service_by_a_word_of_its_title(demo, client, language):
    service = first_live(ServicePage, language)
    word = max(re.findall(r"\w+", service.title), key=len)
    response = client.get(f"/{language}/search/", {"q": word})
    assert response.status_code == 200
    assert html_lang(response.content) == language
    assert service.pk in [result.pk for result in response.context["results"]]
    body = response.content.decode()
    assert f'value="{word}"' in body  # the query is echoed in the input
    assert service.url in body


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_without_results_says_so(demo, client, language):
    response = client.get(f"/{language}/search/", {"q": "qqqzzzxxx"})
    assert response.status_code == 200
    assert 'class="no-results"' in response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_not_found_page(demo, client, language):
    response = client.get(f"/{language}/this-page-does-not-exist/")
    assert response.status_code == 404
    assert "404.html" in [t.name for t in response.templates]
    assert html_lang(response.content) == language
    assert SKIP_LINK[language] in response.content.decode()


def test_server_error_page_renders_without_the_database(django_db_blocker):
    # Any query would raise inside block(): rendering proves the page needs no database.
    with django_db_blocker.block(), translation.override("hu"):
        html = render_to_string("500.html")
    assert '<html lang="hu">' in html
    assert '<main id="main"' in html


def test_language_switcher_links_to_the_translations(demo, client):
    service = first_live(ServicePage, "ro")
    translations = {p.locale.language_code: p for p in service.get_translations(inclusive=True).live()}
    body = client.get(service.url).content.decode()
    for language, native in (("ro", "Română"), ("en", "English"), ("hu", "Magyar")):
        link = f'<a href="{translations[language].url}" lang="{language}" hreflang="{language}"'
        assert link in body
        assert f'<link rel="alternate" hreflang="{language}"' in body
        assert native in body
    assert re.search(r'hreflang="ro" aria-current="true">Română</a>', body)


def test_language_switcher_on_search_swaps_the_prefix(demo, client):
    body = client.get("/en/search/", {"q": "tax"}).content.decode()
    assert 'href="/ro/search/?q=tax" lang="ro"' in body
    assert 'href="/hu/search/?q=tax" lang="hu"' in body


def test_main_navigation_marks_the_current_section(demo, client):
    service = first_live(ServicePage, "en")
    index = service.get_parent()
    body = client.get(service.url).content.decode()
    assert f'<a href="{index.url}" aria-current="true">' in body
    body = client.get(index.url).content.decode()
    assert f'<a href="{index.url}" aria-current="page">' in body


def test_department_page_shows_opening_hours_table(demo, client):
    department = first_live(DepartmentPage, "en")
    body = client.get(department.url).content.decode()
    assert "<caption>" in body
    assert body.count('<th scope="row">') == 7
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        assert day in body
    assert ("Open now" in body) or ("Closed now" in body)


def test_service_page_shows_its_facts(demo, client):
    service = online_service("en")
    body = client.get(service.url).content.decode()
    assert '<form class="form" method="post"' in body
    assert "<details>" in body or not service.faq
    assert "geo:" in body or service.place is None
    assert "<tfoot>" in body or not service.fees


def valid_form_data(service: ServicePage) -> dict[str, object]:
    """Something valid for every field of the service's request form."""
    form = service.get_form(page=service, user=AnonymousUser())
    data: dict[str, object] = {}
    for name, field in form.fields.items():
        if isinstance(field, forms.BooleanField):
            data[name] = "on"
        elif isinstance(field, forms.MultipleChoiceField):
            data[name] = [field.choices[0][0]]
        elif isinstance(field, forms.ChoiceField):
            data[name] = next(value for value, _label in field.choices if value)
        elif isinstance(field, forms.EmailField):
            data[name] = "ana.pop@example.org"
        elif isinstance(field, forms.URLField):
            data[name] = "https://example.org/"
        elif isinstance(field, forms.DateTimeField):
            data[name] = "2026-03-01 10:00"
        elif isinstance(field, forms.DateField):
            data[name] = "2026-03-01"
        elif isinstance(field, (forms.IntegerField, forms.DecimalField, forms.FloatField)):
            data[name] = "2"
        else:
            data[name] = "Ana Pop"
    return data


@pytest.mark.parametrize("language", LANGUAGES)
def test_online_request_is_accepted_and_thanked(demo, client, language):
    service = online_service(language)
    response = client.post(service.url, valid_form_data(service), follow=True)
    assert response.status_code == 200
    body = response.content.decode()
    # The thank-you page (the document registry's receipt, or the page's own landing page).
    assert 'class="confirmation' in body and 'role="status"' in body
    assert 'id="service-form"' not in body
    assert html_lang(response.content) == language


def test_information_only_service_ignores_posts(demo, client):
    service = ServicePage.objects.live().filter(locale__language_code="ro", online=False).first()
    if service is None:
        pytest.skip("every demo service can be requested online")
    response = client.post(service.url, {})
    assert response.status_code == 200
    assert "services/service_page.html" in [t.name for t in response.templates]
    assert 'id="service-form"' not in response.content.decode()


def test_online_request_errors_are_tied_to_fields(demo, client):
    service = (
        ServicePage.objects.live()
        .filter(locale__language_code="en", online=True, form_fields__required=True)
        .distinct()
        .first()
    )
    response = client.post(service.url, {})
    body = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary" role="alert"' in body
    assert "<title>Error:" in body
    field = next(f for f in service.get_form_fields() if f.required)
    field_id = f"id_{field.clean_name}"
    assert 'aria-invalid="true"' in body
    assert re.search(rf'id="{field_id}"[^>]*aria-describedby="[^"]*{field_id}_error', body) or re.search(
        rf'aria-describedby="[^"]*{field_id}_error[^"]*"[^>]*id="{field_id}"', body
    )
    assert f'id="{field_id}_error"' in body
    assert f'href="#{field_id}' in body


@pytest.mark.parametrize(
    ("language", "title"),
    [("ro", "Urmăriți un document"), ("en", "Track a document"), ("hu", "Dokumentum követése")],
)
def test_home_page_and_footer_lead_to_every_application(demo, client, language, title):
    """The map, open data, camera register, indicators, tracking and QR check are pages of no
    tree: the home page and every page's footer link to them, in the visitor's language."""
    html = client.get(first_live(HomePage, language).url).content.decode()
    home_links = re.findall(r'<h3 class="card__title"><a href="([^"]+)">([^<]+)</a>', html)
    paths = ("track/", "map/", "opendata/", "cameras/", "kpi/", "verify")
    expected = {f"/{language}/{path}" for path in paths}
    assert expected <= {url for url, _name in home_links}
    assert (f"/{language}/track/", title) in home_links
    footer = html[html.index('id="footer-online"') :]
    assert all(f'href="{url}"' in footer for url in expected)
    for url in expected:
        assert client.get(url).status_code == 200, url
