"""Against the full demo city: the chatbot's demo document answers, and a demo service's
online form (fields as the editors configured them) registers a document."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from portal.documents.demo.data import DEMO_NUMBER, DEMO_PIN
from portal.documents.models import Document
from portal.services.models import ServicePage

pytestmark = pytest.mark.django_db


def test_demo_document_and_demo_service_form(client, demo_city):
    call_command("load_demo_documents", verbosity=0)
    response = client.get("/api/v1/documents/status", {"number": DEMO_NUMBER, "pin": DEMO_PIN, "lang": "en"})
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["status_label"]) == ("in_review", "In review")

    service = (
        ServicePage.objects.live()
        .filter(locale=Locale.objects.get(language_code="hu"), online=True, form_fields__isnull=False)
        .distinct()
        .first()
    )
    data = {}
    for field in service.get_form_fields():
        data[field.clean_name] = {"email": "kovacs@example.org", "number": "3"}.get(
            field.field_type, "Kovács Éva"
        )
        if field.field_type in ("dropdown", "radio", "checkboxes"):
            first = field.choices.splitlines()[0].strip()
            data[field.clean_name] = [first] if field.field_type == "checkboxes" else first
        if field.field_type == "checkbox":
            data[field.clean_name] = "on"
        if field.field_type == "date":
            data[field.clean_name] = "2026-12-01"
    response = client.post(service.url, data, follow=True)
    assert response.status_code == 200, response.content[:500]
    document = Document.objects.get(channel="online", language="hu", sender_email="kovacs@example.org")
    assert document.service == service.get_translation(Locale.get_default())
    assert document.number in response.content.decode()
