"""Public verification of signed QR codes (or of a document's printed number) and the published
verification key."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control

from portal.accounts import throttle
from portal.core.net import client_address

from . import services

MAX_NUMBER_LENGTH = 64  # far longer than any printed number, with spaces and dashes


def _number_limits() -> dict[str, int]:
    return {"per_address": 30, "window_seconds": 15 * 60, "lockout_seconds": 15 * 60} | getattr(
        settings, "QR_VERIFY_NUMBER_LIMITS", {}
    )


def _verify_number(request: HttpRequest, number: str) -> tuple[services.Verification | None, bool]:
    """(verification or None when unknown, limited): unknown numbers count against the visitor's
    address, so numbers cannot be tried in bulk; the same answer whether a number exists or not
    once the address is locked."""
    limits, address = _number_limits(), client_address(request)
    if throttle.is_locked("verify-number", address):
        return None, True
    result = services.verify_number(number) if len(number) <= MAX_NUMBER_LENGTH else None
    if result is None:
        throttle.fail(
            "verify-number",
            address,
            limit=limits["per_address"],
            window_seconds=limits["window_seconds"],
            lockout_seconds=limits["lockout_seconds"],
        )
    return result, False


def verify(request: HttpRequest, number: str = "") -> HttpResponse:
    """`?p=` a token as read from a QR code; `?n=` (or /verify/<number>) a printed number."""
    token = request.GET.get("p", "").strip()
    number = (number or request.GET.get("n", "")).strip()
    result, limited, unknown = None, False, False
    if token:
        result = services.verify(token)
    elif number:
        result, limited = _verify_number(request, number)
        unknown = result is None and not limited
    # Only what the city signed is shown: an altered code's content is the forger's words.
    contents = []
    if result is not None and result.payload and result.status in ("genuine", "revoked"):
        contents = [(key, value) for key, value in result.payload.items() if key not in ("v", "k")]
    context = {
        "token": token,
        "number": number[:MAX_NUMBER_LENGTH],
        "result": result,
        "unknown": unknown,
        "limited": limited,
        "contents": contents,
        "key_id": services.key_id(),
    }
    return render(request, "qr/verify.html", context, status=429 if limited else 200)


@cache_control(max_age=3600, public=True)
def public_key(request: HttpRequest) -> HttpResponse:
    return HttpResponse(services.public_key_pem(), content_type="application/x-pem-file")
