"""Reads shared by every public page."""

from __future__ import annotations

import re
import time
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, Site

# Full-text search reads words only: quotes, brackets, `*`, `:` and the FTS5 operators in a
# visitor's text would otherwise reach SQLite's MATCH syntax and fail there.
SEARCH_WORD = re.compile(r"\w+")
SEARCH_OPERATORS = {"AND", "OR", "NOT", "NEAR"}
MAX_SEARCH_WORDS = 12
MAX_SEARCH_WORD_LENGTH = 60


def search_terms(text: str) -> str:
    """The words of a visitor's search text, space-separated, ready for Wagtail's `.search()`:
    no syntax, no operators, at most MAX_SEARCH_WORDS words. Empty when no word is left."""
    words = [
        word[:MAX_SEARCH_WORD_LENGTH] for word in SEARCH_WORD.findall(text) if word not in SEARCH_OPERATORS
    ]
    return " ".join(words[:MAX_SEARCH_WORDS])


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


SECTIONS_GENERATION_KEY = "site-sections:generation"
SECTIONS_TIMEOUT = 600  # a safety net: every change to pages or sites forgets them at once


def forget_site_sections() -> None:
    """Make every cached header and footer stale (called when a page or a site changes)."""
    cache.set(SECTIONS_GENERATION_KEY, time.time_ns(), None)


def _build_site_sections(request: HttpRequest) -> dict[str, Any]:
    root = localized_root(request)
    if root is None:
        return {}
    children = list(root.get_children().live().specific())
    return {
        "home": root,
        "menu": [page for page in children if page.show_in_menus],
        "by_type": {type(page).__name__: page for page in children},
        "language": translation.get_language(),
    }


def site_sections(request: HttpRequest) -> dict[str, Any]:
    """The home page and its live top-level children in the active language, by page type; kept
    in the cache per site and language (every public page's header and footer read them) until a
    page or a site changes."""
    site = Site.find_for_request(request)
    generation = cache.get_or_set(SECTIONS_GENERATION_KEY, time.time_ns, None)
    key = f"site-sections:{generation}:{site.pk if site else 0}:{translation.get_language()}"
    sections = cache.get(key)
    if sections is None:
        sections = _build_site_sections(request)
        cache.set(key, sections, SECTIONS_TIMEOUT)
    return sections


# The parts of the portal that are not pages of the tree, as (URL name, title, what it is for).
ONLINE_TOOLS = (
    (
        "documents:lookup",
        _("Track a document"),
        _("The status of your request, by its number and PIN or its QR code."),
    ),
    ("gismap:map", _("City map"), _("Public buildings and their accessibility, Wi-Fi, parking, cameras.")),
    ("opendata:search", _("Open data"), _("The city's data sets, free to download and use from code.")),
    ("cctv:register", _("Camera register"), _("Every public camera: where it is, what it films and why.")),
    (
        "safety:register",
        _("Call points"),
        _("Emergency call points on the streets, and alert devices per district."),
    ),
    (
        "kpi:dashboard",
        _("City indicators"),
        _("How the city's digital plan is doing, with the figures behind it."),
    ),
    ("qr-verify", _("Check a document"), _("Is a permit or certificate with a QR code genuine?")),
    (
        "consultations:index",
        _("Have your say"),
        _("Public consultations on the city's drafts, and council meetings you can speak at."),
    ),
    (
        "budget:index",
        _("Participatory budget"),
        _("Propose a project for your district, vote, and follow the winners being built."),
    ),
    (
        "neighbours:notices",
        _("Vigilant neighbours"),
        _("Safety notices for your district, by e-mail if you join."),
    ),
)


def online_tools() -> list[dict[str, str]]:
    """Links to the portal's applications in the active language, for the home page and footer."""
    return [
        {"url": reverse(name), "title": str(title), "description": str(description)}
        for name, title, description in ONLINE_TOOLS
    ]
