"""factory_boy factories and builders for tests that build their own small city instead of
the demo one; shared by every app's tests (no test imports another app's conftest).

Wagtail pages are added under a parent (`parent=`), so the page factories create through
`parent.add_child`; model factories save through the ORM.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.gis.geos import Point
from factory.django import DjangoModelFactory
from wagtail.models import Page, Site

from cctv.models import Camera, District
from cctv.services.importer import COLUMNS
from chatbot.models import Conversation
from gis.models import BuildingEntrance, Feature, ImportJob, Layer, Module, PublicBuilding
from opendata.models import Resource
from portal.core.city import get_city
from portal.home.models import HomePage
from portal.kpi.models import Activity, FundingCommitment, Initiative
from portal.services.models import (
    DepartmentIndexPage,
    DepartmentPage,
    ServiceFormField,
    ServiceIndexPage,
    ServicePage,
)
from training.models import Certificate, CoursePage, TrainingIndexPage


def city_centre() -> Point:
    """The configured city's centre (settings.CITY), where located test objects stand by default."""
    lat, lon = get_city().center
    return Point(lon, lat, srid=4326)


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


ServiceIndexPageFactory = factory.make_factory(ServiceIndexPage, FACTORY_CLASS=PageFactory, title="Services")


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


# Pages with nothing but a title (and a course's summary), added under `parent=`.
TrainingIndexPageFactory = factory.make_factory(
    TrainingIndexPage, FACTORY_CLASS=PageFactory, title="Training"
)
CoursePageFactory = factory.make_factory(
    CoursePage,
    FACTORY_CLASS=PageFactory,
    title=factory.Sequence(lambda n: f"Course {n}"),
    summary="A course.",
)
DepartmentIndexPageFactory = factory.make_factory(
    DepartmentIndexPage, FACTORY_CLASS=PageFactory, title="Departments"
)
DepartmentPageFactory = factory.make_factory(
    DepartmentPage, FACTORY_CLASS=PageFactory, title=factory.Sequence(lambda n: f"Department {n}")
)


class CertificateFactory(DjangoModelFactory):
    """A certificate of `course` (pass it) for a new learner."""

    class Meta:
        model = Certificate

    user = factory.SubFactory("tests.factories.UserFactory")
    holder_name = factory.LazyAttribute(lambda c: f"{c.user.first_name} {c.user.last_name}")


# A conversation with the assistant (in Romanian unless `language` says otherwise), and a
# resource of `dataset` (pass it) with no file yet.
ConversationFactory = factory.make_factory(Conversation, FACTORY_CLASS=DjangoModelFactory, language="ro")
ResourceFactory = factory.make_factory(
    Resource, FACTORY_CLASS=DjangoModelFactory, name=factory.Sequence(lambda n: f"resource-{n}")
)


class UserFactory(DjangoModelFactory):
    """A person's account; `groups=["Registry clerks", ...]` gives it those roles (the groups the
    migrations create), `admin=True` makes it a superuser."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("x")
    first_name = "Maria"
    last_name = "Ionescu"

    class Params:
        admin = factory.Trait(is_staff=True, is_superuser=True)  # `admin=True`: a superuser

    @factory.post_generation
    def groups(user, create, extracted, **kwargs) -> None:  # noqa: N805
        if create and extracted:
            user.groups.add(*(Group.objects.get(name=name) for name in extracted))


class DistrictFactory(DjangoModelFactory):
    class Meta:
        model = District

    name = factory.Sequence(lambda n: f"District {n}")
    slug = factory.Sequence(lambda n: f"district-{n}")
    road_km = Decimal("10")


class CameraFactory(DjangoModelFactory):
    """An operational public camera at the configured city's centre, with the internal stream
    address and notes that the public register must never show."""

    class Meta:
        model = Camera

    code = factory.Sequence(lambda n: f"CAM-{n:04d}")
    name = factory.LazyAttribute(lambda camera: f"Camera {camera.code}")
    location = factory.LazyFunction(city_centre)
    district = factory.SubFactory(DistrictFactory)
    camera_type = "fixed_hd"
    purpose = "traffic"
    operator = "Local police"
    owner = "The municipality"
    legal_basis = "Law 333/2003"
    retention_days = 30
    status = Camera.Status.OPERATIONAL
    stream_url = "rtsp://secret.example/stream"
    notes = "internal note XYZ"


class ModuleFactory(DjangoModelFactory):
    """A map module (a group of layers in the legend)."""

    class Meta:
        model = Module

    key = factory.Sequence(lambda n: f"module-{n}")
    title = factory.Sequence(lambda n: f"Module {n}")


class LayerFactory(DjangoModelFactory):
    """A public layer of points in a module of its own."""

    class Meta:
        model = Layer

    module = factory.SubFactory(ModuleFactory)
    key = factory.Sequence(lambda n: f"layer-{n}")
    title = factory.Sequence(lambda n: f"Layer {n}")


class FeatureFactory(DjangoModelFactory):
    """A point at the configured city's centre, unless `geometry` says otherwise."""

    class Meta:
        model = Feature

    layer = factory.SubFactory(LayerFactory)
    name = factory.Sequence(lambda n: f"Place {n}")
    geometry = factory.LazyFunction(city_centre)


class ImportJobFactory(DjangoModelFactory):
    """An import of the file at `path` (its name is the uploaded file's)."""

    class Meta:
        model = ImportJob

    layer = factory.SubFactory(LayerFactory)
    path = "layer.geojson"
    file_name = factory.LazyAttribute(lambda job: str(job.path).rsplit("/", 1)[-1])

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        kwargs["path"] = str(kwargs["path"])
        return super()._create(model_class, *args, **kwargs)


class PublicBuildingFactory(DjangoModelFactory):
    """A public building at the configured city's centre."""

    class Meta:
        model = PublicBuilding

    name = factory.Sequence(lambda n: f"Building {n}")
    slug = factory.Sequence(lambda n: f"building-{n}")
    address = factory.Sequence(lambda n: f"{n} Main Street")
    location = factory.LazyFunction(city_centre)


class BuildingEntranceFactory(DjangoModelFactory):
    class Meta:
        model = BuildingEntrance

    building = factory.SubFactory(PublicBuildingFactory)
    name = factory.Sequence(lambda n: f"Entrance {n}")


class InitiativeFactory(DjangoModelFactory):
    """A roadmap initiative of the camera register."""

    class Meta:
        model = Initiative

    solution = "cctv"
    title = factory.Sequence(lambda n: f"Initiative {n}")


class ActivityFactory(DjangoModelFactory):
    """An activity of an initiative, not started and due today."""

    class Meta:
        model = Activity

    initiative = factory.SubFactory(InitiativeFactory)
    title = factory.Sequence(lambda n: f"Activity {n}")
    planned_end = factory.LazyFunction(dt.date.today)


class FundingCommitmentFactory(DjangoModelFactory):
    """Money the city committed today to the camera register."""

    class Meta:
        model = FundingCommitment

    solution = "cctv"
    source = "city"
    funder = factory.Sequence(lambda n: f"Funder {n}")
    amount = Decimal("1000")
    committed_on = factory.LazyFunction(dt.date.today)


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


# --- cameras: rows of the bulk-import CSV ------------------------------


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
    writer = csv.DictWriter(out, fieldnames=[c for c in COLUMNS if any(c in r for r in rows)])
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()
