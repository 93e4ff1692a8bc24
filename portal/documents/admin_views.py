"""Staff screens in the Wagtail admin: the registry list with filters and the scan box,
counter registration, a document's page (status change, assignment, history, attachments),
QR labels, receipts and permit QR codes. Every view checks the registry's permissions."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.core.storage import private_file_response

from . import pdf, selectors, services
from .forms import AssignForm, CounterRegistrationForm, RegistryFilterForm, StatusChangeForm
from .models import Attachment, Document
from .tracking_forms import RevocationForm

PAGE_SIZE = 50
MAX_LABELS = 240  # ten A4 sheets


def permission(codename: str) -> Callable:
    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.has_perm(f"documents.{codename}"):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def _pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _filtered(request: HttpRequest) -> tuple[RegistryFilterForm, Any]:
    form = RegistryFilterForm(request.GET or None)
    filters: dict[str, Any] = {}
    if form.is_valid():
        data = form.cleaned_data
        filters = {
            "q": data["q"],
            "status": data["status"],
            "channel": data["channel"],
            "service": data["service"].pk if data["service"] else None,
            "department": data["department"].pk if data["department"] else None,
            "overdue": data["overdue"],
        }
    return form, selectors.registry(**filters)


@permission("view_document")
def index(request: HttpRequest) -> HttpResponse:
    form, documents = _filtered(request)
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    return TemplateResponse(
        request,
        "documents/admin/index.html",
        {
            "filter_form": form,
            "page_obj": page,
            "query": query.urlencode(),
            "total": page.paginator.count,
            "can_add": request.user.has_perm("documents.add_document"),
        },
    )


@permission("view_document")
def scan(request: HttpRequest) -> HttpResponse:
    """What a USB QR scanner types (a tracking URL) or a typed number opens that document."""
    document = selectors.find_scanned(request.GET.get("code", ""))
    if document is None:
        messages.error(request, _("No document matches the scanned code."))
        return redirect("documents_admin:index")
    return redirect("documents_admin:detail", pk=document.pk)


@permission("add_document")
def register(request: HttpRequest) -> HttpResponse:
    form = CounterRegistrationForm(request.POST or None, initial={"channel": "counter", "language": "ro"})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        document = services.register_document(
            channel=data["channel"],
            subject=data["subject"],
            service=data["service"],
            department=data["department"],
            message=data["message"],
            sender_name=data["sender_name"],
            sender_email=data["sender_email"],
            sender_phone=data["sender_phone"],
            sender_address=data["sender_address"],
            language=data["language"],
            internal_note=data["internal_note"],
            actor=request.user,
        )
        messages.success(
            request, _("Registered as %(number)s. Print the receipt and the label.") % {"number": document}
        )
        return redirect("documents_admin:detail", pk=document.pk)
    return TemplateResponse(request, "documents/admin/register.html", {"form": form})


@permission("view_document")
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(
        Document.objects.select_related("service", "department", "assigned_to"), pk=pk
    )
    can_change = request.user.has_perm("documents.change_document")
    return TemplateResponse(
        request,
        "documents/admin/detail.html",
        {
            "document": document,
            "status": selectors.public_status(document),
            "events": document.events.select_related("actor"),
            "attachments": document.attachments.all(),
            "status_form": StatusChangeForm(choices=document.next_statuses)
            if can_change and document.next_statuses
            else None,
            "assign_form": AssignForm(initial={"user": document.assigned_to_id}) if can_change else None,
            "can_change": can_change,
            "permit_url": services.permit_url(document) if document.permit_token else "",
            "revocation_form": RevocationForm() if can_change else None,
            "answers": document.events.filter(by_resident=True).prefetch_related("attachments"),
        },
    )


@require_POST
@permission("change_document")
def change_status(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document, pk=pk)
    form = StatusChangeForm(request.POST, choices=document.next_statuses)
    if form.is_valid():
        try:
            services.change_status(document=document, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Status changed."))
    else:
        messages.error(request, _("Choose a new status."))
    return redirect("documents_admin:detail", pk=pk)


@require_POST
@permission("change_document")
def assign(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document, pk=pk)
    form = AssignForm(request.POST)
    if form.is_valid():
        services.assign(
            document=document,
            user=form.cleaned_data["user"],
            actor=request.user,
            internal_note=form.cleaned_data["internal_note"],
        )
        messages.success(request, _("Assigned."))
    else:
        messages.error(request, _("Choose a clerk."))
    return redirect("documents_admin:detail", pk=pk)


@require_POST
@permission("change_document")
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document, pk=pk)
    form = RevocationForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(error for errors in form.errors.values() for error in errors))
        return redirect("documents_admin:detail", pk=pk)
    try:
        services.revoke_permit(
            document=document, actor=request.user, public_note=form.cleaned_data["public_note"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The permit is revoked: its QR code now verifies as revoked."))
    return redirect("documents_admin:detail", pk=pk)


@permission("view_document")
def label(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document, pk=pk)
    return _pdf_response(pdf.single_label_pdf(document), f"label-{document.number}.pdf")


@permission("view_document")
def labels(request: HttpRequest) -> HttpResponse:
    """A sheet of labels: the chosen documents (?id=…), else the current filtered list."""
    ids = [int(value) for value in request.GET.getlist("id") if value.isdigit()]
    documents = Document.objects.filter(pk__in=ids) if ids else _filtered(request)[1]
    return _pdf_response(pdf.labels_sheet_pdf(list(documents[:MAX_LABELS])), "labels.pdf")


@permission("view_document")
def receipt(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document, pk=pk)
    return _pdf_response(pdf.receipt_pdf(document), f"{document.number}.pdf")


@permission("view_document")
def permit(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document, pk=pk)
    if not document.permit_token:
        raise PermissionDenied
    content = pdf.permit_qr_pdf(document, services.permit_url(document))
    return _pdf_response(content, f"permit-{document.number}.pdf")


@permission("view_document")
def attachment(request: HttpRequest, pk: int) -> HttpResponse:
    """Attachments are private: only staff with the registry's permission download them."""
    item = get_object_or_404(Attachment, pk=pk)
    return private_file_response(
        item.file.storage, item.file.name, filename=item.original_name, content_type=item.content_type
    )
