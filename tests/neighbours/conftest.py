"""A real SMTP server on loopback behind Django's SMTP backend, and links read from its messages."""

from __future__ import annotations

from collections.abc import Iterator
from email.message import EmailMessage
from urllib.parse import urlsplit

import pytest

from tests.mail import links, loopback_smtp
from tests.smtp_server import SMTPServer


@pytest.fixture
def smtp(settings) -> Iterator[SMTPServer]:
    with loopback_smtp(settings) as server:
        settings.WAGTAILADMIN_BASE_URL = "http://testserver"
        yield server


def path_of(url: str) -> str:
    return urlsplit(url).path


def leave_link(message: EmailMessage) -> str:
    (url,) = [link for link in links(message) if "/neighbours/leave/" in link]
    return url


@pytest.fixture(autouse=True)
def _fresh_counters() -> None:
    """The rate-limit counters live in the cache, which outlives a rolled-back test."""
    from django.core.cache import cache

    cache.clear()


def subject(message: EmailMessage) -> str:
    """The Subject as written (a long encoded header comes back folded)."""
    return " ".join(str(message["Subject"]).split())
