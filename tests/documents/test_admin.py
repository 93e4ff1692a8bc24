"""Staff screens: registry list with filters and the scan box, counter registration, status
changes, assignment, labels, and attachments that only the registry's staff can download."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from portal.documents import services
from portal.documents.models import Document
from tests.factories import UserFactory

from .conftest import PDF_BYTES

pytestmark = pytest.mark.django_db


@pytest.fixture
def documents(city):
    upload = SimpleUploadedFile("act-identitate.pdf", PDF_BYTES, content_type="application/pdf")
    online = services.register_document(
        channel="online",
        subject="Certificat online",
        service=city.service,
        sender_name="Ana Pop",
        files=[upload],
    )
    post = services.register_document(channel="post", subject="Petiție prin poștă", sender_name="Ion Ilie")
    return online, post


@pytest.fixture
def staff(client, clerk):
    client.force_login(clerk)
    return client


def test_registry_list_filters_and_scan_box(staff, documents):
    online, post = documents
    page = staff.get("/admin/registry/").content.decode()
    assert online.number in page and post.number in page
    filtered = staff.get("/admin/registry/", {"channel": "post"}).content.decode()
    assert post.number in filtered and online.number not in filtered
    by_service = staff.get("/admin/registry/", {"service": online.service_id}).content.decode()
    assert online.number in by_service and post.number not in by_service
    assert online.number not in staff.get("/admin/registry/", {"overdue": "on"}).content.decode()
    scanned = staff.get("/admin/registry/scan/", {"code": f"https://portal.example/t/{post.token}"})
    assert scanned["Location"] == f"/admin/registry/{post.pk}/"
    assert staff.get("/admin/registry_policies/").status_code == 200
    assert staff.get("/admin/registry/scan/", {"code": online.number.lower()})["Location"].endswith(
        f"/{online.pk}/"
    )


def test_counter_registration_status_change_and_assignment(staff, city, clerk):
    response = staff.post(
        "/admin/registry/new/",
        {
            "channel": "counter",
            "service": city.service.pk,
            "subject": "Cerere depusă la ghișeu",
            "sender_name": "Maria Ionescu",
            "language": "ro",
        },
    )
    document = Document.objects.get(subject="Cerere depusă la ghișeu")
    assert response["Location"] == f"/admin/registry/{document.pk}/"
    assert (document.channel, document.registered_by, document.department) == (
        "counter",
        clerk,
        city.department,
    )
    detail = staff.get(f"/admin/registry/{document.pk}/").content.decode()
    assert "Maria Ionescu" in detail and document.pin in detail

    staff.post(f"/admin/registry/{document.pk}/assign/", {"user": clerk.pk})
    staff.post(f"/admin/registry/{document.pk}/status/", {"status": "in_review", "public_note": "Verificăm."})
    document.refresh_from_db()
    assert (document.status, document.assigned_to) == ("in_review", clerk)
    staff.post(f"/admin/registry/{document.pk}/status/", {"status": "issued"})  # not allowed from in_review
    document.refresh_from_db()
    assert document.status == "in_review"

    for url in (
        f"/admin/registry/{document.pk}/label.pdf",
        f"/admin/registry/{document.pk}/receipt.pdf",
        "/admin/registry/labels.pdf?status=in_review",
    ):
        response = staff.get(url)
        assert response.status_code == 200 and response.content.startswith(b"%PDF"), url


def test_attachments_are_served_to_registry_staff_only(client, staff, documents, django_user_model):
    attachment = documents[0].attachments.get()
    url = f"/admin/registry/attachments/{attachment.pk}/"
    response = staff.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Disposition"].startswith("attachment")

    assert Client().get(url).status_code == 302  # to the admin login
    editor = UserFactory(username="editor", groups=["Editors"])
    other = Client()
    other.force_login(editor)
    assert other.get(url).status_code in (302, 403)
    assert other.get("/admin/registry/").status_code in (302, 403)
