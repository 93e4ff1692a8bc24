"""A small city for the training tests: a Romanian home page, one service with an English
translation, and the demo training programme loaded on top (fast, unlike the whole demo city).

Built once per test module inside a transaction that is rolled back when the module ends, so
each test (itself rolled back) starts from the same city and nothing leaks to other tests. Module
scope, not package scope: pytest-django runs transactional tests (the browser journey) after all
others, and they must not find this transaction still open.
"""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Locale, Page, Site

from portal.home.models import HomePage
from portal.services.models import ServiceIndexPage, ServicePage
from training.models import CoursePage, LessonPage

TAUGHT_SERVICE = "plata-impozitului-pe-cladiri"


def build_city() -> None:
    """Home (ro and en), a service catalogue with the building-tax service, then the training demo."""
    ro, _ = Locale.objects.get_or_create(language_code="ro")
    en, _ = Locale.objects.get_or_create(language_code="en")
    Locale.objects.get_or_create(language_code="hu")
    root = Page.get_first_root_node()
    home = HomePage(title="Primăria Municipiului Arad", slug="primaria-arad", locale=ro)
    root.add_child(instance=home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True, site_name="Arad")
    else:
        site.root_page = home
        site.save()
    index = ServiceIndexPage(title="Servicii", slug="servicii", locale=ro)
    home.add_child(instance=index)
    service = ServicePage(
        title="Plata impozitului pe clădiri",
        slug=TAUGHT_SERVICE,
        locale=ro,
        summary="Impozitul pe clădiri, online.",
    )
    index.add_child(instance=service)
    service.save_revision().publish()
    for page in (home, index):
        page.copy_for_translation(en).save_revision().publish()
    translated = service.copy_for_translation(en)
    translated.title, translated.slug = "Paying the building tax", "paying-the-building-tax"
    translated.save_revision().publish()
    call_command("load_demo_training", verbosity=0)


@pytest.fixture(scope="module")
def _module_city(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        build_city()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def city(_module_city, db) -> None:
    """The small city, for a test that runs in its own rolled-back transaction."""


def course(slug: str, lang: str = "ro") -> CoursePage:
    ro = CoursePage.objects.get(slug=slug, locale__language_code="ro")
    return (
        ro
        if lang == "ro"
        else CoursePage.objects.get(translation_key=ro.translation_key, locale__language_code=lang)
    )


def lesson(slug: str) -> LessonPage:
    return LessonPage.objects.get(slug=slug, locale__language_code="ro")
