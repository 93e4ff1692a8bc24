"""In Chromium: the real admin login form shows the lockout, and a clerk enrols an authenticator
(with the code computed from the secret the page shows) and later signs in with a code."""

from __future__ import annotations

import pytest

from portal.accounts import totp
from portal.accounts.models import TwoFactor

from .conftest import PASSWORD, staff

pytestmark = pytest.mark.browser


def submit_login(page, base: str, username: str, password: str) -> None:
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_load_state()


def test_the_login_form_shows_the_lockout(page, live_server, transactional_db, settings):
    settings.ACCOUNTS_LOGIN_LIMITS = {
        "per_account": 3,
        "per_address": 50,
        "window_seconds": 600,
        "lockout_seconds": 900,
    }
    staff("editor", "Editors")
    for _ in range(3):
        submit_login(page, live_server.url, "editor", "wrong-password")
    assert "Prea multe încercări" not in page.inner_text(".messages")

    submit_login(page, live_server.url, "editor", PASSWORD)  # right, but locked

    assert page.url.endswith("/admin/login/")
    message = page.inner_text(".messages")
    assert "Prea multe încercări de autentificare eșuate" in message and "15 minute" in message


def test_a_clerk_enrols_and_then_signs_in_with_a_code(page, live_server, transactional_db, settings):
    settings.ACCOUNTS_TWO_FACTOR_ENFORCED = True
    clerk = staff("clerk", "Registry clerks")
    submit_login(page, live_server.url, "clerk", PASSWORD)

    assert "/admin/two-factor/setup/" in page.url
    assert page.locator("figure.totp-qr > svg").count() == 1
    secret = page.get_attribute("#totp-secret", "data-secret")
    assert page.inner_text("#totp-secret").replace(" ", "") == secret
    page.fill("#id_code", totp.code_at(secret))
    page.click("#two-factor-setup button[type=submit]")
    page.wait_for_load_state()
    codes = page.locator("#recovery-codes code").all_inner_texts()
    assert len(codes) == 10 and TwoFactor.objects.filter(user=clerk).exists()
    page.click("text=I have saved them: continue")
    page.wait_for_load_state()
    assert page.url == f"{live_server.url}/admin/"

    page.context.clear_cookies()  # a new visit: signed out
    submit_login(page, live_server.url, "clerk", PASSWORD)
    page.goto(f"{live_server.url}/admin/registry/")
    assert "/admin/two-factor/verify/" in page.url
    # the enrolment spent the current step; the next one is within the accepted drift
    page.fill("#id_code", totp.code_at(secret, (totp.step_at() + 1) * totp.STEP))
    page.click("#two-factor-verify button[type=submit]")
    page.wait_for_load_state()
    assert page.url == f"{live_server.url}/admin/registry/"
