"""Public read API of the service catalogue and departments (used by the chatbot and the map)."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import override
from ninja import Router, Schema
from wagtail.models import Locale

from portal.core.api import Error
from portal.core.selectors import search_terms

from . import selectors
from .models import DepartmentPage, ServicePage

router = Router(tags=["services"])


class Interval(Schema):
    opens: str
    closes: str
    note: str = ""


class DayHours(Schema):
    weekday: int
    name: str
    intervals: list[Interval]


class DepartmentOut(Schema):
    id: int
    slug: str
    title: str
    summary: str
    email: str
    phone: str
    address: str
    room: str
    lat: float | None
    lon: float | None
    url: str
    open_now: bool
    opening_hours: list[DayHours]


class Fee(Schema):
    label: str
    amount: Decimal


class ServiceOut(Schema):
    id: int
    slug: str
    title: str
    summary: str
    required_documents: list[str]
    fees: list[Fee]
    processing_days: int | None
    department: str | None
    where_to_go: str
    lat: float | None
    lon: float | None
    url: str
    online_request: bool


Language = Literal["ro", "en", "hu"]


def _locale(lang: str) -> Locale | None:
    """The site's locale for `lang`, None while no page was ever published in it."""
    return Locale.objects.filter(language_code=lang).first()


def _department_out(d: DepartmentPage) -> DepartmentOut:
    hours = [
        DayHours(
            weekday=row["weekday"],
            name=str(row["name"]),
            intervals=[
                Interval(opens=o.strftime("%H:%M"), closes=c.strftime("%H:%M"), note=n)
                for o, c, n in row["intervals"]
            ],
        )
        for row in selectors.opening_hours_table(d)
    ]
    return DepartmentOut(
        id=d.pk,
        slug=d.slug,
        title=d.title,
        summary=d.summary,
        email=d.email,
        phone=d.phone,
        address=d.address,
        room=d.room,
        lat=d.location.y if d.location else None,
        lon=d.location.x if d.location else None,
        url=selectors.public_url(d),
        open_now=d.is_open_at(),
        opening_hours=hours,
    )


def _service_out(s: ServicePage) -> ServiceOut:
    place = s.place
    return ServiceOut(
        id=s.pk,
        slug=s.slug,
        title=s.title,
        summary=s.summary,
        required_documents=[b.value["name"] for b in s.required_documents],
        fees=[Fee(label=b.value["label"], amount=b.value["amount"]) for b in s.fees],
        processing_days=s.processing_days,
        department=s.department.title if s.department else None,
        where_to_go=s.where_to_go or (s.department.address if s.department else ""),
        lat=place.y if place else None,
        lon=place.x if place else None,
        url=selectors.public_url(s),
        online_request=s.online,
    )


@router.get("/departments", response=list[DepartmentOut])
def list_departments(request, lang: Language = "ro"):
    """Departments with contacts and opening hours in language `lang`."""
    locale = _locale(lang)
    if locale is None:
        return []
    with override(locale.language_code):  # weekday names in `lang`, not the request's language
        return [_department_out(d) for d in selectors.departments(locale=locale)]


@router.get("/departments/{slug}", response={200: DepartmentOut, 404: Error})
def get_department(request, slug: str, lang: Language = "ro"):
    locale = _locale(lang)
    if locale is None:
        raise Http404
    with override(locale.language_code):
        return _department_out(get_object_or_404(selectors.departments(locale=locale), slug=slug))


@router.get("/services", response=list[ServiceOut])
def list_services(request, lang: Language = "ro", q: str = ""):
    """E-services in language `lang`; `q` searches titles and descriptions for its words (no
    search syntax: a `q` without words matches nothing)."""
    locale = _locale(lang)
    if locale is None:
        return []
    qs = selectors.services_in_catalogue(locale=locale)
    if not q:
        return [_service_out(s) for s in qs]
    terms = search_terms(q)
    return [_service_out(s) for s in qs.search(terms, order_by_relevance=True)] if terms else []


@router.get("/services/{slug}", response={200: ServiceOut, 404: Error})
def get_service(request, slug: str, lang: Language = "ro"):
    return _service_out(get_object_or_404(ServicePage.objects.live(), slug=slug, locale__language_code=lang))
