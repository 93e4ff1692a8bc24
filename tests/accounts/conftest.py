"""Staff accounts in roles, signed in through the real admin login form, and a clean cache
(the throttling counters live there and the test cache outlives a test)."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from wagtail.users.models import UserProfile

PASSWORD = "correct-horse-battery-1"


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def enforced(settings, client):
    """Two-factor authentication on, and the admin in English for the assertions."""
    settings.ACCOUNTS_TWO_FACTOR_ENFORCED = True
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return settings


def staff(username: str, role: str | None = None, **extra) -> User:
    user = User.objects.create_user(username, f"{username}@example.org", PASSWORD, **extra)
    if role:
        user.groups.add(Group.objects.get(name=role))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def sign_in(client, username: str, password: str = PASSWORD, **meta):
    meta.setdefault("HTTP_ACCEPT_LANGUAGE", "en")
    return client.post("/admin/login/", {"username": username, "password": password}, **meta)


def pending_secret(client) -> str:
    """The secret the enrolment page shows (read from the page, as a person would)."""
    page = client.get("/admin/two-factor/setup/").content.decode()
    return re.search(r'data-secret="([A-Z2-7]+)"', page).group(1)
