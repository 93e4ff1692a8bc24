"""RFC 6238 TOTP and RFC 4226 HOTP against the RFCs' own test vectors."""

from __future__ import annotations

import base64
from urllib.parse import parse_qs, urlsplit

import pytest

from portal.accounts import totp

# RFC 6238 appendix B: ASCII seeds of 20, 32 and 64 bytes, 8-digit codes.
SEEDS = {
    "sha1": b"12345678901234567890",
    "sha256": b"12345678901234567890123456789012",
    "sha512": b"1234567890123456789012345678901234567890123456789012345678901234",
}
VECTORS = [
    (59, "sha1", "94287082"),
    (59, "sha256", "46119246"),
    (59, "sha512", "90693936"),
    (1111111109, "sha1", "07081804"),
    (1111111109, "sha256", "68084774"),
    (1111111109, "sha512", "25091201"),
    (1111111111, "sha1", "14050471"),
    (1111111111, "sha256", "67062674"),
    (1111111111, "sha512", "99943326"),
    (1234567890, "sha1", "89005924"),
    (1234567890, "sha256", "91819424"),
    (1234567890, "sha512", "93441116"),
    (2000000000, "sha1", "69279037"),
    (2000000000, "sha256", "90698825"),
    (2000000000, "sha512", "38618901"),
    (20000000000, "sha1", "65353130"),
    (20000000000, "sha256", "77737706"),
    (20000000000, "sha512", "47863826"),
]


@pytest.mark.parametrize("moment, digest, expected", VECTORS)
def test_rfc6238_vectors(moment, digest, expected):
    assert totp.hotp(SEEDS[digest], totp.step_at(moment), digits=8, digest=digest) == expected


def test_rfc4226_hotp_vectors():
    expected = [
        "755224",
        "287082",
        "359152",
        "969429",
        "338314",
        "254676",
        "287922",
        "162583",
        "399871",
        "520489",
    ]
    assert [totp.hotp(SEEDS["sha1"], counter) for counter in range(10)] == expected


def test_codes_of_a_base32_secret_match_the_rfc_and_allow_one_step_of_drift():
    secret = base64.b32encode(SEEDS["sha1"]).decode()
    assert totp.code_at(secret, 59) == "287082"  # the 6-digit tail of 94287082
    step = totp.step_at(1111111111)
    assert totp.matching_step(secret, totp.code_at(secret, 1111111111), moment=1111111111) == step
    assert totp.matching_step(secret, totp.code_at(secret, 1111111111 - 30), moment=1111111111) == step - 1
    assert totp.matching_step(secret, totp.code_at(secret, 1111111111 + 30), moment=1111111111) == step + 1
    assert totp.matching_step(secret, totp.code_at(secret, 1111111111 - 90), moment=1111111111) is None
    assert totp.matching_step(secret, "12345a", moment=1111111111) is None
    assert totp.matching_step(secret, "1234567", moment=1111111111) is None


def test_new_secrets_are_160_bit_and_the_uri_is_what_apps_read():
    secret = totp.new_secret()
    assert len(base64.b32decode(secret)) == 20 and secret != totp.new_secret()
    uri = totp.provisioning_uri(secret, account="clerk@x", issuer="Arad Digital")
    parts = urlsplit(uri)
    assert (parts.scheme, parts.netloc, parts.path) == ("otpauth", "totp", "/Arad%20Digital%3Aclerk%40x")
    assert parse_qs(parts.query) == {
        "secret": [secret],
        "issuer": ["Arad Digital"],
        "algorithm": ["SHA1"],
        "digits": ["6"],
        "period": ["30"],
    }
