"""Registering, the workflow, e-mails, signed permits and the retention purge."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from portal.documents import services
from portal.documents.models import Document, ServiceRegistryPolicy
from portal.qr import services as qr

from .conftest import PDF_BYTES

pytestmark = pytest.mark.django_db


def _register(city, **kwargs) -> Document:
    defaults = {"channel": "counter", "subject": "Cerere", "service": city.service, "sender_name": "Ana Pop"}
    return services.register_document(**{**defaults, **kwargs})


def test_numbers_are_sequential_per_year_and_prefix(city, settings):
    year = timezone.localtime().year
    first, second = _register(city), _register(city)
    assert first.number == f"AR-{year}-000001" and second.number == f"AR-{year}-000002"
    ServiceRegistryPolicy.objects.create(service=city.service, number_prefix="URB")
    assert _register(city).number == f"URB-{year}-000001"
    last_year = timezone.now() - dt.timedelta(days=366)
    assert _register(city, service=city.offline_service, registered_at=last_year).number.endswith(
        f"-{year - 1}-000001"
    )


def test_a_failed_registration_gives_its_number_back(city):
    with pytest.raises(ValidationError):
        _register(city, subject="  ")
    assert _register(city).sequence == 1


def test_registration_sets_due_date_department_token_and_first_event(city, settings):
    document = _register(city)
    local = timezone.localtime(document.registered_at).date()
    assert document.due_date == local + dt.timedelta(days=30)
    assert document.department == city.department
    assert len(document.token) >= 22  # >= 128 bits in base64url
    assert document.pin.isdigit() and len(document.pin) == settings.DOCUMENTS_PIN_DIGITS
    assert list(document.events.values_list("status", flat=True)) == ["registered"]
    settings.DOCUMENTS_PIN_DIGITS = 8
    assert len(_register(city).pin) == 8  # the length is the setting's, not a literal


def test_attachments_are_stored_outside_public_media(city, settings):
    upload = SimpleUploadedFile("cerere.pdf", PDF_BYTES, content_type="application/pdf")
    document = _register(city, files=[upload])
    stored = Path(document.attachments.get().file.path)
    assert stored.is_file()
    assert str(stored).startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not str(stored).startswith(str(settings.MEDIA_ROOT))


def test_workflow_records_history_and_emails_the_citizen(city, clerk, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = _register(city, sender_email="ana@example.org", language="ro")
    assert len(mail.outbox) == 1 and document.number in mail.outbox[0].subject
    assert document.pin in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(
            document=document,
            status="in_review",
            actor=clerk,
            public_note="Analizăm.",
            internal_note="secret",
        )
    assert len(mail.outbox) == 2
    assert "Analizăm." in mail.outbox[1].body and "secret" not in mail.outbox[1].body
    event = document.events.last()
    assert (event.status, event.actor, event.internal_note) == ("in_review", clerk, "secret")
    with pytest.raises(ValidationError):
        services.change_status(document=document, status="issued", actor=clerk)


def test_assigning_a_new_document_marks_it_assigned(city, clerk):
    document = services.assign(document=_register(city), user=clerk, actor=clerk)
    assert (document.status, document.assigned_to) == ("assigned", clerk)
    services.change_status(document=document, status="in_review", actor=clerk)
    services.assign(document=document, user=clerk, actor=clerk, internal_note="again")
    document.refresh_from_db()
    assert document.status == "in_review"
    assert document.events.filter(public=False).count() == 1


def _issue(city, clerk) -> Document:
    document = _register(city, sender_name="Ana-Maria Popescu")
    for status in ("in_review", "approved", "issued"):
        services.change_status(document=document, status=status, actor=clerk)
    document.refresh_from_db()
    return document


def test_issued_permit_qr_is_genuine_and_tampering_is_detected(city, clerk):
    document = _issue(city, clerk)
    result = qr.verify(document.permit_token)
    assert result.status == "genuine"
    assert result.payload["n"] == document.number and result.payload["h"] == "A.M.P."
    assert services.permit_url(document).endswith("/verify?p=" + document.permit_token)

    body, signature = document.permit_token.split(".")
    forged = qr._b64e(qr._b64d(body).replace(b"A.M.P.", b"X.Y.Z."))
    assert qr.verify(f"{forged}.{signature}").status == "altered"
    other = _issue(city, clerk)
    assert qr.verify(f"{body}.{other.permit_token.split('.')[1]}").status == "altered"

    services.revoke_permit(document=document, actor=clerk)
    assert qr.verify(document.permit_token).status == "revoked"


def test_verify_page_reports_altered_permit(city, clerk, client):
    document = _issue(city, clerk)
    body, signature = document.permit_token.split(".")
    forged = qr._b64e(qr._b64d(body).replace(document.number.encode(), b"AR-2020-999999"))
    response = client.get("/en/verify", {"p": f"{forged}.{signature}"})
    assert "Altered." in response.content.decode()
    response = client.get("/en/verify", {"p": document.permit_token})
    assert "Genuine." in response.content.decode()


def test_purge_erases_personal_data_after_retention_and_keeps_statistics(city, clerk, settings):
    upload = SimpleUploadedFile("act.pdf", PDF_BYTES, content_type="application/pdf")
    old = _register(
        city, sender_email="ana@example.org", sender_phone="0740", message="detalii", files=[upload]
    )
    recent = _register(city, sender_email="ion@example.org")
    long_ago = timezone.now() - dt.timedelta(days=6 * 366)
    for document, at in ((old, long_ago), (recent, timezone.now())):
        services.change_status(document=document, status="rejected", actor=clerk, internal_note="nume")
        services.change_status(document=document, status="archived", actor=clerk, at=at)
    path = Path(old.attachments.get().file.path)

    call_command("purge_personal_data", verbosity=0)

    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.sender_name, old.sender_email, old.sender_phone, old.message) == ("", "", "", "")
    assert old.personal_data_purged_at is not None and not old.attachments.exists() and not path.exists()
    assert not old.events.exclude(internal_note="").exists()
    assert (old.channel, old.status, old.service_id) == ("counter", "archived", city.service.pk)
    assert recent.sender_email == "ion@example.org" and recent.personal_data_purged_at is None
