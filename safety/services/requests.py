"""Alert buttons requested through the one-stop shop: a business or institution files the
e-service's form (a registered document with its QR tracking); staff approval creates the
device, planned (pending installation), and tells the requester through the registry."""

from __future__ import annotations

from typing import Any

from django.contrib.gis.geos import Point
from django.core.exceptions import ValidationError
from django.db import transaction

from cctv.models import District
from portal.documents import services as registry
from portal.documents.models import Document, Status

from ..models import Device

# The e-service form's fields (FormFieldData.name in safety/demo/data.py).
ORGANISATION, SITE_ADDRESS, SITE_KIND = "organisation", "site_address", "site_kind"
# Registry statuses from which a request goes to review before its decision.
TO_REVIEW_FIRST = (Status.REGISTERED, Status.ASSIGNED, Status.NEEDS_INFO)


def next_code() -> str:
    """The next free alert-button code, AR-AB-0001 onwards."""
    last = (
        Device.objects.filter(code__startswith="AR-AB-")
        .order_by("-code")
        .values_list("code", flat=True)
        .first()
    )
    number = int(last.rsplit("-", 1)[1]) + 1 if last and last.rsplit("-", 1)[1].isdigit() else 1
    return f"AR-AB-{number:04d}"


@transaction.atomic
def approve_request(
    *,
    document: Document,
    by: Any,
    latitude: float,
    longitude: float,
    district: District | None,
    operator: str,
    code: str = "",
) -> Device:
    """Create the planned alert button of an approved request and mark the document approved
    (the requester follows it by its QR tracking page). A request yields one button only."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    if Device.objects.filter(request_document=document).exists():
        raise ValidationError("This request already has its alert button.", code="done")
    if document.status not in (*TO_REVIEW_FIRST, Status.IN_REVIEW):
        raise ValidationError(f"A request that is {document.status} cannot be approved.", code="status")
    answers = document.form_data or {}
    organisation = str(answers.get(ORGANISATION) or document.sender_name or document.subject)[:200]
    address = str(answers.get(SITE_ADDRESS) or document.sender_address)[:255]
    device = Device(
        code=code or next_code(),
        kind=Device.Kind.ALERT_BUTTON,
        name=address[:200] or organisation,
        location=Point(longitude, latitude, srid=4326),
        district=district,
        business_name=organisation,
        business_address=address,
        operator=operator,
        status=Device.Status.PLANNED,
        request_document=document,
        notes=f"Requested through the one-stop shop, document {document.number}.",
    )
    device.full_clean()
    device.save()
    if document.status in TO_REVIEW_FIRST:
        registry.change_status(document=document, status=Status.IN_REVIEW, actor=by)
    registry.change_status(
        document=document,
        status=Status.APPROVED,
        actor=by,
        public_note="Approved: the alert button will be installed; the supervision centre will contact you.",
        internal_note=f"Alert button {device.code} created (planned).",
    )
    return device
