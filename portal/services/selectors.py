"""Reads of the service catalogue and departments, shared by pages, the API and the chatbot."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from .models import DepartmentPage, ServicePage


def live_services_default_language() -> QuerySet[ServicePage]:
    """Live services in the site's default language: one page per service, whatever the
    translations, which is what counts (KPIs, the chatbot's coverage) and demo links need.
    Empty, not an error, before any locale exists (Locale.get_default() would raise)."""
    language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return ServicePage.objects.live().filter(locale__language_code=language)


def services_in_catalogue(
    *, index: Page | None = None, locale: Locale | None = None
) -> QuerySet[ServicePage]:
    """Live services, under `index` when given, else in `locale` (the active one by default)."""
    qs = ServicePage.objects.live().select_related("department")
    if index is not None:
        qs = qs.child_of(index)
    else:
        qs = qs.filter(locale=locale or Locale.get_active())
    return qs.order_by("title")


def departments(*, locale: Locale | None = None) -> QuerySet[DepartmentPage]:
    """Live departments in `locale` (the active one by default), with their opening hours."""
    return (
        DepartmentPage.objects.live()
        .filter(locale=locale or Locale.get_active())
        .prefetch_related("opening_hours")
        .order_by("title")
    )


def opening_hours_table(department: DepartmentPage) -> list[dict[str, Any]]:
    """Opening hours as one row per weekday (closed days included), in week order."""
    rows: dict[int, list[tuple[dt.time, dt.time, str]]] = {d: [] for d in range(7)}
    for h in department.opening_hours.all():
        rows[h.weekday].append((h.opens, h.closes, h.note))
    from .models import WEEKDAYS

    names = dict(WEEKDAYS)
    return [{"weekday": d, "name": names[d], "intervals": sorted(rows[d])} for d in range(7)]


def public_url(page: Page) -> str:
    """The page's address under the portal's public base URL (PORTAL_BASE_URL), not under the
    Wagtail Site's host (`localhost` in a fresh install)."""
    parts = page.get_url_parts()
    if parts is None:
        return ""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + parts[2]
