"""E-mails to citizens: the receipt of a registered document and each public status change.
Written in the language the citizen used; they carry no more than the tracking page shows."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from .models import Document, DocumentEvent
from .selectors import public_status


def _send(document: Document, template: str, context: dict) -> None:
    with translation.override(document.language):
        context = {"document": document, "status": public_status(document), **context}
        subject = render_to_string(f"documents/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"documents/email/{template}.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [document.sender_email])


def send_receipt(document: Document) -> None:
    """The receipt: number, PIN and tracking link."""
    if document.sender_email:
        _send(document, "receipt", {"pin": document.pin})


def send_status_change(event: DocumentEvent) -> None:
    """A public status change with its public note (never the internal one)."""
    document = event.document
    if document.sender_email and event.public:
        _send(document, "status_change", {"event": event})


def send_pin_locked(document: Document) -> None:
    """Lookups by number and PIN were locked after repeated wrong PINs: say until when and
    that the tracking link and the counter still work."""
    if document.sender_email:
        _send(document, "pin_locked", {"until": document.pin_locked_until})
