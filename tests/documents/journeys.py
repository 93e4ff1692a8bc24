"""Steps of the registry's journeys in a real Chromium, shared by the browser tests: the city
in a language, a resident filing and tracking, a clerk working in the Wagtail admin."""

from __future__ import annotations

import base64
from pathlib import Path

from django.contrib.auth.models import Group
from django.utils import translation
from wagtail.models import Locale

from portal.documents.models import Document, Status
from portal.services.models import ServicePage
from tests.qr_decoding import decode_qr_png

CLERK = ("registrar", "registrar-pass-1")


def service_in(service: ServicePage, language: str) -> ServicePage:
    """The service page in `language`: the Romanian one, or a published translated copy (with
    its parents, which Wagtail makes as aliases), as an editor makes it in Wagtail."""
    if language == service.locale.language_code:
        return service
    locale, _ = Locale.objects.get_or_create(language_code=language)
    copy = service.copy_for_translation(locale, copy_parents=True)
    copy.save_revision().publish()
    return ServicePage.objects.get(pk=copy.pk)


def label(status: str, language: str) -> str:
    """What the tracking page calls `status` in `language`."""
    with translation.override(language):
        return str(dict(Status.choices)[status])


def make_clerk(django_user_model) -> None:
    user = django_user_model.objects.create_user(CLERK[0], password=CLERK[1])
    user.groups.add(Group.objects.get(name="Registry clerks"))


def file_request(tab, url: str, *, name: str, email: str, details: str = "", attachment: Path | None = None):
    """Fill the service's form and send it; the browser lands on the receipt."""
    tab.goto(url)
    tab.fill("[name='name']", name)
    tab.fill("[name='email']", email)
    if details:
        tab.fill("[name='details']", details)
    if attachment is not None:
        tab.set_input_files("[name='attachments']", str(attachment))
    tab.click("#service-form button[type=submit]")
    tab.wait_for_selector(".receipt__number")


def receipt_qr_url(tab) -> str:
    """The tracking URL in the receipt's QR image, read by an independent decoder."""
    src = tab.get_attribute(".receipt__qr img", "src")
    text = decode_qr_png(base64.b64decode(src.split(",", 1)[1]))
    assert text, "no QR code found in the receipt image"
    return text


def track_by_pin(tab, base: str, language: str, *, number: str, pin: str):
    """The lookup form, as a resident fills it; returns the POST's request (to read its headers)
    once the browser has followed the answer."""
    tab.goto(f"{base}/{language}/track/")
    tab.fill("#lookup-form [name='number']", number)
    tab.fill("#lookup-form [name='pin']", pin)
    with tab.expect_request(lambda request: request.method == "POST") as posted:
        tab.click("#lookup-form button[type=submit]")
    tab.wait_for_load_state()
    return posted.value


def answer(tab, *, message: str, attachment: Path | None = None) -> None:
    """Answer "needs more information" from the tracking page the tab shows."""
    tab.fill("#answer-form [name='message']", message)
    if attachment is not None:
        tab.set_input_files("#answer-form [name='attachments']", str(attachment))
    tab.click("#answer-form button[type=submit]")
    tab.wait_for_selector(".tracking__badge")


def badge(tab) -> tuple[str | None, str]:
    element = tab.locator(".tracking__badge")
    return element.get_attribute("data-status"), element.inner_text()


def clerk_tab(browser, base: str):
    """A separate browser (own cookies) with the registry clerk logged in to the admin."""
    tab = browser.new_context(locale="ro-RO").new_page()
    tab.set_default_timeout(15_000)
    tab.goto(base + "/admin/login/")
    tab.fill("#id_username", CLERK[0])
    tab.fill("#id_password", CLERK[1])
    tab.click("button[type=submit]")
    tab.wait_for_url(f"{base}/admin/")
    return tab


def open_in_registry(tab, base: str, scanned: str) -> None:
    """The registry's scan box, with what a USB QR scanner types."""
    tab.goto(f"{base}/admin/registry/")
    tab.fill("#scan-code", scanned)
    tab.press("#scan-code", "Enter")
    tab.wait_for_url(f"{base}/admin/registry/*/")


def set_status(tab, document: Document, status: str, note: str = "") -> None:
    form = tab.locator(f"form[action='/admin/registry/{document.pk}/status/']")
    form.locator("select[name=status]").select_option(status)
    form.locator("textarea[name=public_note]").fill(note)
    form.locator("button[type=submit]").click()
    tab.wait_for_load_state()
    document.refresh_from_db()
    assert document.status == status, f"the clerk could not set {status!r}"
