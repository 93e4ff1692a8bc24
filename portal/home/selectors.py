"""Reads for the home app."""

from __future__ import annotations

from wagtail.models import Locale, Page

from portal import search

from .search_index import KIND as PAGES


def search_pages(query: str, *, locale: Locale | None = None) -> list[Page]:
    """Live pages in `locale` (the active one by default) matching the words of `query` in any
    form and with or without diacritics, most relevant first: pages with every word, else pages
    with any; none when `query` has no words (only punctuation or search syntax)."""
    locale = locale or Locale.get_active()
    qs = Page.objects.live().public().filter(locale=locale)
    for operator in ("and", "or"):
        keys = search.keys(PAGES, query, operator=operator, languages=[locale.language_code], limit=500)
        if keys:
            by_key = {str(page.pk): page for page in qs.filter(pk__in=keys).specific()}
            found = [by_key[key] for key in keys if key in by_key]
            if found:
                return found
    return []
