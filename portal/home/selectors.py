"""Reads for the home app."""

from __future__ import annotations

from wagtail.models import Locale, Page


def search_pages(query: str, *, locale: Locale | None = None) -> list[Page]:
    """Live pages in `locale` (the active one by default) matching `query`, most relevant first."""
    qs = Page.objects.live().public().filter(locale=locale or Locale.get_active()).specific()
    return list(qs.search(query, operator="and")) or list(qs.search(query, operator="or"))
