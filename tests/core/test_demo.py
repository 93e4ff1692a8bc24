"""The demo city: content in three languages, linked translations, places, idempotent loading.

Loading the demo takes several seconds, so each test checks a whole area of it.
"""

from __future__ import annotations

import datetime as dt
import math

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale, Page, Revision, Site

from portal.core.city import get_city
from portal.core.demo.loader import load_demo
from portal.home.models import ContactPage, HomePage, NewsPage
from portal.home.selectors import search_pages
from portal.services.models import DepartmentPage, OpeningHours, ServiceFormField, ServicePage

LANGUAGES = ("ro", "en", "hu")


def _km_from_centre(lat: float, lon: float) -> float:
    """Great-circle distance from Arad's centre (haversine, Earth radius 6371 km)."""
    lat0, lon0 = map(math.radians, get_city().center)
    lat1, lon1 = math.radians(lat), math.radians(lon)
    a = math.sin((lat1 - lat0) / 2) ** 2 + math.cos(lat0) * math.cos(lat1) * math.sin((lon1 - lon0) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


@pytest.mark.django_db
def test_content_is_live_and_linked_in_every_language(demo_city):
    for code in LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        assert ServicePage.objects.live().filter(locale=locale).count() >= 12, code
        assert DepartmentPage.objects.live().filter(locale=locale).count() >= 6, code
        assert NewsPage.objects.live().filter(locale=locale, date__year=2026).count() >= 5, code
        assert ContactPage.objects.live().filter(locale=locale).count() == 1, code

    en, hu = Locale.objects.get(language_code="en"), Locale.objects.get(language_code="hu")
    for page in Page.objects.filter(locale__language_code="ro", depth__gte=2):
        english, hungarian = page.get_translation(en), page.get_translation(hu)
        assert english.translation_key == hungarian.translation_key == page.translation_key
        assert english.live and hungarian.live and page.live
    cert = ServicePage.objects.get(locale__language_code="ro", slug="certificat-de-urbanism")
    assert cert.title == "Certificat de urbanism"
    assert cert.get_translation(en).title == "Urban planning certificate"
    assert cert.get_translation(hu).title == "Településrendezési bizonyítvány"


@pytest.mark.django_db
def test_services_are_structured_and_linked_to_departments_of_their_locale(demo_city):
    for service in ServicePage.objects.select_related("department"):
        assert service.department is not None, service.slug
        assert service.department.locale_id == service.locale_id, service.slug
        assert 2 <= len(service.required_documents) <= 5, service.slug
        assert service.faq and service.summary and service.where_to_go, service.slug

    cert = ServicePage.objects.get(locale__language_code="ro", slug="certificat-de-urbanism")
    assert cert.processing_days == 30 and cert.total_fee > 0
    assert cert.department.slug == "urbanism"
    fiscal = ServicePage.objects.get(locale__language_code="ro", slug="certificat-de-atestare-fiscala")
    assert fiscal.processing_days == 2 and fiscal.total_fee == 0
    assert ServicePage.objects.filter(online=True).count() > ServicePage.objects.filter(online=False).count()

    # Request forms: labels in the page's language, answer keys the same in every language.
    hungarian = cert.get_translation(Locale.objects.get(language_code="hu"))
    ro_fields = list(cert.form_fields.values_list("clean_name", "label", "field_type"))
    hu_fields = list(hungarian.form_fields.values_list("clean_name", "label", "field_type"))
    assert [f[0] for f in ro_fields] == [f[0] for f in hu_fields]
    assert [f[0] for f in ro_fields][:3] == ["name", "email", "phone"]  # in the data's order
    assert ("email", "Adresă de e-mail", "email") in ro_fields
    assert ("email", "E-mail-cím", "email") in hu_fields


@pytest.mark.django_db
def test_departments_have_opening_hours_and_places_in_arad(demo_city):
    for department in DepartmentPage.objects.all():
        assert department.opening_hours.exists(), department.slug
        assert department.email.endswith("@primariaarad.example")
        assert department.location is not None
        assert _km_from_centre(department.location.y, department.location.x) < 5, department.slug

    registry = DepartmentPage.objects.get(locale__language_code="ro", slug="registratura")
    assert registry.opening_hours.get(weekday=1).closes == dt.time(18, 30)
    tz = timezone.get_default_timezone()
    assert registry.is_open_at(dt.datetime(2026, 2, 3, 17, 0, tzinfo=tz))  # a Tuesday, open late
    assert not registry.is_open_at(dt.datetime(2026, 2, 6, 15, 0, tzinfo=tz))  # a Friday afternoon


@pytest.mark.django_db
def test_default_site_serves_the_romanian_home_page_with_a_menu(demo_city):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.locale.language_code == "ro"
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()
    menu = [p.specific_class.__name__ for p in home.get_children().live().in_menu()]
    assert menu == ["ServiceIndexPage", "DepartmentIndexPage", "NewsIndexPage", "ContactPage"]
    titles = {h.locale.language_code: h.title for h in HomePage.objects.all()}
    assert titles == {
        "ro": "Primăria Municipiului Arad",
        "en": "Arad City Hall",
        "hu": "Arad Megyei Jogú Város Polgármesteri Hivatala",
    }


@pytest.mark.django_db
def test_loading_again_changes_nothing_but_restores_edits(demo_city):
    def counts() -> tuple[int, ...]:
        return (
            Page.objects.count(),
            Revision.objects.count(),
            OpeningHours.objects.count(),
            ServiceFormField.objects.count(),
        )

    before = counts()
    summary = load_demo()
    assert counts() == before
    assert (summary.created, summary.updated, summary.removed) == (0, 0, 0)
    assert summary.unchanged == summary.pages == before[0] - 1  # every page but Wagtail's root

    page = ServicePage.objects.get(locale__language_code="en", slug="building-permit")
    page.title = "Changed by hand"
    page.save_revision().publish()
    call_command("load_demo", verbosity=0)
    assert ServicePage.objects.get(pk=page.pk).title == "Building permit"
    assert Page.objects.count() == before[0]


@pytest.mark.django_db
def test_demo_pages_are_searchable_in_their_language(demo_city):
    for code, query in (("ro", "urbanism"), ("en", "planning certificate"), ("hu", "bizonyítvány")):
        slugs = [page.slug for page in search_pages(query, locale=Locale.objects.get(language_code=code))]
        assert any("urban" in slug or "telepules" in slug for slug in slugs), (code, slugs)


@pytest.mark.django_db
def test_home_page_is_served_in_every_language(client, demo_city):
    for code in LANGUAGES:
        response = client.get(f"/{code}/")
        assert response.status_code == 200, code
        assert HomePage.objects.get(locale__language_code=code).title in response.content.decode(), code


@pytest.mark.django_db
def test_make_run_loads_the_whole_city_once():
    """`load_demo --if-empty --all` (what make run does): every app's demo the first time,
    nothing at all the next time."""
    from io import StringIO

    from cctv.models import Camera
    from gis.models import PublicBuilding
    from opendata.models import Dataset
    from portal.documents.models import Document
    from portal.services.models import ServicePage
    from training.models import ClassroomSession
    from training.services.tutorial_generation import generated_lesson_for

    out = StringIO()
    call_command("load_demo", "--if-empty", "--all", stdout=out)
    assert "== load_demo_training" in out.getvalue()
    assert Document.objects.filter(number="AR-2026-000123").exists()
    assert PublicBuilding.objects.exists() and Camera.objects.count() == 60
    assert Dataset.objects.exists() and ClassroomSession.objects.exists()
    services = ServicePage.objects.live()
    assert services.count() and all(generated_lesson_for(s) for s in services)  # a tutorial each

    revisions = Revision.objects.count()
    out = StringIO()
    call_command("load_demo", "--if-empty", "--all", stdout=out)
    assert "already holds a city" in out.getvalue()
    assert Revision.objects.count() == revisions
