"""Template tags and filters for service and department pages (models stay free of presentation)."""

from __future__ import annotations

from typing import Any

from django import template
from django.db.models import QuerySet
from django.utils import timezone

from ..models import DepartmentPage, ServicePage
from ..selectors import opening_hours_table

register = template.Library()


@register.simple_tag
def opening_hours(department: DepartmentPage) -> list[dict[str, Any]]:
    """One row per weekday (closed days included), today's row flagged."""
    today = timezone.localdate().weekday()
    return [{**row, "today": row["weekday"] == today} for row in opening_hours_table(department)]


@register.simple_tag
def is_open_now(department: DepartmentPage) -> bool:
    return department.is_open_at(timezone.now())


@register.simple_tag
def department_services(department: DepartmentPage) -> QuerySet[ServicePage]:
    """Live services this department is responsible for, in the department's language (a
    translated service may still point at the department in the source language)."""
    return (
        ServicePage.objects.live()
        .filter(department__translation_key=department.translation_key, locale=department.locale_id)
        .order_by("title")
    )


@register.simple_tag
def services_by_department(services: QuerySet[ServicePage]) -> list[dict[str, Any]]:
    """Services grouped under their department (localized), departments by title; services
    without one last."""
    groups: dict[Any, dict[str, Any]] = {}
    for service in services:
        department = service.department.localized if service.department_id else None
        key = department.pk if department else None
        groups.setdefault(key, {"department": department, "services": []})["services"].append(service)
    return sorted(
        groups.values(),
        key=lambda g: (g["department"] is None, g["department"].title.lower() if g["department"] else ""),
    )


@register.filter
def localized_page(page):
    """The page's translation in the active language, or the page itself."""
    return page.localized if page is not None else None


@register.filter
def geo_uri(point) -> str:
    """A RFC 5870 geo: URI (lat,lon) that phones open in their map application."""
    if point is None:
        return ""
    return f"geo:{point.y:.6f},{point.x:.6f}"
