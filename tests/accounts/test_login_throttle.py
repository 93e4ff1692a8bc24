"""Admin login throttling: per account and per client address, a lockout from the settings, one
message whether or not the account exists, a log line, and a success resets the account."""

from __future__ import annotations

import logging

import pytest

from .conftest import PASSWORD, sign_in, staff

LOCKED = "Too many failed sign-in attempts"


@pytest.fixture
def limits(settings):
    settings.ACCOUNTS_LOGIN_LIMITS = {
        "per_account": 3,
        "per_address": 6,
        "window_seconds": 600,
        "lockout_seconds": 600,
    }
    return settings.ACCOUNTS_LOGIN_LIMITS


@pytest.mark.django_db
def test_an_account_is_locked_after_the_limit_even_with_the_right_password(client, limits, caplog):
    staff("editor", "Editors")
    for _ in range(2):
        response = sign_in(client, "editor", "wrong")
        assert response.status_code == 200 and LOCKED not in response.content.decode()
    with caplog.at_level(logging.WARNING, logger="portal.accounts"):
        sign_in(client, "editor", "wrong")
    assert any("locked for account 'editor'" in r.getMessage() for r in caplog.records)

    response = sign_in(client, "Editor", PASSWORD)  # case does not dodge the counter

    assert response.status_code == 200
    assert LOCKED in response.content.decode() and "10 minutes" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # another account from another address is not affected
    staff("other", "Editors")
    assert sign_in(client, "other", REMOTE_ADDR="10.0.0.9").status_code == 302


@pytest.mark.django_db
def test_the_lockout_ends_after_the_configured_window(client, limits, settings):
    settings.ACCOUNTS_LOGIN_LIMITS = {**limits, "lockout_seconds": 1}
    staff("editor", "Editors")
    for _ in range(3):
        sign_in(client, "editor", "wrong")
    assert LOCKED in sign_in(client, "editor").content.decode()
    import time

    time.sleep(1.1)
    assert sign_in(client, "editor").status_code == 302


@pytest.mark.django_db
def test_unknown_accounts_get_the_same_answers_as_real_ones(client, limits):
    staff("editor", "Editors")
    real = [sign_in(client, "editor", "wrong", REMOTE_ADDR="10.0.0.1") for _ in range(4)]
    ghost = [sign_in(client, "nobody", "wrong", REMOTE_ADDR="10.0.0.2") for _ in range(4)]
    for a, b in zip(real, ghost, strict=True):
        assert a.status_code == b.status_code == 200
        assert (LOCKED in a.content.decode()) == (LOCKED in b.content.decode())
    assert LOCKED in ghost[-1].content.decode()


@pytest.mark.django_db
def test_one_address_trying_many_accounts_is_locked(client, limits):
    staff("editor", "Editors")
    for number in range(6):
        sign_in(client, f"guess{number}", "wrong", REMOTE_ADDR="203.0.113.7")

    assert LOCKED in sign_in(client, "editor", REMOTE_ADDR="203.0.113.7").content.decode()
    assert sign_in(client, "editor", REMOTE_ADDR="203.0.113.8").status_code == 302


@pytest.mark.django_db
def test_a_success_resets_the_account_counter(client, limits):
    staff("editor", "Editors")
    for _ in range(2):
        sign_in(client, "editor", "wrong")
    assert sign_in(client, "editor").status_code == 302
    client.logout()
    for _ in range(2):
        assert LOCKED not in sign_in(client, "editor", "wrong").content.decode()
    assert sign_in(client, "editor").status_code == 302


@pytest.mark.django_db
def test_the_message_is_translated(client, limits):
    for _ in range(4):
        response = client.post("/admin/login/", {"username": "x", "password": "y"}, HTTP_ACCEPT_LANGUAGE="ro")
    assert "Prea multe încercări" in response.content.decode()
