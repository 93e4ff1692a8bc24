"""Public pages: the tracking page behind the QR (where the resident also answers a request
for more information), the lookup by number and PIN, and the receipt of an online request
(with its PDF and the files sent with it)."""

from __future__ import annotations

import base64

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from portal.core.storage import private_file_response
from portal.qr.services import qr_png

from . import pdf, selectors, services
from .forms import LookupForm
from .models import Document, Status
from .receipts import filed_here
from .tracking_forms import AnswerForm


def _private(response: HttpResponse) -> HttpResponse:
    # The token in the URL is the key to the page: keep it from other sites (same-origin sends
    # no referrer to them) and from search engines. Not "no-referrer": Chromium then sends
    # `Origin: null` with the page's own forms, which CSRF protection rightly refuses.
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def track(request: HttpRequest, token: str) -> HttpResponse:
    """The public status; while more information is needed, the form to send it."""
    document = selectors.by_token(token)
    if document is None:
        raise Http404
    form = None
    if document.status == Status.NEEDS_INFO:
        policy = services.policy_for(document.service)
        form = AnswerForm(request.POST or None, request.FILES or None, policy=policy)
    if request.method == "POST":
        if form is None:  # answered already (a second click) or no longer waiting
            return redirect("documents:track", token=token)
        if form.is_valid():
            try:
                services.answer_information_request(
                    document=document,
                    message=form.cleaned_data["message"],
                    files=form.cleaned_data.get("attachments") or [],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Thank you: your answer was sent to the registry."))
                return redirect("documents:track", token=token)
    else:
        services.record_scan(document)
    context = {"status": selectors.public_status(document), "answer_form": form}
    return _private(render(request, "documents/track.html", context))


@never_cache
def lookup(request: HttpRequest) -> HttpResponse:
    """Find a document by its number and the PIN printed on the receipt."""
    form = LookupForm(request.POST or None)
    status_code = 200
    not_found = False
    locked_until = None
    if request.method == "POST" and form.is_valid():
        try:
            document = selectors.lookup(
                number=form.cleaned_data["number"],
                pin=form.cleaned_data["pin"],
                address=selectors.client_address(request),
            )
        except selectors.DocumentLocked as locked:
            status_code, locked_until = 429, locked.until
        except selectors.LookupLimited:
            status_code = 429
        else:
            if document is not None:
                return redirect("documents:track", token=document.token)
            not_found = True
            status_code = 404
    context = {
        "form": form,
        "not_found": not_found,
        "limited": status_code == 429 and locked_until is None,
        "locked_until": locked_until,
    }
    return _private(render(request, "documents/lookup.html", context, status=status_code))


def _filed_here(request: HttpRequest, token: str) -> Document:
    """The document, if this browser's session filed it (the receipt shows the PIN)."""
    if not filed_here(request, token):
        raise Http404
    document = selectors.by_token(token)
    if document is None:
        raise Http404
    return document


@never_cache
def receipt_page(request: HttpRequest, token: str) -> HttpResponse:
    """The receipt: number, PIN, tracking QR; only in the browser that filed the request."""
    document = _filed_here(request, token)
    status = selectors.public_status(document)
    service = document.service.localized if document.service is not None else None
    context = {
        "page": service,
        "document": document,
        "status": status,
        "qr_data_uri": "data:image/png;base64,"
        + base64.b64encode(qr_png(status["tracking_url"], box_size=6)).decode(),
    }
    return _private(TemplateResponse(request, "documents/receipt.html", context))


@never_cache
def receipt_pdf(request: HttpRequest, token: str) -> HttpResponse:
    document = _filed_here(request, token)
    content = pdf.receipt_pdf(document, lang=request.LANGUAGE_CODE)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{document.number}.pdf"'
    return _private(response)


@never_cache
def receipt_attachment(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    """A file sent with the request, for the browser that filed it (as its receipt is)."""
    document = _filed_here(request, token)
    item = document.attachments.filter(pk=pk).first()
    if item is None:
        raise Http404
    return private_file_response(
        item.file.storage, item.file.name, filename=item.original_name, content_type=item.content_type
    )
