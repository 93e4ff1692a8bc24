"""E-mail as residents receive it in the tests: Django's SMTP backend pointed at a real SMTP
server on loopback (tests/smtp_server.py), and the links read from the messages delivered."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import EmailMessage

from tests.smtp_server import SMTPServer

LINK = re.compile(r"https?://\S+")


@contextmanager
def loopback_smtp(settings) -> Iterator[SMTPServer]:
    """A running SMTP server on loopback, with Django's settings sending to it."""
    with SMTPServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_TIMEOUT = 10
        yield server


def links(message: EmailMessage) -> list[str]:
    """Every link in the message's plain-text part."""
    return LINK.findall(message.get_body(preferencelist=("plain",)).get_content())


def only_link(message: EmailMessage, base: str) -> str:
    """The message's single link, which must lead to `base`."""
    (url,) = links(message)
    assert url.startswith(base), url
    return url


def last_link(server: SMTPServer, to: str) -> str:
    """The first link of the last message received for `to`."""
    return links(server.to(to)[-1])[0]
