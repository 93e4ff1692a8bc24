"""factory_boy factories for tests that build their own small city instead of the demo one.

Wagtail pages are added under a parent (`parent=`), so the page factories create through
`parent.add_child`; model factories save through the ORM.
"""

from __future__ import annotations

from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.contrib.gis.geos import Point
from factory.django import DjangoModelFactory
from wagtail.models import Page, Site

from cctv.models import Camera, District
from portal.home.models import HomePage
from portal.services.models import ServiceFormField, ServiceIndexPage, ServicePage
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
