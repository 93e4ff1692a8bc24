"""Reads shared by every public page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import translation
from wagtail.models import Locale, Page, Site


def localized_root(request: HttpRequest | None = None) -> Page | None:
    """The site's home page in the active language (the default language's if untranslated)."""
    site = Site.find_for_request(request) if request else Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    root = site.root_page
    try:
        return root.get_translation(Locale.get_active())
    except Page.DoesNotExist:
        return root


def site_sections(request: HttpRequest) -> dict[str, Any]:
    """The home page and its live top-level children in the active language, by page type."""
    root = localized_root(request)
    if root is None:
        return {}
    children = root.get_children().live().in_menu().specific()
    return {
        "home": root,
        "menu": list(children),
        "by_type": {type(p).__name__: p for p in root.get_children().live().specific()},
        "language": translation.get_language(),
    }
