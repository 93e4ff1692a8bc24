"""Recovery codes: shown once, stored only as salted hashes, each good for one sign-in."""

from __future__ import annotations

import pytest

from portal.accounts import services, totp
from portal.accounts.models import RecoveryCode

from .conftest import staff


@pytest.fixture
def enrolled(db):
    user = staff("clerk", "Registry clerks")
    secret = totp.new_secret()
    codes = services.confirm_enrolment(user=user, secret=secret, code=totp.code_at(secret))
    return user, secret, codes


def test_enrolment_gives_ten_distinct_codes_stored_only_as_hashes(enrolled):
    user, _secret, codes = enrolled
    assert len(set(codes)) == 10 and all(len(code) == 11 and code[5] == "-" for code in codes)
    stored = list(RecoveryCode.objects.filter(user=user).values_list("salt", "digest"))
    assert len(stored) == 10
    everything = " ".join(f"{salt} {digest}" for salt, digest in stored)
    assert not any(code.replace("-", "") in everything for code in codes)


def test_a_recovery_code_works_once_whatever_its_spacing_and_case(enrolled):
    user, _secret, codes = enrolled
    assert services.check_code(user=user, code=f" {codes[3].upper()} ")
    assert not services.check_code(user=user, code=codes[3])
    assert services.check_code(user=user, code=codes[4].replace("-", ""))
    assert RecoveryCode.objects.filter(user=user, used_at__isnull=True).count() == 8


def test_new_codes_replace_the_old_ones(enrolled):
    user, _secret, old = enrolled
    new = services.new_recovery_codes(user=user)
    assert not set(old) & set(new)
    assert not services.check_code(user=user, code=old[0])
    assert services.check_code(user=user, code=new[0])


def test_a_totp_code_is_accepted_once(enrolled):
    user, secret, _codes = enrolled
    # enrolment consumed the current step: the same code cannot be replayed
    assert not services.check_code(user=user, code=totp.code_at(secret))
    assert services.check_code(user=user, code=totp.code_at(secret, totp.step_at() * 30 + 30))
