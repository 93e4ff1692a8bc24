"""Document registry: routes of the public API under /api/v1/documents/ (see portal/api.py).

The chatbot and outside developers read a document's public status (by tracking token, or
by number and PIN) and file requests. Nothing personal is ever returned."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError
from pydantic import Field
from wagtail.models import Locale

from portal.services.models import ServicePage

from . import selectors, services

router = Router(tags=["documents"])


class TimelineStep(Schema):
    status: str
    status_label: str
    at: dt.datetime
    note: str


class StatusOut(Schema):
    number: str
    service: str
    status: str
    status_label: str
    registered_at: dt.datetime
    updated_at: dt.datetime
    expected_completion: dt.date | None
    overdue: bool
    timeline: list[TimelineStep]
    permit_revoked_at: dt.datetime | None = None
    revocation_note: str = ""
    tracking_url: str


class Detail(Schema):
    detail: str


class RequestIn(Schema):
    subject: str = Field(min_length=1, max_length=255)
    message: str = Field(default="", max_length=10_000)
    contact_email: str | None = Field(default=None, max_length=254)
    service: str | None = Field(default=None, description="slug of the service, if known")
    channel: str = Field(default="chatbot", pattern="^(chatbot|online)$")
    lang: str = Field(default="ro", pattern="^(ro|en|hu)$")


class RequestOut(Schema):
    number: str
    pin: str
    tracking_url: str


def _lang(lang: str | None) -> str:
    codes = [code for code, _ in settings.LANGUAGES]
    return lang if lang in codes else settings.LANGUAGE_CODE


NOT_FOUND = "No document with this number and PIN."


def _not_found(request: HttpRequest, detail: str) -> tuple[int, dict[str, str]]:
    # LocaleMiddleware would turn a 404 outside the language prefix into a redirect to /ro/...;
    # with a urlconf of machine routes only for this request it leaves the JSON 404 as it is.
    request.urlconf = "portal.documents.api_urls"
    return 404, {"detail": detail}


@router.get("/status", response={200: StatusOut, 404: Detail, 429: Detail})
def status(request: HttpRequest, number: str, pin: str, lang: str = "ro"):
    """A document's public status by its number and the PIN printed on its receipt. An unknown
    number and a wrong PIN get the same 404; too many failures from one address, or too many
    wrong PINs for the document from any addresses, get 429."""
    try:
        document = selectors.lookup(number=number, pin=pin, address=selectors.client_address(request))
    except selectors.DocumentLocked:
        return 429, {"detail": "Too many wrong PINs for this document; its PIN lookups are locked."}
    except selectors.LookupLimited:
        return 429, {"detail": "Too many failed lookups; try again later."}
    if document is None:
        return _not_found(request, NOT_FOUND)
    return 200, selectors.public_status(document, lang=_lang(lang))


@router.get("/track/{token}", response={200: StatusOut, 404: Detail})
def track(request: HttpRequest, token: str, lang: str = "ro"):
    """A document's public status by the token of its tracking QR."""
    document = selectors.by_token(token)
    if document is None:
        return _not_found(request, "Unknown tracking code.")
    return 200, selectors.public_status(document, lang=_lang(lang))


@router.post("/requests", response={201: RequestOut, 400: Detail, 429: Detail})
def create_request(request: HttpRequest, payload: RequestIn):
    """File a request (the chatbot's "report a problem / ask for a human"): it is registered
    like any document and answered with its number, PIN and tracking address."""
    key = f"documents:api-requests:{selectors.client_address(request)}"
    if not cache.add(key, 1, 3600) and cache.incr(key) > settings.DOCUMENTS_API_REQUESTS_PER_HOUR:
        return 429, {"detail": "Too many requests from this address; try again later."}
    service = None
    if payload.service:
        service = ServicePage.objects.live().filter(slug=payload.service, locale=Locale.get_default()).first()
        service = service or ServicePage.objects.live().filter(slug=payload.service).first()
        if service is None:
            raise HttpError(400, f"Unknown service {payload.service!r}.")
    try:
        if payload.contact_email:
            validate_email(payload.contact_email)
        document = services.register_document(
            channel=payload.channel,
            subject=payload.subject,
            message=payload.message,
            sender_email=payload.contact_email or "",
            service=service,
            language=_lang(payload.lang),
        )
    except ValidationError as error:
        return 400, {"detail": " ".join(error.messages)}
    return 201, {
        "number": document.number,
        "pin": document.pin,
        "tracking_url": selectors.tracking_url(document.token),
    }
