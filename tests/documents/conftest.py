"""A small city for the registry's tests: a home page, a department and two services (one
with an online form and a 30-day term), independent of the full demo content."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from portal.home.models import HomePage
from portal.services.models import (
    DepartmentIndexPage,
    DepartmentPage,
    ServiceFormField,
    ServiceIndexPage,
    ServicePage,
)

ONE_PIXEL_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass
class City:
    home: HomePage
    department: DepartmentPage
    service: ServicePage
    offline_service: ServicePage


def build_city() -> City:
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Primăria Arad", slug="primaria-test"))
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
    departments = home.add_child(instance=DepartmentIndexPage(title="Direcții", slug="directii"))
    department = departments.add_child(
        instance=DepartmentPage(title="Direcția Urbanism", slug="urbanism", email="urbanism@example.org")
    )
    catalogue = home.add_child(instance=ServiceIndexPage(title="Servicii", slug="servicii"))
    service = ServicePage(
        title="Certificat de urbanism",
        slug="certificat-de-urbanism",
        summary="Informații despre un imobil.",
        processing_days=30,
        department=department,
    )
    service.form_fields = [
        ServiceFormField(
            label="Nume și prenume", clean_name="name", field_type="singleline", required=True, role="name"
        ),
        ServiceFormField(
            label="E-mail", clean_name="email", field_type="email", required=False, role="email"
        ),
        ServiceFormField(
            label="Telefon", clean_name="phone", field_type="singleline", required=False, role="phone"
        ),
        ServiceFormField(label="Detalii", clean_name="details", field_type="multiline", required=False),
    ]
    catalogue.add_child(instance=service)
    offline = catalogue.add_child(
        instance=ServicePage(title="Cazier fiscal", slug="cazier-fiscal", summary="Certificat.", online=False)
    )
    return City(home=home, department=department, service=service, offline_service=offline)


@pytest.fixture
def city(db) -> City:
    return build_city()


@pytest.fixture(autouse=True)
def _private_media(tmp_path, settings):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.WAGTAILADMIN_BASE_URL = "https://portal.example"


@pytest.fixture
def clerk(db, django_user_model):
    user = django_user_model.objects.create_user("clerk", password="clerk-pass-123")
    user.groups.add(Group.objects.get(name="Registry clerks"))
    return user
