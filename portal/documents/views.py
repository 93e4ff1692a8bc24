"""Public pages: the tracking page behind the QR, the lookup by number and PIN, and the
receipt shown after an online request (with its PDF)."""

from __future__ import annotations

import base64
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from portal.qr.services import qr_png

from . import pdf, selectors, services
from .forms import LookupForm
from .models import Document

SESSION_RECEIPTS = "documents_receipts"


def _private(response: HttpResponse) -> HttpResponse:
    # The token in the URL is the key to the page: keep it out of referrers and search engines.
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
def track(request: HttpRequest, token: str) -> HttpResponse:
    document = selectors.by_token(token)
    if document is None:
        raise Http404
    services.record_scan(document)
    context = {"status": selectors.public_status(document)}
    return _private(render(request, "documents/track.html", context))


@never_cache
def lookup(request: HttpRequest) -> HttpResponse:
    """Find a document by its number and the PIN printed on the receipt."""
    form = LookupForm(request.POST or None)
    status_code = 200
    not_found = False
    if request.method == "POST" and form.is_valid():
        try:
            document = selectors.lookup(
                number=form.cleaned_data["number"],
                pin=form.cleaned_data["pin"],
                address=selectors.client_address(request),
            )
        except selectors.LookupLimited:
            status_code = 429
        else:
            if document is not None:
                return redirect("documents:track", token=document.token)
            not_found = True
            status_code = 404
    context = {"form": form, "not_found": not_found, "limited": status_code == 429}
    return _private(render(request, "documents/lookup.html", context, status=status_code))


def receipt(request: HttpRequest, document: Document, *, context: dict[str, Any]) -> HttpResponse:
    """The page shown right after an online request; only this browser may download its PDF."""
    receipts = request.session.get(SESSION_RECEIPTS, [])[-19:]
    request.session[SESSION_RECEIPTS] = [*receipts, document.token]
    status = selectors.public_status(document)
    context = {
        **context,
        "document": document,
        "status": status,
        "qr_data_uri": "data:image/png;base64,"
        + base64.b64encode(qr_png(status["tracking_url"], box_size=6)).decode(),
    }
    return _private(TemplateResponse(request, "documents/receipt.html", context))


@never_cache
def receipt_pdf(request: HttpRequest, token: str) -> HttpResponse:
    if token not in request.session.get(SESSION_RECEIPTS, []):
        raise Http404
    document = selectors.by_token(token)
    if document is None:
        raise Http404
    content = pdf.receipt_pdf(document, lang=request.LANGUAGE_CODE)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{document.number}.pdf"'
    return _private(response)
