"""Site search: word forms, no diacritics needed, best match first, only the reader's language."""

from __future__ import annotations

import pytest
from wagtail.models import Locale, Page, Site

from portal.home.models import NewsIndexPage, NewsPage
from portal.home.selectors import search_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def news() -> dict[str, NewsPage]:
    root = Site.objects.get(is_default_site=True).root_page
    locale = root.locale
    index = root.add_child(instance=NewsIndexPage(title="Știri", slug="stiri-cautare", locale=locale))
    pages = {
        "dogs": ("Câinii comunitari vor fi microcipați", "Campanie gratuită", "<p>Toți câinii.</p>"),
        "report": ("Raport anual", "Bilanțul primăriei", "<p>Un capitol despre câini și pisici.</p>"),
        "bus": ("Autobuze noi pe linia 3", "Transport", "<p>Stații modernizate.</p>"),
    }
    made = {}
    for key, (title, intro, body) in pages.items():
        page = index.add_child(instance=NewsPage(title=title, intro=intro, body=body, live=False))
        page.save_revision().publish()
        made[key] = NewsPage.objects.get(pk=page.pk)
    return made


def test_word_forms_and_no_diacritics(news):
    locale = news["dogs"].locale
    assert [p.pk for p in search_pages("microcip", locale=locale)] == [news["dogs"].pk]
    assert news["dogs"].pk in [p.pk for p in search_pages("caine", locale=locale)]
    assert [p.pk for p in search_pages("statie", locale=locale)] == [news["bus"].pk]


def test_better_match_first_and_any_word_when_not_all_match(news):
    locale = news["dogs"].locale
    assert [p.pk for p in search_pages("câine", locale=locale)] == [news["dogs"].pk, news["report"].pk]
    assert [p.pk for p in search_pages("autobuz xyzzy", locale=locale)] == [news["bus"].pk]


def test_other_languages_pages_are_not_listed(news):
    other = Locale.objects.exclude(pk=news["dogs"].locale_id).first() or Locale.objects.create(
        language_code="hu" if news["dogs"].locale.language_code != "hu" else "en"
    )
    assert search_pages("microcip", locale=other) == []


def test_unpublished_and_deleted_pages_leave_the_results(news):
    locale = news["dogs"].locale
    news["dogs"].unpublish()
    assert search_pages("microcip", locale=locale) == []
    news["bus"].save_revision()  # a draft keeps the published text findable
    assert [p.pk for p in search_pages("autobuz", locale=locale)] == [news["bus"].pk]
    Page.objects.get(pk=news["bus"].pk).delete()
    assert search_pages("autobuz", locale=locale) == []


def test_the_search_page_lists_matches(news, client):
    language = news["dogs"].locale.language_code
    html = client.get(f"/{language}/search/", {"q": "caini microcipati"}).content.decode()
    assert "Câinii comunitari vor fi microcipați" in html and "Autobuze" not in html
