"""A real SMTP server on loopback behind Django's SMTP backend, and links read from its messages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from email.message import EmailMessage
from urllib.parse import urlsplit

import pytest

from tests.smtp_server import SMTPServer


@pytest.fixture
def smtp(settings) -> Iterator[SMTPServer]:
    with SMTPServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_TIMEOUT = 10
        settings.WAGTAILADMIN_BASE_URL = "http://testserver"
        yield server


def links(message: EmailMessage) -> list[str]:
    return re.findall(r"https?://\S+", message.get_content())


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
