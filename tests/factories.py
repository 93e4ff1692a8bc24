"""factory_boy factories and builders for tests that build their own small city instead of
the demo one; shared by every app's tests (no test imports another app's conftest).

Wagtail pages are added under a parent (`parent=`), so the page factories create through
`parent.add_child`; model factories save through the ORM.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.contrib.gis.geos import Point
from factory.django import DjangoModelFactory
from wagtail.models import Page, Site

from cctv.models import Camera, District
from portal.home.models import HomePage
from portal.services.models import (
    DepartmentIndexPage,
    DepartmentPage,
    ServiceFormField,
    ServiceIndexPage,
    ServicePage,
)
from training.models import CoursePage, TrainingIndexPage


class PageFactory(factory.Factory):
    """A Wagtail page added under `parent` (the tree's root when none is given)."""

    class Meta:
        abstract = True

    slug = factory.Sequence(lambda n: f"page-{n}")

    @classmethod
    def _create(cls, model_class, *args, parent: Page | None = None, **kwargs):
        page = model_class(*args, **kwargs)
        (parent or Page.get_first_root_node()).add_child(instance=page)
        return page


class HomePageFactory(PageFactory):
    class Meta:
        model = HomePage

    title = "Home"

    @factory.post_generation
    def site(page, create, extracted, **kwargs) -> None:  # noqa: N805
        """Make the home page the default site's root."""
        if create:
            Site.objects.update_or_create(
                is_default_site=True, defaults={"root_page": page, "hostname": "localhost", "site_name": ""}
            )


class ServiceIndexPageFactory(PageFactory):
    class Meta:
        model = ServiceIndexPage

    title = "Services"


class ServicePageFactory(PageFactory):
    """An online service whose form asks for a name (required) and an e-mail address."""

    class Meta:
        model = ServicePage

    title = factory.Sequence(lambda n: f"Service {n}")
    summary = "A service."
    processing_days = 30

    @classmethod
    def _create(cls, model_class, *args, parent: Page | None = None, **kwargs):
        page = model_class(*args, **kwargs)
        page.form_fields = [
            ServiceFormField(
                label="Name", clean_name="name", field_type="singleline", required=True, role="name"
            ),
            ServiceFormField(
                label="E-mail", clean_name="email", field_type="email", required=False, role="email"
            ),
        ]
        (parent or Page.get_first_root_node()).add_child(instance=page)
        return page


class TrainingIndexPageFactory(PageFactory):
    class Meta:
        model = TrainingIndexPage

    title = "Training"


class CoursePageFactory(PageFactory):
    class Meta:
        model = CoursePage

    title = factory.Sequence(lambda n: f"Course {n}")
    summary = "A course."


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Maria"
    last_name = "Ionescu"


class DistrictFactory(DjangoModelFactory):
    class Meta:
        model = District

    name = factory.Sequence(lambda n: f"District {n}")
    slug = factory.Sequence(lambda n: f"district-{n}")
    road_km = Decimal("10")


class CameraFactory(DjangoModelFactory):
    """An operational public camera; pass `location` inside the city's area."""

    class Meta:
        model = Camera

    code = factory.Sequence(lambda n: f"CAM-{n:04d}")
    name = factory.Sequence(lambda n: f"Main Street {n}")
    location = factory.LazyFunction(lambda: Point(0, 0, srid=4326))
    district = factory.SubFactory(DistrictFactory)
    camera_type = "fixed_hd"
    purpose = "traffic"
    operator = "Local police"
    owner = "The municipality"
    legal_basis = "Law 333/2003"
    retention_days = 30
    status = Camera.Status.OPERATIONAL


# --- a small city of pages (home, a department, two services) for the registry's tests ----------


@dataclass
class SmallCity:
    home: HomePage
    department: DepartmentPage
    service: ServicePage
    offline_service: ServicePage


def build_city() -> SmallCity:
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
    return SmallCity(home=home, department=department, service=service, offline_service=offline)


# --- cameras: rows of the bulk-import CSV, and cameras saved directly ------------------------------


HEADER = [
    "code",
    "name",
    "lat",
    "lon",
    "district",
    "camera_type",
    "purpose",
    "operator",
    "owner",
    "legal_basis",
    "retention_days",
    "direction_deg",
    "fov_deg",
    "range_m",
    "status",
    "what_is_filmed",
    "stream_url",
]


def row(i: int, **overrides) -> dict[str, str]:
    values = {
        "code": f"AR-CAM-{i:04d}",
        "name": f"Strada Test {i}",
        "lat": f"{46.17 + (i % 50) * 0.0006:.6f}",
        "lon": f"{21.29 + (i // 50) * 0.0006:.6f}",
        "district": "Centru" if i % 2 else "gai",
        "camera_type": ["fixed_hd", "ptz", "360", "thermal", "anpr"][i % 5],
        "purpose": ["traffic", "public_order", "parking", "building_protection"][i % 4],
        "operator": "Poliția Locală Arad",
        "owner": "Municipiul Arad",
        "legal_basis": "Legea 333/2003",
        "retention_days": "30",
        "direction_deg": str(i % 360),
        "fov_deg": "90",
        "range_m": "60",
        "status": "operational",
        "what_is_filmed": "Intersecție",
        "stream_url": f"rtsp://vms.internal/cam{i}?user=admin&password=s3cret",
    }
    values.update(overrides)
    return values


def make_csv(rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=HEADER)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def make_camera(district: District, code: str, *, status: str = Camera.Status.OPERATIONAL, **extra) -> Camera:
    values = dict(
        name=f"Camera {code}",
        location=Point(21.3123, 46.1866, srid=4326),
        district=district,
        camera_type="fixed_hd",
        purpose="traffic",
        operator="Poliția Locală",
        owner="Municipiul Arad",
        legal_basis="Legea 333/2003",
        retention_days=30,
        status=status,
        stream_url="rtsp://secret.example/stream",
        notes="internal note XYZ",
    )
    values.update(extra)
    return Camera.objects.create(code=code, **values)
