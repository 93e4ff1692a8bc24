"""Reads of the document registry: the public status (no personal data, ever), lookups by
number and PIN with a limit on failed attempts, and the staff registry's filters."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.utils import timezone, translation

from .models import Document, RegistryFormPage, Status, service_model


def tracking_url(token: str) -> str:
    """The short absolute URL a tracking QR encodes; LocaleMiddleware adds the language."""
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/t/{token}"


def live_service_by_slug(slug: str) -> RegistryFormPage | None:
    """The live service with this slug, preferring the default language's page (slugs may
    repeat across languages)."""
    from wagtail.models import Locale

    live = service_model().objects.live().filter(slug=slug)
    return live.filter(locale=Locale.get_default()).first() or live.first()


def by_token(token: str) -> Document | None:
    if not token or len(token) > 64:
        return None
    return Document.objects.select_related("service").filter(token=token).first()


def _service_title(document: Document) -> str:
    if document.service is None:
        return ""
    localized = document.service.localized
    return localized.title


def public_status(document: Document, *, lang: str | None = None) -> dict[str, Any]:
    """Everything a citizen may see about a document. This dict is the whole public view:
    number, service, status, dates, the public timeline and a revocation's public reason —
    never the sender, contacts, message, internal notes or attachments."""
    with translation.override(lang or translation.get_language() or settings.LANGUAGE_CODE):
        labels = dict(Status.choices)
        timeline = [
            {
                "status": event.status,
                "status_label": str(labels[event.status]),
                "at": event.at,
                "note": event.public_note,
            }
            for event in document.events.filter(public=True).order_by("at", "id")
        ]
        revocations = [step for step in timeline if step["status"] == Status.REVOKED]
        return {
            "number": document.number,
            "service": _service_title(document),
            "status": document.status,
            "status_label": str(labels[document.status]),
            "registered_at": document.registered_at,
            "updated_at": document.updated_at,
            "expected_completion": document.due_date,
            "overdue": document.overdue,
            "timeline": timeline,
            "permit_revoked_at": document.permit_revoked_at,
            "revocation_note": revocations[-1]["note"] if revocations else "",
            "tracking_url": tracking_url(document.token),
        }


# --- lookup by number and PIN, with failed attempts limited -------------------------------------


class LookupLimited(Exception):
    """Too many failed lookups from this address: answer 429 and try again later."""


class DocumentLocked(LookupLimited):
    """Too many wrong PINs for this document, from any addresses: its lookups by number and
    PIN are locked until `until` (the tracking QR still works; the counter can help)."""

    def __init__(self, until: dt.datetime) -> None:
        super().__init__(until)
        self.until = until


@dataclass(frozen=True)
class LookupLimits:
    per_number: int = 5  # failures per (address, number) in the window
    per_address: int = 20  # failures per address, whatever the numbers
    window_seconds: int = 15 * 60
    # Wrong PINs for one document from all addresses together before its PIN lookups lock;
    # they count while each follows the last within `document_lock_seconds`.
    per_document: int = 10
    document_lock_seconds: int = 24 * 3600


def lookup_limits() -> LookupLimits:
    return LookupLimits(**getattr(settings, "DOCUMENTS_LOOKUP_LIMITS", {}))


def _keys(address: str, number: str) -> tuple[str, str]:
    # The number as typed is any text: hashed, so that every cache backend takes the key.
    typed = hashlib.sha256(number.upper().encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return f"documents:lookup:{address}:{typed}", f"documents:lookup:{address}"


def _failures(key: str) -> int:
    return int(cache.get(key, 0))


def _fail(key: str, window: int) -> None:
    if not cache.add(key, 1, window):
        try:
            cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.add(key, 1, window)


def lookup(*, number: str, pin: str, address: str) -> Document | None:
    """The document with this number and PIN, or None (the same answer for an unknown number
    and a wrong PIN). Raises LookupLimited after too many failures from `address`, and
    DocumentLocked while the document's PIN lookups are locked (even for the right PIN)."""
    from .services import record_wrong_pin  # services import this module

    limits = lookup_limits()
    number = number.strip().upper()
    pair_key, address_key = _keys(address, number)
    if _failures(pair_key) >= limits.per_number or _failures(address_key) >= limits.per_address:
        raise LookupLimited
    document = Document.objects.select_related("service").filter(number=number).first()
    if document is not None and document.pin_locked:
        _fail(pair_key, limits.window_seconds)
        _fail(address_key, limits.window_seconds)
        raise DocumentLocked(document.pin_locked_until)
    if document is not None and pin and _same(document.pin, pin.strip()):
        return document
    _fail(pair_key, limits.window_seconds)
    _fail(address_key, limits.window_seconds)
    if document is not None:
        record_wrong_pin(document=document, limits=limits)
    return None


def _same(expected: str, given: str) -> bool:
    import hmac

    return hmac.compare_digest(expected.encode(), given.encode())


def client_address(request: Any) -> str:
    """The visitor's address, trusting X-Forwarded-For only as far as TRUSTED_PROXY_COUNT says."""
    from portal.core.net import client_address as address

    return address(request)


# --- staff registry ---------------------------------------------------------------------------


def registry(
    *,
    status: str = "",
    department: int | None = None,
    service: int | None = None,
    channel: str = "",
    overdue: bool = False,
    q: str = "",
    today: dt.date | None = None,
) -> QuerySet[Document]:
    """The registry list for staff, filtered; `q` matches the number (or its sequence part)."""
    documents = Document.objects.select_related("service", "department", "assigned_to")
    if status:
        documents = documents.filter(status=status)
    if department:
        documents = documents.filter(department_id=department)
    if service:
        documents = documents.filter(service_id=service)
    if channel:
        documents = documents.filter(channel=channel)
    if overdue:
        documents = documents.overdue(today or timezone.localdate())
    q = q.strip()
    if q:
        documents = documents.filter(Q(number__iexact=q) | Q(number__icontains=q) | Q(subject__icontains=q))
    return documents


def find_scanned(text: str) -> Document | None:
    """The document a USB QR scanner's input points to: a tracking URL, a token or a number."""
    text = text.strip()
    if not text:
        return None
    if "/t/" in text:
        text = text.rsplit("/t/", 1)[1].split("?")[0].strip("/")
    return Document.objects.filter(token=text).first() or Document.objects.filter(number__iexact=text).first()
