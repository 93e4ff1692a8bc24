"""A learner's account in a real Chromium, with JavaScript on and off, under production's
Referrer-Policy: sign up, sign out, a failed sign-in, a password reset from the e-mailed link,
an e-mail change, the data download, the certificate checked by its printed number, and deleting
the account (revoking the certificate in one run, keeping it in the other). Every public form is
submitted by the browser; none may answer with a CSRF 403 or a server error; axe checks the pages."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from tests.browser.tabs import browser_tabs, check
from tests.factories import CertificateFactory, CoursePageFactory, HomePageFactory, TrainingIndexPageFactory

pytestmark = pytest.mark.browser

PASSWORD = "Salcâm-verde-2026"
NEW_PASSWORD = "Nuc-bătrân-1848"


def last_link(base: str) -> str:
    (url,) = re.findall(r"https?://\S+", mail.outbox[-1].body)
    assert url.startswith(base), url
    return url


@pytest.fixture
def tab_for(browser, live_server, settings, transactional_db):
    settings.SECURE_REFERRER_POLICY = "same-origin"  # production's, which changes what is posted
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    with browser_tabs(browser) as tabs:

        def open_tab(*, javascript: bool):
            return tabs.open(java_script_enabled=javascript, locale="ro-RO", accept_downloads=True)

        yield open_tab


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_learner_manages_the_account_and_the_certificate_stays_checkable(
    tab_for, live_server, javascript, tmp_path
):
    base = live_server.url
    index = TrainingIndexPageFactory(parent=HomePageFactory())
    course = CoursePageFactory(parent=index, title="Internet sigur")
    tab = tab_for(javascript=javascript)

    # Sign up, then sign out.
    tab.goto(f"{base}/ro/learning/signup/")
    tab.fill("#id_username", "ana.test")
    tab.fill("#id_full_name", "Ana Țăranu-Mureșan")
    tab.fill("#id_email", "ana@example.org")
    tab.fill("#id_password1", PASSWORD)
    tab.fill("#id_password2", PASSWORD)
    check(tab, javascript)
    tab.locator("#signup button[type=submit]").click()
    tab.wait_for_url(f"{base}/ro/learning/my/")
    user = get_user_model().objects.get(username="ana.test")
    certificate = CertificateFactory(user=user, course=course, holder_name="Ana Țăranu-Mureșan")
    tab.locator(".training-account form button").click()
    tab.wait_for_url(f"{base}/ro/learning/login/")

    # A wrong password: the error is announced and tied to the form.
    tab.fill("#id_username", "ana.test")
    tab.fill("#id_password", "not-it")
    tab.locator("#login button[type=submit]").click()
    assert tab.locator("#login .error-summary[role=alert]").is_visible()
    check(tab, javascript)

    # Forgotten password: the link arrives by e-mail and sets a new one.
    tab.get_by_role("link", name="Ați uitat parola?").click()
    tab.fill("#id_email", "ana@example.org")
    check(tab, javascript)
    tab.locator("#password-reset button[type=submit]").click()
    tab.wait_for_url(f"{base}/ro/learning/password-reset/sent/")
    tab.goto(last_link(base))
    tab.fill("#id_new_password1", NEW_PASSWORD)
    tab.fill("#id_new_password2", NEW_PASSWORD)
    check(tab, javascript)
    tab.locator("#set-password button[type=submit]").click()
    tab.wait_for_url(f"{base}/ro/learning/password-reset/done/")
    tab.locator("main a.button").click()
    tab.fill("#id_username", "ana.test")
    tab.fill("#id_password", NEW_PASSWORD)
    tab.locator("#login button[type=submit]").click()
    tab.wait_for_url(f"{base}/ro/learning/my/")

    # A new e-mail address, confirmed from a link sent to it.
    tab.get_by_role("link", name="Contul dumneavoastră: e-mail, o copie a datelor, ștergerea lui").click()
    tab.fill("#id_new_email", "ana@nou.example")
    tab.fill("#id_password", NEW_PASSWORD)
    check(tab, javascript)
    tab.locator("#email-change button[type=submit]").click()
    assert "ana@nou.example" in tab.locator(".training-messages").inner_text()
    assert mail.outbox[-1].to == ["ana@nou.example"]
    tab.goto(last_link(base))
    assert "ana@nou.example" in tab.get_by_role("status").inner_text()
    user.refresh_from_db()
    assert user.email == "ana@nou.example"

    # A copy of the data, with the certificate.
    tab.goto(f"{base}/ro/learning/my/account/")
    with tab.expect_download() as download:
        tab.get_by_role("link", name="Descărcați datele mele").click()
    saved = tmp_path / "data.zip"
    download.value.save_as(saved)
    archive = zipfile.ZipFile(io.BytesIO(saved.read_bytes()))
    data = json.loads(archive.read("data.json"))
    assert data["account"]["email"] == "ana@nou.example"
    assert data["certificates"][0]["number"] == certificate.printed_number
    assert archive.read(data["certificates"][0]["file"]).startswith(b"%PDF")

    # Delete the account (revoking the certificate in one run only).
    tab.get_by_role("link", name="Ștergeți contul și progresul meu").click()
    tab.fill("#id_password", NEW_PASSWORD)
    if javascript:
        tab.locator("#id_revoke_certificates").check()
    check(tab, javascript)
    tab.locator("#account-delete button[type=submit]").click()
    assert "șters" in tab.get_by_role("status").inner_text()
    assert not get_user_model().objects.filter(username="ana.test").exists()

    # Anyone checks the certificate by the number printed on it, typed loosely.
    tab.goto(f"{base}/ro/verify")
    tab.fill("#verify-number", " " + certificate.printed_number.lower().replace("-", " ") + " ")
    tab.get_by_role("button", name="Căutați numărul").click()
    status = tab.get_by_role("status").inner_text()
    assert status.startswith("Revocat." if javascript else "Autentic."), status
    if not javascript:
        assert "Ana Țăranu-Mureșan" in tab.locator("main").inner_text()
    check(tab, javascript)
    tab.fill("#verify-number", "FFFFF-FFFFF")
    tab.get_by_role("button", name="Căutați numărul").click()
    assert tab.get_by_role("status").inner_text().startswith("Număr negăsit.")

    # The short address printed under the number leads to the same answer.
    tab.goto(f"{base}/verify/{certificate.printed_number}")
    assert tab.locator(".verify-revoked" if javascript else ".verify-genuine").is_visible()
