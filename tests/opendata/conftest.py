"""Fixtures for the open-data tests: the demo catalogue, a staff user with an API token."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command

from opendata.services.community import create_token


@pytest.fixture
def demo_catalogue(db) -> None:
    """The demo open-data catalogue (CSV resources ingested); departments are not needed."""
    call_command("load_demo_opendata", verbosity=0)


@pytest.fixture
def publisher_token(db) -> str:
    """A plain API token of a user in the "Data publishers" role."""
    user = User.objects.create_user("publisher", "publisher@example.com", "x")
    user.groups.add(Group.objects.get(name="Data publishers"))
    _, plain = create_token(user=user, name="tests")
    return plain
