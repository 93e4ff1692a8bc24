"""How notices reach people: pluggable senders listed in `NEIGHBOURS_SENDERS` (dotted paths).

A sender implements `Sender`: a channel name, whether it can reach a member, and `send()` for
one message, raising `DeliveryError` when the message did not go (it is then retried). An SMS
gateway is one more class with `channel = "sms"` that posts to the gateway's HTTP API.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.utils.module_loading import import_string

DEFAULT_SENDERS = ["neighbours.senders.EmailSender"]


class DeliveryError(Exception):
    """The message did not leave; the text is recorded on the delivery (no personal data)."""


@dataclass(frozen=True)
class Recipient:
    email: str
    name: str
    language: str


@dataclass(frozen=True)
class Message:
    """One message in the recipient's language, with the link that ends their membership."""

    subject: str
    text: str
    leave_url: str
    language: str


@runtime_checkable
class Sender(Protocol):
    channel: str

    def can_reach(self, recipient: Recipient) -> bool:
        """Whether this channel has what it needs to reach `recipient` (an address, a number)."""

    def send(self, recipient: Recipient, message: Message) -> None:
        """Send `message`; raise DeliveryError when it did not go. A sender may also have
        `open()` and `close()`, called around a batch (to keep one connection)."""


class EmailSender:
    """E-mail through Django's configured backend (EMAIL_URL), with RFC 8058 one-click leave.
    Between `open()` and `close()` one connection carries every message of the batch."""

    channel = "email"

    def __init__(self) -> None:
        self._connection = None

    def open(self) -> None:
        self._connection = get_connection()
        try:
            self._connection.open()
        except OSError:  # smtplib and socket errors: each message tries again, records its failure
            self._connection.close()

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
        self._connection = None

    def can_reach(self, recipient: Recipient) -> bool:
        return bool(recipient.email)

    def send(self, recipient: Recipient, message: Message) -> None:
        email = EmailMessage(
            subject=message.subject,
            body=message.text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[recipient.email],
            connection=self._connection,
            headers={
                "List-Unsubscribe": f"<{message.leave_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "Content-Language": message.language,
            },
        )
        try:
            if getattr(self._connection, "connection", False) is None:
                self._connection.open()  # kept open for the rest of the batch
            email.send()
        except Exception as error:  # smtplib, socket and backend errors alike
            if self._connection is not None:
                self._connection.close()  # the next message starts on a fresh connection
            raise DeliveryError(f"{type(error).__name__}: {error}"[:300]) from error


def _load(paths: tuple[str, ...]) -> tuple[Sender, ...]:
    senders = tuple(import_string(path)() for path in paths)
    for sender in senders:
        if not isinstance(sender, Sender):
            raise TypeError(f"{type(sender).__name__} does not implement neighbours.senders.Sender")
    return senders


def configured_senders() -> tuple[Sender, ...]:
    """A new instance of each sender in `NEIGHBOURS_SENDERS` (one per batch: they hold connections)."""
    return _load(tuple(getattr(settings, "NEIGHBOURS_SENDERS", DEFAULT_SENDERS)))
