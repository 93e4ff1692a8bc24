"""Fixtures for the open-data tests: the demo catalogue, a staff user with an API token."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from opendata.services.community import create_token
from tests.factories import UserFactory


@pytest.fixture
def demo_catalogue(db) -> None:
    """The demo open-data catalogue (CSV resources ingested); departments are not needed."""
    call_command("load_demo_opendata", verbosity=0)


@pytest.fixture
def publisher_token(db) -> str:
    """A plain API token of a user in the "Data publishers" role."""
    user = UserFactory(username="publisher", email="publisher@example.com", groups=["Data publishers"])
    _, plain = create_token(user=user, name="tests")
    return plain


@pytest.fixture
def publisher(db) -> User:
    """A user in the "Data publishers" role (sessions; tokens come from `create_token`)."""
    user = UserFactory(username="editor", email="editor@example.com", groups=["Data publishers"])
    return user


@pytest.fixture
def small_catalogue(db) -> dict[str, str]:
    """Three datasets made through the catalogue service: {name: id}."""
    from opendata.services import catalogue

    catalogue.save_organization(name="mediu", title="Mediu")
    catalogue.save_organization(name="transport", title="Transport")
    made = [
        catalogue.create_package(
            data={
                "name": "aer-urban",
                "title": "Aer urban",
                "owner_org": "mediu",
                "tags": [{"name": "aer"}],
                "groups": [{"name": "envi"}],
                "resources": [
                    {"name": "a", "url": "https://example.org/a.csv", "format": "CSV"},
                    {"name": "b", "url": "https://example.org/b.json", "format": "JSON"},
                ],
            }
        ),
        catalogue.create_package(
            data={
                "name": "aeroport-zboruri",
                "title": "Zboruri",
                "owner_org": "transport",
                "tags": [{"name": "zbor"}],
                "groups": [{"name": "tran"}],
                "resources": [{"name": "z", "url": "https://example.org/z.csv", "format": "CSV"}],
            }
        ),
        catalogue.create_package(
            data={"name": "linii-autobuz", "title": "Linii", "owner_org": "transport", "tags": ["bus"]}
        ),
    ]
    return {d.name: str(d.pk) for d in made}
