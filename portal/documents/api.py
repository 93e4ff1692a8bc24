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
from pydantic import Field

from portal.core.api import Error
from portal.core.city import get_city

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


# Plain ASCII addresses that Django's EmailValidator accepts: dot-atom local part, host names.
EMAIL_PATTERN = (
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$"
)


class RequestIn(Schema):
    subject: str = Field(min_length=1, max_length=255, pattern=r"\S", description="not blank")
    message: str = Field(default="", max_length=10_000)
    contact_email: str | None = Field(default=None, max_length=254, pattern=EMAIL_PATTERN)
    service: str | None = Field(default=None, description="slug of the service, if known")
    channel: str = Field(default="chatbot", pattern="^(chatbot|online)$")
    lang: str = Field(default="", pattern="^([a-z]{2})?$", description="a language the city offers")


class ConfigOut(Schema):
    pin_digits: int = Field(description="digits of the PIN printed on every receipt")


class RequestOut(Schema):
    number: str
    pin: str
    tracking_url: str


def _lang(lang: str | None) -> str:
    city = get_city()
    return lang if lang in city.languages else city.default_language


NOT_FOUND = "No document with this number and PIN."


@router.get("/status", response={200: StatusOut, 404: Error, 429: Error})
def status(request: HttpRequest, number: str, pin: str, lang: str = ""):
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
        return 404, {"detail": NOT_FOUND}
    return 200, selectors.public_status(document, lang=_lang(lang))


@router.get("/config", response=ConfigOut)
def config(request: HttpRequest):
    """What a client needs to ask for a document's status correctly (e.g. the PIN's length)."""
    return {"pin_digits": settings.DOCUMENTS_PIN_DIGITS}


@router.get("/track/{token}", response={200: StatusOut, 404: Error})
def track(request: HttpRequest, token: str, lang: str = ""):
    """A document's public status by the token of its tracking QR."""
    document = selectors.by_token(token)
    if document is None:
        return 404, {"detail": "Unknown tracking code."}
    return 200, selectors.public_status(document, lang=_lang(lang))


@router.post("/requests", response={201: RequestOut, 400: Error, 404: Error, 429: Error})
def create_request(request: HttpRequest, payload: RequestIn):
    """File a request (the chatbot's "report a problem / ask for a human"): it is registered
    like any document and answered with its number, PIN and tracking address."""
    key = f"documents:api-requests:{selectors.client_address(request)}"
    if not cache.add(key, 1, 3600) and cache.incr(key) > settings.DOCUMENTS_API_REQUESTS_PER_HOUR:
        return 429, {"detail": "Too many requests from this address; try again later."}
    service = None
    if payload.service:
        service = selectors.live_service_by_slug(payload.service)
        if service is None:
            return 404, {"detail": f"Unknown service {payload.service!r}."}
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
