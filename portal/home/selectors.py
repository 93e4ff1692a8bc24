"""Reads for the home app."""

from __future__ import annotations

from wagtail.models import Locale, Page

from portal.core.selectors import search_terms


def search_pages(query: str, *, locale: Locale | None = None) -> list[Page]:
    """Live pages in `locale` (the active one by default) matching the words of `query`, most
    relevant first; none when `query` has no words (only punctuation or search syntax)."""
    terms = search_terms(query)
    if not terms:
        return []
    qs = Page.objects.live().public().filter(locale=locale or Locale.get_active()).specific()
    return list(qs.search(terms, operator="and")) or list(qs.search(terms, operator="or"))
