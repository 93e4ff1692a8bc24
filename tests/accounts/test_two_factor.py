"""The code step after the password: required roles enrol before they reach any admin page,
enrolled accounts must give a code, wrong codes are throttled, the account's own settings and
the administrator's reset."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from portal.accounts import services, totp
from portal.accounts.models import RecoveryCode, TwoFactor

from .conftest import PASSWORD, pending_secret, sign_in, staff

pytestmark = pytest.mark.django_db
ADMIN_PAGES = ["/admin/", "/admin/registry/", "/admin/pages/", "/admin/account/"]


def enrol(client) -> tuple[str, list[str]]:
    """Enrol through the setup page with a code computed from the secret it shows."""
    secret = pending_secret(client)
    response = client.post("/admin/two-factor/setup/", {"code": totp.code_at(secret)})
    assert response.status_code == 200, response
    codes = [
        line.split("<code>")[1].split("</code>")[0] for line in response.content.decode().split("<li>")[1:]
    ]
    return secret, codes


def next_code(secret: str, steps: int = 1) -> str:
    """A code of a later step (the current one is spent by enrolment; ±1 step is accepted)."""
    return totp.code_at(secret, (totp.step_at() + steps) * totp.STEP)


def test_a_required_role_reaches_no_admin_page_before_enrolling(client, enforced):
    staff("clerk", "Registry clerks")
    assert sign_in(client, "clerk").status_code == 302
    for url in ADMIN_PAGES:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/two-factor/setup/?next=")
    # outside the admin the unverified session counts as anonymous
    assert not client.get("/healthz").wsgi_request.user.is_authenticated

    secret, codes = enrol(client)

    assert len(codes) == 10 and TwoFactor.objects.filter(user__username="clerk").exists()
    assert client.get("/admin/").status_code == 200
    assert client.get("/healthz").wsgi_request.user.is_authenticated


@pytest.mark.parametrize("role", ["Safety operators", "Participation moderators"])
def test_roles_that_see_residents_data_enrol_before_the_admin(client, enforced, role):
    staff("operator", role)
    assert sign_in(client, "operator").status_code == 302

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/setup/?next=")


def test_an_enrolled_account_must_give_a_code_after_its_password(client, enforced):
    staff("clerk", "Registry clerks")
    sign_in(client, "clerk")
    secret, codes = enrol(client)
    client.logout()

    sign_in(client, "clerk")
    response = client.get("/admin/registry/")
    assert response["Location"] == "/admin/two-factor/verify/?next=%2Fadmin%2Fregistry%2F"
    assert client.get("/admin/two-factor/setup/")["Location"].startswith("/admin/two-factor/verify/")
    page = client.post("/admin/two-factor/verify/", {"code": "000000", "next": "/admin/registry/"})
    assert "This code is not right" in page.content.decode()
    assert client.get("/admin/").status_code == 302

    response = client.post(
        "/admin/two-factor/verify/", {"code": next_code(secret), "next": "/admin/registry/"}
    )

    assert response["Location"] == "/admin/registry/"
    assert client.get("/admin/registry/").status_code == 200


def test_a_recovery_code_passes_the_code_step_once(client, enforced):
    staff("clerk", "CCTV operators")
    sign_in(client, "clerk")
    _secret, codes = enrol(client)
    for attempt in ("first", "second"):
        client.logout()
        sign_in(client, "clerk")
        response = client.post("/admin/two-factor/verify/", {"code": codes[0]})
        if attempt == "first":
            assert response["Location"] == "/admin/"
        else:
            assert response.status_code == 200 and "already used" in response.content.decode()


def test_wrong_codes_are_throttled_and_then_even_the_right_code_is_refused(client, enforced, caplog):
    enforced.ACCOUNTS_TWO_FACTOR_LIMITS = {"per_account": 3, "window_seconds": 600, "lockout_seconds": 600}
    staff("clerk", "Registry clerks")
    sign_in(client, "clerk")
    secret, _codes = enrol(client)
    client.logout()
    sign_in(client, "clerk")

    for _ in range(3):
        page = client.post("/admin/two-factor/verify/", {"code": "123456"}, HTTP_ACCEPT_LANGUAGE="en")
    assert "Too many wrong codes. Try again in 10 minutes." in page.content.decode()
    assert any("locked for user" in r.getMessage() for r in caplog.records)
    page = client.post("/admin/two-factor/verify/", {"code": next_code(secret)}, HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200 and "Too many wrong codes" in page.content.decode()
    assert client.get("/admin/").status_code == 302


def test_enrolment_codes_are_throttled_too(client, enforced):
    enforced.ACCOUNTS_TWO_FACTOR_LIMITS = {"per_account": 2, "window_seconds": 600, "lockout_seconds": 600}
    staff("clerk", "Registry clerks")
    sign_in(client, "clerk")
    secret = pending_secret(client)
    for _ in range(2):
        client.post("/admin/two-factor/setup/", {"code": "000000"}, HTTP_ACCEPT_LANGUAGE="en")
    page = client.post("/admin/two-factor/setup/", {"code": totp.code_at(secret)}, HTTP_ACCEPT_LANGUAGE="en")
    assert "Too many wrong codes" in page.content.decode()
    assert not TwoFactor.objects.exists()


def test_optional_roles_use_the_admin_without_and_may_turn_it_on_and_off(client, enforced):
    staff("editor", "Editors")
    sign_in(client, "editor")
    assert client.get("/admin/pages/").status_code == 200
    secret, codes = enrol(client)
    client.logout()
    sign_in(client, "editor")
    assert client.get("/admin/pages/").status_code == 302
    client.post("/admin/two-factor/verify/", {"code": next_code(secret)})

    assert client.post("/admin/two-factor/disable/", {"code": "000000"}).status_code == 302
    assert TwoFactor.objects.filter(user__username="editor").exists()
    client.post("/admin/two-factor/disable/", {"code": codes[0]})  # both near steps are spent
    assert not TwoFactor.objects.exists() and not RecoveryCode.objects.exists()
    client.logout()
    sign_in(client, "editor")
    assert client.get("/admin/pages/").status_code == 200


def test_a_required_role_cannot_turn_it_off(client, enforced):
    clerk = staff("clerk", "Registry clerks")
    sign_in(client, "clerk")
    secret, _codes = enrol(client)
    response = client.post("/admin/two-factor/disable/", {"code": next_code(secret)}, follow=True)
    assert "cannot be turned off" in response.content.decode()
    assert TwoFactor.objects.filter(user=clerk).exists()
    with pytest.raises(services.TwoFactorError):
        services.disable(user=clerk)


def test_an_administrator_resets_someone_and_only_an_administrator_can(client, enforced):
    clerk = staff("clerk", "Registry clerks")
    sign_in(client, "clerk")
    enrol(client)
    # Wagtail answers a refused admin page with a redirect to the dashboard and a message
    assert client.post(f"/admin/two-factor/reset/{clerk.pk}/")["Location"] == "/admin/"
    assert client.get("/admin/two-factor/reset/")["Location"] == "/admin/"
    assert TwoFactor.objects.filter(user=clerk).exists()
    client.logout()

    User.objects.create_superuser("boss", "boss@example.org", PASSWORD)
    sign_in(client, "boss")
    enrol(client)  # administrators are required too, and enrol at their first sign-in
    assert "clerk" in client.get("/admin/two-factor/reset/").content.decode()
    client.post(f"/admin/two-factor/reset/{clerk.pk}/")

    assert not TwoFactor.objects.filter(user=clerk).exists()
    assert not RecoveryCode.objects.filter(user=clerk).exists()
    client.logout()
    sign_in(client, "clerk")
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/setup/")


def test_the_first_admin_from_ensure_admin_is_asked_to_enrol_not_locked_out(client, enforced, capsys):
    call_command("ensure_admin")
    password = capsys.readouterr().out.split("password: ")[1].split()[0]

    assert sign_in(client, "admin", password).status_code == 302
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/setup/")
    enrol(client)
    assert client.get("/admin/").status_code == 200


def test_a_new_password_sign_in_forgets_an_earlier_verification(client, enforced):
    staff("clerk", "Registry clerks")
    sign_in(client, "clerk")
    enrol(client)
    assert client.get("/admin/").status_code == 200
    sign_in(client, "clerk")  # signing in again in the same session
    assert client.get("/admin/").status_code == 302
