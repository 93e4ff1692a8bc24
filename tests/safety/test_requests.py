"""An alert button requested through the one-stop shop: the e-service's form files a registered
document (numbered, QR-tracked); staff approval in the admin creates the button, planned
(pending installation), and approves the document; the button stays out of public pages."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User

from portal.documents.models import Document
from portal.services.models import ServiceFormField, ServicePage
from safety.models import Device
from tests.factories import build_city

from .factories import make_district


def _fields() -> list[ServiceFormField]:
    rows = [
        ("Instituția sau firma", "organisation", "singleline", True, ""),
        ("Adresa", "site_address", "singleline", True, "address"),
        ("Nume și prenume", "name", "singleline", True, "name"),
        ("E-mail", "email", "email", False, "email"),
    ]
    return [
        ServiceFormField(label=label, clean_name=name, field_type=kind, required=required, role=role)
        for label, name, kind, required, role in rows
    ]


@pytest.mark.django_db
def test_a_request_filed_online_becomes_a_planned_button_on_approval(client):
    city = build_city()
    service = ServicePage(
        title="Buton de alarmă",
        slug=settings.SAFETY_ALERT_BUTTON_SERVICE,
        summary="Cerere pentru un buton de alarmă.",
        processing_days=30,
        department=city.department,
    )
    service.form_fields = _fields()
    city.service.get_parent().add_child(instance=service)
    district = make_district("Gai")

    filed = client.post(
        service.url,
        {
            "organisation": "Teatrul Clasic Ioan Slavici",
            "site_address": "Bd. Revoluției 103",
            "name": "Ana Pop",
        },
    )
    assert filed.status_code == 302, filed.content.decode()[:2000]
    document = Document.objects.get(service=service)
    assert document.number and document.token  # the registry's number and QR tracking token
    assert document.form_data["organisation"] == "Teatrul Clasic Ioan Slavici"

    staff = User.objects.create_user("dispecer", password="pass-1234-word")
    staff.groups.add(Group.objects.get(name="Safety operators"))
    client.force_login(staff)
    listing = client.get("/admin/safety/requests/").content.decode()
    assert document.number in listing and "Teatrul Clasic Ioan Slavici" in listing

    approve = f"/admin/safety/requests/{document.pk}/approve/"
    prefix = f"r{document.pk}"
    bad = client.post(
        approve, {f"{prefix}-latitude": "500", f"{prefix}-longitude": "21.3", f"{prefix}-operator": "x"}
    )
    assert bad.status_code == 302 and not Device.objects.exists()
    client.post(
        approve,
        {
            f"{prefix}-latitude": "46.1735",
            f"{prefix}-longitude": "21.3180",
            f"{prefix}-district": str(district.pk),
            f"{prefix}-operator": "Poliția Locală Arad",
        },
    )
    device = Device.objects.get(request_document=document)
    assert (device.kind, device.status, device.business_name) == (
        "alert_button",
        "planned",
        document.form_data["organisation"],
    )
    document.refresh_from_db()
    assert document.status == "approved"
    assert client.post(approve, {}).status_code == 404  # no second button for the same request
    client.logout()
    assert "Teatrul Clasic" not in client.get("/ro/call-points/").content.decode()
