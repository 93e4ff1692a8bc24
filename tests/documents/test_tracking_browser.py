"""The resident's tracking journey in a real Chromium, with JavaScript on and off and the
production referrer policy: file a request, reload the receipt (nothing is filed twice), look
the document up by number and PIN (Chromium sends a real Origin, so CSRF accepts the POST),
and answer "needs more information" with a real file upload."""

from __future__ import annotations

import pytest
from django.core import mail

from portal.documents import services
from portal.documents.models import Document
from tests.factories import build_city

from . import journeys
from .conftest import PDF_BYTES
from .test_browser import assert_accessible

pytestmark = pytest.mark.browser


@pytest.fixture
def site(transactional_db, live_server, settings):
    """The small city, committed for the live server, with production's security headers."""
    settings.WAGTAILADMIN_BASE_URL = live_server.url  # the public base URL the QR encodes
    settings.SECURE_REFERRER_POLICY = "same-origin"  # as portal/settings/production.py
    live_server.city = build_city()
    return live_server


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_file_reload_track_by_pin_and_answer(site, browser, tmp_path, javascript):
    context = browser.new_context(java_script_enabled=javascript, locale="ro-RO")
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    try:
        journeys.file_request(
            tab, site.url + site.city.service.url, name="Ioana Mureșan", email="ioana@example.org"
        )
        document = Document.objects.get()
        assert tab.url == f"{site.url}/ro/receipt/{document.token}/"
        number, pin = tab.inner_text(".receipt__number"), tab.inner_text(".receipt__pin")
        assert (number, pin) == (document.number, document.pin)  # the PIN the registry issued

        # Reloading the receipt shows it again and files nothing: one document, one e-mail.
        reloaded = tab.reload()
        assert reloaded.status == 200 and tab.inner_text(".receipt__number") == number
        assert Document.objects.count() == 1 and len(mail.outbox) == 1

        # A wrong PIN, then the right one: the POST carries this site's Origin, not "null".
        wrong = f"{(int(pin) + 1) % 10**6:06d}"
        posted = journeys.track_by_pin(tab, site.url, "ro", number=number, pin=wrong)
        assert posted.all_headers().get("origin") == site.url
        assert tab.locator(".error-summary").count() == 1 and "/t/" not in tab.url
        posted = journeys.track_by_pin(tab, site.url, "ro", number=number, pin=pin)
        assert posted.all_headers().get("origin") == site.url
        assert tab.url == f"{site.url}/ro/t/{document.token}"
        assert journeys.badge(tab) == ("registered", journeys.label("registered", "ro"))

        # The clerk asks for more; the resident answers from the page with a real file.
        services.change_status(document=document, status="needs_info", public_note="Lipsește planul.")
        response = tab.reload()
        assert response.headers["referrer-policy"] == "same-origin"
        assert "Lipsește planul." in tab.content()
        if javascript:  # axe-core runs in the page
            assert_accessible(tab)
        upload = tmp_path / "plan-situatie.pdf"
        upload.write_bytes(PDF_BYTES)
        with tab.expect_request(lambda request: request.method == "POST") as posted:
            journeys.answer(tab, message="Planul este atașat.", attachment=upload)
        assert posted.value.all_headers().get("origin") == site.url
        assert tab.url == f"{site.url}/ro/t/{document.token}"
        assert journeys.badge(tab) == ("in_review", journeys.label("in_review", "ro"))
        assert tab.locator(".confirmation[role=status]").count() == 1
        assert tab.locator("#answer-form").count() == 0
        answer = document.events.get(by_resident=True)
        assert answer.internal_note == "Planul este atașat."
        stored = answer.attachments.get()
        assert stored.original_name == "plan-situatie.pdf" and stored.content_type == "application/pdf"
        assert stored.file.read() == PDF_BYTES
        # The receipt, "needs more information", then "in review" after the answer.
        assert [message.subject.rsplit(": ", 1)[-1] for message in mail.outbox[1:]] == [
            journeys.label("needs_info", "ro"),
            journeys.label("in_review", "ro"),
        ]
    finally:
        context.close()
