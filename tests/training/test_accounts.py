"""A learner's account: password reset by e-mail (through a real SMTP server too), e-mail change,
a copy of one's data, deleting the account; certificates checked by their printed number; the
limits on sign-in, sign-up, reset and verification."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache

from tests.factories import (
    CertificateFactory,
    CoursePageFactory,
    HomePageFactory,
    TrainingIndexPageFactory,
    UserFactory,
)
from tests.qr_decoding import pdf_text
from tests.smtp_server import SMTPServer
from training import services
from training.models import Certificate, LessonProgress

PASSWORD = "x-Long-pass-42"
NEW_PASSWORD = "Salcâm-verde-2026"
LINK = re.compile(r"https?://\S+")


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()  # the failure counters live in the cache
    yield
    cache.clear()


@pytest.fixture
def course(db):
    home = HomePageFactory()
    return CoursePageFactory(parent=TrainingIndexPageFactory(parent=home), title="Securitate online")


@pytest.fixture
def learner(db):
    return services.register_learner(
        username="ana", email="ana@example.org", password=PASSWORD, full_name="Ana Țăranu-Mureșan"
    )


@pytest.fixture
def certificate(course, learner) -> Certificate:
    return CertificateFactory(user=learner, course=course, holder_name="Ana Țăranu-Mureșan")


def link_in(body: str) -> str:
    """The path of the (only) link in an e-mail, for the test client."""
    (url,) = LINK.findall(body)
    return re.sub(r"^https?://[^/]+", "", url)


def signs_in(client, username: str, password: str) -> bool:
    response = client.post("/ro/learning/login/", {"username": username, "password": password})
    return response.status_code == 302


# --- password reset -------------------------------------------------------------------------------


def test_a_learner_resets_the_password_from_the_link_in_the_email(learner, client):
    response = client.post("/ro/learning/password-reset/", {"email": "ANA@example.org"})
    assert response.status_code == 302 and response["Location"] == "/ro/learning/password-reset/sent/"
    (message,) = mail.outbox
    assert message.to == ["ana@example.org"] and "parol" in message.subject.lower()  # in Romanian

    form = client.get(link_in(message.body), follow=True)
    assert form.status_code == 200 and 'name="new_password1"' in form.content.decode()
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert done.status_code == 302 and done["Location"] == "/ro/learning/password-reset/done/"

    assert not signs_in(client, "ana", PASSWORD)
    assert signs_in(client, "ana", NEW_PASSWORD)
    client.logout()
    again = client.get(link_in(message.body), follow=True)  # a link works once
    assert 'name="new_password1"' not in again.content.decode()


def test_reset_answers_the_same_for_unknown_addresses_and_skips_city_accounts(db, client):
    UserFactory(username="clerk", email="clerk@example.org", password=PASSWORD, is_staff=True)
    for address in ("nobody@example.org", "clerk@example.org"):
        response = client.post("/ro/learning/password-reset/", {"email": address})
        assert response.status_code == 302 and response["Location"].endswith("/password-reset/sent/")
    assert mail.outbox == []


def test_the_reset_email_travels_through_a_real_smtp_server(learner, client, settings):
    with SMTPServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        assert client.post("/hu/learning/password-reset/", {"email": "ana@example.org"}).status_code == 302
    ((sender, recipients, message),) = server.received
    assert recipients == ["ana@example.org"] and sender == settings.DEFAULT_FROM_EMAIL
    body = message.get_content()
    assert "jelsz" in body.lower()  # in Hungarian, the language it was asked in
    form = client.get(link_in(body), follow=True)
    client.post(form.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert signs_in(client, "ana", NEW_PASSWORD)


# --- e-mail address -------------------------------------------------------------------------------


def test_a_new_email_address_is_used_once_confirmed_from_that_address(learner, client):
    client.force_login(learner)
    wrong = client.post("/ro/learning/my/account/", {"new_email": "ana@new.example", "password": "nope"})
    assert wrong.status_code == 200 and 'aria-describedby="id_password_error"' in wrong.content.decode()
    assert mail.outbox == []

    client.post("/ro/learning/my/account/", {"new_email": "ana@new.example", "password": PASSWORD})
    (message,) = mail.outbox
    assert message.to == ["ana@new.example"]
    learner.refresh_from_db()
    assert learner.email == "ana@example.org"  # not before the link is opened

    client.logout()  # the link works on another device too
    confirmed = client.get(link_in(message.body))
    assert confirmed.status_code == 200 and "ana@new.example" in confirmed.content.decode()
    learner.refresh_from_db()
    assert learner.email == "ana@new.example"
    assert client.get(link_in(message.body).replace("/email/", "/email/x")).status_code == 400


# --- a copy of one's data -------------------------------------------------------------------------


def test_a_learner_downloads_their_data_with_their_certificates(learner, certificate, client):
    client.force_login(learner)
    response = client.get("/ro/learning/my/account/export.zip")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    data = json.loads(archive.read("data.json"))
    assert data["account"]["username"] == "ana" and data["account"]["email"] == "ana@example.org"
    assert data["account"]["full_name"] == "Ana Țăranu-Mureșan"
    (entry,) = data["certificates"]
    assert entry["number"] == certificate.printed_number and entry["course"] == "Securitate online"
    text = pdf_text(archive.read(entry["file"]))
    assert certificate.printed_number in text and "Ana Țăranu-Mureșan" in text


# --- deleting the account -------------------------------------------------------------------------


def test_deleting_the_account_keeps_the_certificate_verifiable_with_the_name(learner, certificate, client):
    client.force_login(learner)
    wrong = client.post("/ro/learning/my/account/delete/", {"password": "nope"})
    assert wrong.status_code == 200 and get_user_model().objects.filter(pk=learner.pk).exists()

    response = client.post("/ro/learning/my/account/delete/", {"password": PASSWORD})
    assert response.status_code == 200
    assert not get_user_model().objects.filter(username="ana").exists()
    assert not LessonProgress.objects.exists()
    assert client.get("/ro/learning/my/").status_code == 302  # signed out
    certificate.refresh_from_db()
    assert certificate.user is None and certificate.holder_name == "Ana Țăranu-Mureșan"

    page = client.get("/ro/verify", {"n": certificate.printed_number}).content.decode()
    assert 'class="verify-result verify-genuine"' in page and "Ana Țăranu-Mureșan" in page


def test_a_learner_may_revoke_their_certificates_with_the_account(learner, certificate, client):
    client.force_login(learner)
    client.post("/ro/learning/my/account/delete/", {"password": PASSWORD, "revoke_certificates": "on"})
    assert not get_user_model().objects.filter(username="ana").exists()
    page = client.get("/ro/verify", {"n": certificate.printed_number}).content.decode()
    assert 'class="verify-result verify-revoked"' in page


def test_city_accounts_are_not_deleted_from_the_learning_pages(db, client):
    clerk = UserFactory(username="clerk", email="clerk@example.org", password=PASSWORD, is_staff=True)
    client.force_login(clerk)
    client.post("/ro/learning/my/account/delete/", {"password": PASSWORD})
    assert get_user_model().objects.filter(pk=clerk.pk).exists()


# --- verification by the printed number -----------------------------------------------------------


def test_the_number_printed_on_the_certificate_verifies_it(learner, certificate, client, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://portal.example"
    text = pdf_text(services.certificate_pdf(certificate, language="ro"))
    printed = re.search(r"Certificat nr\. (\S+)", text).group(1)
    short_url = re.search(r"https://portal\.example(/verify/\S+)", text).group(1)

    # As typed from paper: lower case, spaces instead of the dash, an O for a zero.
    typed = printed.lower().replace("-", " ").replace("0", "o")
    page = client.get("/ro/verify", {"n": f"  {typed} "})
    assert page.status_code == 200
    assert 'class="verify-result verify-genuine"' in page.content.decode()
    assert "Ana Țăranu-Mureșan" in page.content.decode()

    short = client.get(short_url, follow=True)  # /verify/<number>, redirected to the language
    assert short.status_code == 200 and 'class="verify-result verify-genuine"' in short.content.decode()

    services.revoke_certificate(certificate=certificate)
    assert "verify-revoked" in client.get("/en/verify", {"n": printed}).content.decode()


@pytest.mark.parametrize("typed", ["ZZZZZ-ZZZZZ", "0000000000", "-" * 80, "ț" * 10, "A1B2C-3D4E5-" * 9])
def test_an_unknown_number_is_answered_clearly(db, client, typed):
    page = client.get("/en/verify", {"n": typed})
    assert page.status_code == 200
    assert "Number not found." in page.content.decode()


# --- limits ---------------------------------------------------------------------------------------


def test_unknown_numbers_are_limited_per_address(db, client, settings, certificate):
    settings.QR_VERIFY_NUMBER_LIMITS = {"per_address": 3}
    for n in range(3):
        assert client.get("/en/verify", {"n": f"FFFFF-0000{n}"}).status_code == 200
    limited = client.get("/en/verify", {"n": certificate.printed_number})
    assert limited.status_code == 429 and "Too many numbers not found." in limited.content.decode()
    # Scanned QR codes still verify.
    token = services.certificate_token(certificate)
    assert client.get("/en/verify", {"p": token}).status_code == 200


def test_sign_in_locks_an_account_after_repeated_failures(learner, client, settings):
    settings.ACCOUNTS_LOGIN_LIMITS = {**settings.ACCOUNTS_LOGIN_LIMITS, "per_account": 3}
    for _ in range(3):
        assert not signs_in(client, "ana", "wrong")
    locked = client.post("/en/learning/login/", {"username": "ana", "password": PASSWORD})
    assert locked.status_code == 429 and "Too many failed sign-in attempts" in locked.content.decode()


def test_sign_up_is_limited_per_address(db, client, settings):
    settings.TRAINING_ACCOUNT_LIMITS = {"signup_per_address": 2}
    for n in range(2):
        data = {
            "username": f"user{n}",
            "full_name": "Maria Pop",
            "email": f"u{n}@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
        }
        assert client.post("/en/learning/signup/", data).status_code == 302
        client.logout()
    data["username"] = "user9"
    limited = client.post("/en/learning/signup/", data)
    assert limited.status_code == 429 and "Too many attempts" in limited.content.decode()
    assert not get_user_model().objects.filter(username="user9").exists()


def test_password_reset_requests_are_limited_per_email_address(learner, client, settings):
    settings.TRAINING_ACCOUNT_LIMITS = {"reset_per_email": 2}
    for _ in range(2):
        assert client.post("/en/learning/password-reset/", {"email": "ana@example.org"}).status_code == 302
    limited = client.post("/en/learning/password-reset/", {"email": "Ana@Example.org"})
    assert limited.status_code == 429 and "Too many attempts" in limited.content.decode()
    assert len(mail.outbox) == 2
