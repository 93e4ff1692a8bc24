"""Tracking journeys with the suite's client: the receipt after a redirect (a reload files
nothing), wrong PINs locked per document from any addresses, a revoked permit on the tracking
page and by e-mail, the resident's answer to "needs more information", and /verify showing
nothing of an altered code."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from django.utils.formats import date_format

from portal.documents import selectors, services
from portal.documents.models import Document, ServiceRegistryPolicy
from portal.qr import services as qr

from .conftest import ONE_PIXEL_PNG, PDF_BYTES

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def document(city, django_capture_on_commit_callbacks) -> Document:
    with django_capture_on_commit_callbacks(execute=True):
        registered = services.register_document(
            channel="online",
            subject="Certificat",
            service=city.service,
            sender_name="Ana Popescu",
            sender_email="ana.popescu@example.org",
            language="ro",
        )
    mail.outbox.clear()
    return registered


def wrong_pins(pin: str, count: int) -> list[str]:
    """`count` PINs that differ from the one the registry issued."""
    return [f"{(int(pin) + step) % 10**6:06d}" for step in range(1, count + 1)]


def test_online_request_redirects_to_its_receipt_and_a_reload_files_nothing(
    client, city, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(city.service.url, {"name": "Ion Pop", "email": "ion@example.org"})
    document = Document.objects.get()
    assert response.status_code == 302
    receipt_url = response["Location"]
    assert receipt_url == f"/ro/receipt/{document.token}/"
    for _ in range(2):  # the receipt, then a reload
        with django_capture_on_commit_callbacks(execute=True):
            page = client.get(receipt_url)
        assert page.status_code == 200
        html = page.content.decode()
        assert document.number in html and document.pin in html and "Certificat de urbanism" in html
    assert Document.objects.count() == 1 and len(mail.outbox) == 1
    # The receipt shows the PIN: another browser gets nothing.
    from django.test import Client

    assert Client().get(receipt_url).status_code == 404
    assert client.get("/ro/receipt/not-a-token/").status_code == 404


def test_wrong_pins_from_many_addresses_lock_the_document(
    client, document, clerk, django_capture_on_commit_callbacks, monkeypatch
):
    limits = selectors.lookup_limits()
    guesses = iter(wrong_pins(document.pin, 35))
    answers = []
    with django_capture_on_commit_callbacks(execute=True):
        for address in range(7):  # each address stays within its own limit of 5
            for _ in range(5):
                response = client.post(
                    "/ro/track/",
                    {"number": document.number, "pin": next(guesses)},
                    REMOTE_ADDR=f"198.51.100.{address}",
                )
                answers.append(response.status_code)
    assert answers == [404] * limits.per_document + [429] * (35 - limits.per_document)

    # The right PIN from a fresh address does not open it, on the page nor by the API.
    fresh = {"REMOTE_ADDR": "203.0.113.50"}
    response = client.post("/ro/track/", {"number": document.number, "pin": document.pin}, **fresh)
    assert response.status_code == 429
    assert "blocată până la" in response.content.decode() and document.token not in response.content.decode()
    api = client.get("/api/v1/documents/status", {"number": document.number, "pin": document.pin}, **fresh)
    assert api.status_code == 429
    # The QR (token) still works; staff see the lock; the resident got one e-mail.
    assert client.get(f"/ro/t/{document.token}").status_code == 200
    document.refresh_from_db()
    assert document.pin_locked
    client.force_login(clerk)
    detail = client.get(f"/admin/registry/{document.pk}/").content.decode()
    assert "Căutarea după PIN este blocată până la" in detail
    assert [message.to for message in mail.outbox] == [["ana.popescu@example.org"]]
    assert document.number in mail.outbox[0].subject and document.pin not in mail.outbox[0].body
    assert document.token in mail.outbox[0].body

    # After the lock's period the right PIN opens it again.
    later = timezone.now() + dt.timedelta(seconds=limits.document_lock_seconds + 1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    client.logout()
    response = client.post("/ro/track/", {"number": document.number, "pin": document.pin}, **fresh)
    assert response.status_code == 302 and response["Location"] == f"/ro/t/{document.token}"


def test_occasional_wrong_pins_do_not_lock(client, document, monkeypatch):
    limits = selectors.lookup_limits()
    start = timezone.now()
    for day, pin in enumerate(wrong_pins(document.pin, limits.per_document + 2)):
        when = start + dt.timedelta(seconds=(limits.document_lock_seconds + 60) * day)
        monkeypatch.setattr(timezone, "now", lambda when=when: when)
        assert selectors.lookup(number=document.number, pin=pin, address=f"192.0.2.{day}") is None
    assert selectors.lookup(number=document.number, pin=document.pin, address="192.0.2.200") == document


def _issue(document: Document, clerk) -> Document:
    for status in ("in_review", "approved", "issued"):
        services.change_status(document=document, status=status, actor=clerk)
    document.refresh_from_db()
    return document


def test_revoked_permit_shows_on_tracking_and_is_emailed(
    client, document, clerk, django_capture_on_commit_callbacks
):
    document = _issue(document, clerk)
    client.force_login(clerk)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/registry/{document.pk}/revoke/", {"public_note": "Autorizația a fost anulată."}
        )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.status == "revoked" and document.permit_revoked_at is not None
    assert qr.verify(document.permit_token).status == "revoked"
    client.logout()

    page = client.get(f"/ro/t/{document.token}").content.decode()
    assert 'data-status="revoked"' in page and ">Revocat<" in page
    assert "Autorizația a fost anulată." in page
    with translation.override("ro"):
        revoked_on = date_format(timezone.localtime(document.permit_revoked_at), "DATE_FORMAT")
    assert revoked_on in page
    body = client.get(f"/api/v1/documents/track/{document.token}?lang=en").json()
    assert body["status"] == "revoked" and body["status_label"] == "Revoked"
    assert body["revocation_note"] == "Autorizația a fost anulată." and body["permit_revoked_at"]
    revoked_mail = mail.outbox[-1]
    assert revoked_mail.to == ["ana.popescu@example.org"] and "Revocat" in revoked_mail.subject
    assert "Autorizația a fost anulată." in revoked_mail.body
    # Revoked twice: a clear refusal, not a 500.
    client.force_login(clerk)
    again = client.post(f"/admin/registry/{document.pk}/revoke/", {"public_note": ""}, follow=True)
    assert again.status_code == 200


def test_verify_shows_nothing_of_an_altered_code(client, document, clerk):
    document = _issue(document, clerk)
    body, signature = document.permit_token.split(".")
    forged_number = "AR-2020-999999"
    forged = qr._b64e(qr._b64d(body).replace(document.number.encode(), forged_number.encode()))
    html = client.get("/en/verify", {"p": f"{forged}.{signature}"}).content.decode()
    assert "Altered." in html and "What the code says" not in html
    assert forged_number not in html.replace(f"{forged}.{signature}", "")  # only in the input box
    genuine = client.get("/en/verify", {"p": document.permit_token}).content.decode()
    assert "Genuine." in genuine and "What the code says" in genuine and document.number in genuine


def _needs_info(document: Document, clerk) -> None:
    services.change_status(
        document=document, status="needs_info", actor=clerk, public_note="Lipsește planul de situație."
    )


def test_resident_answers_needs_info_from_the_tracking_page(
    client, document, clerk, django_capture_on_commit_callbacks
):
    ServiceRegistryPolicy.objects.create(service=document.service, allowed_types="pdf,png", max_attachments=2)
    page = client.get(f"/ro/t/{document.token}").content.decode()
    assert 'id="answer-form"' not in page  # nothing is asked yet
    _needs_info(document, clerk)
    page = client.get(f"/ro/t/{document.token}").content.decode()
    assert 'id="answer-form"' in page and 'enctype="multipart/form-data"' in page

    # Refused by the service's policy: an executable named .png, and an empty answer.
    fake = SimpleUploadedFile("plan.png", b"MZ\x90\x00 not an image", content_type="image/png")
    refused = client.post(f"/ro/t/{document.token}", {"message": "", "attachments": [fake]})
    assert refused.status_code == 200 and "nu este un tip de fișier acceptat" in refused.content.decode()
    empty = client.post(f"/ro/t/{document.token}", {"message": "  "})
    assert empty.status_code == 200 and "Scrieți un răspuns sau atașați un fișier." in empty.content.decode()
    document.refresh_from_db()
    assert document.status == "needs_info" and not document.attachments.exists()

    files = [
        SimpleUploadedFile("plan-situatie.pdf", PDF_BYTES, content_type="application/pdf"),
        SimpleUploadedFile("schita.png", ONE_PIXEL_PNG, content_type="image/png"),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(f"/ro/t/{document.token}", {"message": "Am atașat planul.", "attachments": files})
    assert sent.status_code == 302 and sent["Location"] == f"/ro/t/{document.token}"
    page = client.get(sent["Location"]).content.decode()
    assert "Vă mulțumim: răspunsul a fost trimis registraturii." in page
    assert 'id="answer-form"' not in page and 'data-status="in_review"' in page
    assert "Locuitorul a trimis informațiile cerute." in page and "Am atașat planul." not in page
    document.refresh_from_db()
    answer = document.events.get(by_resident=True)
    assert answer.public and answer.status == "in_review" and answer.internal_note == "Am atașat planul."
    assert sorted(answer.attachments.values_list("original_name", flat=True)) == [
        "plan-situatie.pdf",
        "schita.png",
    ]
    # A second click (or an old tab) sends nothing more.
    again = client.post(f"/ro/t/{document.token}", {"message": "din nou"})
    assert again.status_code == 302 and document.events.filter(by_resident=True).count() == 1

    # The clerk sees the answer and its files in the registry.
    client.force_login(clerk)
    detail = client.get(f"/admin/registry/{document.pk}/").content.decode()
    assert "Răspunsuri de la locuitor" in detail and "Am atașat planul." in detail
    assert "plan-situatie.pdf" in detail and "schita.png" in detail


def test_answer_without_uploads_when_the_policy_allows_none(client, document, clerk):
    ServiceRegistryPolicy.objects.create(service=document.service, max_attachments=0)
    _needs_info(document, clerk)
    page = client.get(f"/en/t/{document.token}").content.decode()
    assert 'id="answer-form"' in page and 'name="attachments"' not in page
    response = client.post(f"/en/t/{document.token}", {"message": "x" * 5001})
    assert response.status_code == 200 and "at most 5000 characters" in response.content.decode()
    response = client.post(f"/en/t/{document.token}", {"message": "The plan is at the counter."})
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.status == "in_review"
