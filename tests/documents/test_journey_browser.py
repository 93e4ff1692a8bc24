"""A resident's request from filing to permit, in a real Chromium and in each language: a
request filed and its receipt reloaded, tracked by number + PIN and by the receipt's QR,
answered from the tracking page when the clerk needs more information, approved and issued in
the registry, its permit verified at /verify, revoked, and tracked again."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.core import mail

from portal.documents import services
from portal.documents.models import Document
from tests.factories import build_city

from . import journeys
from .conftest import PDF_BYTES
from .test_browser import assert_accessible

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["ro", "en", "hu"])
def test_request_to_revoked_permit(
    transactional_db, live_server, browser, settings, django_user_model, tmp_path, language
):
    settings.WAGTAILADMIN_BASE_URL = base = live_server.url  # the public base URL the QRs encode
    settings.SECURE_REFERRER_POLICY = "same-origin"  # as portal/settings/production.py
    service = journeys.service_in(build_city().service, language)
    journeys.make_clerk(django_user_model)
    upload = tmp_path / "plan.pdf"
    upload.write_bytes(PDF_BYTES)
    resident = browser.new_context(locale=language).new_page()
    resident.set_default_timeout(15_000)
    clerk = journeys.clerk_tab(browser, base)
    try:
        # Filed, then the receipt reloaded: one document, one e-mail.
        journeys.file_request(resident, base + service.url, name="Kovács Éva", email="eva@example.org")
        document = Document.objects.get()
        assert resident.url == f"{base}/{language}/receipt/{document.token}/"
        assert resident.locator("html").get_attribute("lang") == language
        resident.reload()
        number, pin = resident.inner_text(".receipt__number"), resident.inner_text(".receipt__pin")
        assert (number, pin) == (document.number, document.pin)
        assert Document.objects.count() == 1 and len(mail.outbox) == 1
        tracking_url = journeys.receipt_qr_url(resident)
        assert tracking_url == f"{base}/t/{document.token}"

        # Tracked by number + PIN, then by the QR's URL.
        journeys.track_by_pin(resident, base, language, number=number, pin=pin)
        assert resident.url == f"{base}/{language}/t/{document.token}"
        resident.goto(tracking_url)
        assert resident.url == f"{base}/{language}/t/{document.token}"
        assert journeys.badge(resident) == ("registered", journeys.label("registered", language))

        # The clerk scans the QR and asks for more; the resident answers from the QR's page.
        journeys.open_in_registry(clerk, base, tracking_url)
        journeys.set_status(clerk, document, "needs_info", "Please attach the site plan.")
        resident.reload()
        assert journeys.badge(resident) == ("needs_info", journeys.label("needs_info", language))
        journeys.answer(resident, message="The site plan is attached.", attachment=upload)
        assert journeys.badge(resident) == ("in_review", journeys.label("in_review", language))

        # The clerk sees the answer and its file, approves and issues.
        clerk.reload()
        answers = clerk.locator(".resident-answer")
        assert "The site plan is attached." in answers.inner_text() and "plan.pdf" in answers.inner_text()
        journeys.set_status(clerk, document, "approved")
        journeys.set_status(clerk, document, "issued", "The permit is ready.")
        permit_url = clerk.get_attribute("a[href*='/verify?p=']", "href")
        assert permit_url == services.permit_url(document)
        permit_pdf = clerk.context.request.get(f"{base}/admin/registry/{document.pk}/permit.pdf")
        assert permit_pdf.status == 200
        assert permit_pdf.headers["content-type"] == "application/pdf" and permit_pdf.body()[:4] == b"%PDF"

        # Verified at /verify, in the resident's language.
        resident.goto(permit_url)
        assert urlsplit(resident.url).path == f"/{language}/verify"
        assert resident.locator(".verify-genuine").count() == 1 and number in resident.content()

        # Revoked with a reason for the resident: tracked again, verified again, e-mailed.
        revoke = clerk.locator(f"form[action='/admin/registry/{document.pk}/revoke/']")
        revoke.locator("textarea[name=public_note]").fill("Revoked at the owner's request.")
        revoke.locator("button[type=submit]").click()
        clerk.wait_for_load_state()
        document.refresh_from_db()
        assert document.status == "revoked" and document.permit_revoked_at is not None
        journeys.track_by_pin(resident, base, language, number=number, pin=pin)
        assert journeys.badge(resident) == ("revoked", journeys.label("revoked", language))
        assert "Revoked at the owner's request." in resident.locator(".tracking__revoked").inner_text()
        assert_accessible(resident)
        resident.goto(permit_url)
        assert resident.locator(".verify-revoked").count() == 1
        assert mail.outbox[-1].to == ["eva@example.org"]
        assert "Revoked at the owner's request." in mail.outbox[-1].body
        assert journeys.label("revoked", language) in mail.outbox[-1].subject
    finally:
        resident.context.close()
        clerk.context.close()
