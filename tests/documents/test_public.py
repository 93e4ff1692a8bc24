"""The public side: tracking page and JSON (never personal data), lookup by number and PIN
with failed attempts limited, the online request from a service page, the chatbot's API."""

from __future__ import annotations

import json

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from portal.documents import services
from portal.documents.models import Document

from .conftest import ONE_PIXEL_PNG, PDF_BYTES

pytestmark = pytest.mark.django_db

SECRETS = [
    "Ana Popescu",
    "ana.popescu@example.org",
    "0740123456",
    "Str. Mărului 3",
    "confidențial",
    "notă internă",
    "buletin-ana.pdf",
]


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def document(city, clerk):
    upload = SimpleUploadedFile("buletin-ana.pdf", PDF_BYTES, content_type="application/pdf")
    document = services.register_document(
        channel="online",
        subject="Certificat",
        service=city.service,
        sender_name="Ana Popescu",
        sender_email="ana.popescu@example.org",
        sender_phone="0740123456",
        sender_address="Str. Mărului 3",
        message="confidențial",
        form_data={"name": "Ana Popescu", "details": "confidențial"},
        files=[upload],
        internal_note="notă internă",
    )
    services.change_status(
        document=document,
        status="in_review",
        actor=clerk,
        public_note="Analizăm cererea.",
        internal_note="notă internă",
    )
    services.assign(document=document, user=clerk, actor=clerk, internal_note="notă internă")
    document.refresh_from_db()
    return document


def _assert_no_personal_data(text: str, clerk) -> None:
    for secret in [*SECRETS, clerk.username]:
        assert secret not in text, f"{secret!r} leaked"


def test_tracking_page_and_json_leak_no_personal_data(client, document, clerk):
    page = client.get(f"/ro/t/{document.token}")
    assert page.status_code == 200
    html = page.content.decode()
    assert document.number in html and "În analiză" in html and "Analizăm cererea." in html
    assert page["Referrer-Policy"] == "same-origin"
    _assert_no_personal_data(html, clerk)

    for url in (
        f"/api/v1/documents/track/{document.token}?lang=en",
        f"/api/v1/documents/status?number={document.number}&pin={document.pin}&lang=en",
    ):
        response = client.get(url)
        assert response.status_code == 200
        body = response.json()
        assert body["status"] == "in_review" and body["status_label"] == "In review"
        assert [step["status"] for step in body["timeline"]] == ["registered", "in_review"]
        assert body["tracking_url"] == f"https://portal.example/t/{document.token}"
        assert body["service"] == "Certificat de urbanism" and body["overdue"] is False
        _assert_no_personal_data(json.dumps(body, ensure_ascii=False), clerk)
    document.refresh_from_db()
    assert document.tracking_scans == 1


def test_bare_short_url_redirects_to_the_visitors_language(client, document):
    response = client.get(f"/t/{document.token}", HTTP_ACCEPT_LANGUAGE="hu")
    assert response.status_code == 302 and response["Location"] == f"/hu/t/{document.token}"
    assert client.get("/ro/t/not-a-token").status_code == 404


def test_lookup_needs_the_pin_and_failures_are_rate_limited(client, document):
    wrong_pin = "000000" if document.pin != "000000" else "111111"
    unknown = client.get("/api/v1/documents/status", {"number": "AR-1999-000001", "pin": document.pin})
    wrong = client.get("/api/v1/documents/status", {"number": document.number, "pin": wrong_pin})
    assert unknown.status_code == wrong.status_code == 404 and unknown.json() == wrong.json()
    for _ in range(4):  # 5 failures for this number from this address
        client.get("/api/v1/documents/status", {"number": document.number, "pin": wrong_pin})
    limited = client.get("/api/v1/documents/status", {"number": document.number, "pin": document.pin})
    assert limited.status_code == 429  # even the right PIN, once the limit is reached
    page = client.post("/ro/track/", {"number": document.number, "pin": document.pin})
    assert page.status_code == 429
    other = client.get(
        "/api/v1/documents/status", {"number": document.number, "pin": document.pin}, REMOTE_ADDR="10.0.0.9"
    )
    assert other.status_code == 200


def test_lookup_page_opens_the_tracking_page(client, document):
    response = client.post("/en/track/", {"number": document.number.lower(), "pin": document.pin})
    assert response.status_code == 302 and response["Location"] == f"/en/t/{document.token}"
    response = client.post("/en/track/", {"number": document.number, "pin": "999999x"})
    assert response.status_code == 404 and "We found no document" in response.content.decode()


def test_online_request_registers_a_document_with_checked_attachments(client, city):
    url = city.service.url
    fake = SimpleUploadedFile("poza.png", b"MZ\x90\x00 not really a png", content_type="image/png")
    response = client.post(url, {"name": "Ion Pop", "email": "ion@example.org", "attachments": [fake]})
    assert response.status_code == 200 and "nu este un tip de fișier acceptat" in response.content.decode()
    assert not Document.objects.exists()

    files = [
        SimpleUploadedFile("plan.png", ONE_PIXEL_PNG, content_type="application/octet-stream"),
        SimpleUploadedFile("cerere.pdf", PDF_BYTES, content_type="application/pdf"),
    ]
    response = client.post(
        url, {"name": "Ion Pop", "email": "ion@example.org", "details": "Vă rog", "attachments": files}
    )
    document = Document.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/ro/receipt/{document.token}/"
    response = client.get(response["Location"])
    assert response.status_code == 200
    html = response.content.decode()
    assert document.number in html and document.pin in html and "data:image/png;base64," in html
    assert (document.channel, document.sender_name, document.sender_email) == (
        "online",
        "Ion Pop",
        "ion@example.org",
    )
    assert document.message == "Vă rog" and document.service == city.service
    assert sorted(document.attachments.values_list("content_type", flat=True)) == [
        "application/pdf",
        "image/png",
    ]
    receipt = client.get(f"/ro/receipt/{document.token}.pdf")
    assert receipt.status_code == 200 and receipt.content.startswith(b"%PDF")
    from django.test import Client

    assert Client().get(f"/ro/receipt/{document.token}.pdf").status_code == 404


def test_chatbot_request_api(client, city, django_capture_on_commit_callbacks):
    payload = {
        "subject": "Groapă în asfalt",
        "message": "Pe strada Eminescu",
        "contact_email": "a@example.org",
        "service": city.service.slug,
        "channel": "chatbot",
        "lang": "hu",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/v1/documents/requests", payload, content_type="application/json")
    assert response.status_code == 201, response.content
    body = response.json()
    document = Document.objects.get(number=body["number"])
    assert body["pin"] == document.pin and body["tracking_url"].endswith(document.token)
    assert (document.channel, document.language, document.service) == ("chatbot", "hu", city.service)
    assert len(mail.outbox) == 1 and document.number in mail.outbox[0].body
    bad = client.post(
        "/api/v1/documents/requests", {**payload, "contact_email": "nope"}, content_type="application/json"
    )
    assert bad.status_code == 400
    status = client.get(
        "/api/v1/documents/status", {"number": body["number"], "pin": body["pin"], "lang": "hu"}
    )
    assert status.status_code == 200 and status.json()["status"] == "registered"
