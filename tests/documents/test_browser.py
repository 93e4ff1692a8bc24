"""A request's whole path in a real Chromium: a citizen files a request with an attachment,
the receipt's QR image is decoded with OpenCV, its URL opens the tracking page ("registered"),
a registry clerk changes the status in the admin and the tracking page shows the new one."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from portal.documents.models import Document
from tests.factories import build_city
from tests.qr_decoding import decode_qr_png

from .conftest import PDF_BYTES

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent.parent / "browser" / "vendor" / "axe.min.js"
RUN_AXE = """async () => (await axe.run(document, {runOnly: {type: 'tag',
  values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations.map(v => v.id + ': ' + v.help)"""


def assert_accessible(tab) -> None:
    tab.evaluate(AXE.read_text())  # the CSP refuses an injected inline <script>
    violations = tab.evaluate(RUN_AXE)
    assert not violations, f"WCAG 2.1 AA violations on {tab.url}:\n" + json.dumps(violations, indent=2)


def decode_qr(png: bytes) -> str:
    text = decode_qr_png(png)
    assert text, "OpenCV found no QR code in the receipt image"
    return text


def test_request_receipt_qr_tracking_and_status_change(
    transactional_db, live_server, page, settings, django_user_model, tmp_path
):
    settings.WAGTAILADMIN_BASE_URL = live_server.url  # the public base URL the QR encodes
    city = build_city()
    clerk = django_user_model.objects.create_user("registrar", password="registrar-pass-1")
    clerk.groups.add(Group.objects.get(name="Registry clerks"))
    attachment = tmp_path / "plan-situatie.pdf"
    attachment.write_bytes(PDF_BYTES)

    # A citizen files the request online, with an attachment.
    page.goto(live_server.url + city.service.url)
    page.fill("[name='name']", "Ioana Mureșan")
    page.fill("[name='email']", "ioana@example.org")
    page.fill("[name='details']", "Teren pe strada Mărului")
    page.set_input_files("[name='attachments']", str(attachment))
    page.click("#service-form button[type=submit]")
    page.wait_for_selector(".receipt__number")
    document = Document.objects.get()
    assert page.inner_text(".receipt__number") == document.number
    assert document.attachments.get().original_name == "plan-situatie.pdf"

    # The receipt's QR image, decoded by a real QR decoder, is the short tracking URL.
    assert_accessible(page)
    src = page.get_attribute(".receipt__qr img", "src")
    url = decode_qr(base64.b64decode(src.split(",", 1)[1]))
    assert url == f"{live_server.url}/t/{document.token}"

    page.goto(url)  # LocaleMiddleware sends the bare short URL to /ro/t/<token>
    assert page.url == f"{live_server.url}/ro/t/{document.token}"
    badge = page.locator(".tracking__badge")
    assert badge.get_attribute("data-status") == "registered" and badge.inner_text() == "Înregistrat"
    assert "Ioana" not in page.content() and "ioana@example.org" not in page.content()
    assert_accessible(page)

    # A registry clerk changes the status in the admin.
    clerk_tab = page.context.browser.new_context(locale="ro-RO").new_page()
    clerk_tab.goto(live_server.url + "/admin/login/")
    clerk_tab.fill("#id_username", "registrar")
    clerk_tab.fill("#id_password", "registrar-pass-1")
    clerk_tab.click("button[type=submit]")
    clerk_tab.wait_for_url(f"{live_server.url}/admin/")
    clerk_tab.goto(f"{live_server.url}/admin/registry/")
    clerk_tab.fill("#scan-code", url)  # what a USB QR scanner types
    clerk_tab.press("#scan-code", "Enter")
    clerk_tab.wait_for_url(f"{live_server.url}/admin/registry/{document.pk}/")
    form = clerk_tab.locator(f"form[action='/admin/registry/{document.pk}/status/']")
    form.locator("select[name=status]").select_option("in_review")
    form.locator("textarea[name=public_note]").fill("Dosarul este analizat.")
    form.locator("button[type=submit]").click()
    clerk_tab.wait_for_load_state()
    clerk_tab.context.close()

    page.reload()
    badge = page.locator(".tracking__badge")
    assert badge.get_attribute("data-status") == "in_review" and badge.inner_text() == "În analiză"
    assert "Dosarul este analizat." in page.content()
