"""The shared QR service: codes decode back to their data; signed tokens resist tampering."""

import base64
import json

import pytest

from portal.qr import services
from tests.qr_decoding import decode_qr_png


def test_png_decodes_to_the_same_url():
    url = "http://127.0.0.1:8000/t/Zq3xY8v0n1T5l2wQ9rK7uA"
    assert decode_qr_png(services.qr_png(url)) == url


def test_svg_is_an_svg_document():
    svg = services.qr_svg("https://example.org")
    assert svg.lstrip().startswith("<?xml") or "<svg" in svg[:200]


def test_signed_token_is_genuine_then_altered_when_a_field_changes():
    # A kind no app registers a revocation check for (the registry checks "permit" in its database).
    token = services.sign("sample", {"n": "AC-2026-000042", "h": "I.P.", "d": "2026-11-20"})
    assert services.verify(token).status == "genuine"
    assert services.verify(token).payload["n"] == "AC-2026-000042"

    body, sig = token.split(".")
    payload = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    payload["h"] = "X.Y."
    forged = (
        base64.urlsafe_b64encode(json.dumps(payload, separators=(",", ":"), sort_keys=True).encode())
        .rstrip(b"=")
        .decode()
    )
    result = services.verify(f"{forged}.{sig}")
    assert result.status == "altered"


@pytest.mark.parametrize("junk", ["", "abc", "a.b.c", "!!!.???", "e30.AAAA"])
def test_junk_is_malformed_not_an_error(junk):
    assert services.verify(junk).status in ("malformed", "altered")
    assert services.verify(junk).status != "genuine"


def test_revocation_check_of_the_issuing_app_is_consulted():
    services.register_revocation_check("testkind", lambda p: p.get("n") == "revoked-one")
    try:
        assert services.verify(services.sign("testkind", {"n": "revoked-one"})).status == "revoked"
        assert services.verify(services.sign("testkind", {"n": "fine"})).status == "genuine"
    finally:
        services._revocation_checks.pop("testkind")


def test_token_verifies_offline_with_only_the_published_key():
    from cryptography.hazmat.primitives.serialization import load_pem_public_key

    token = services.sign("certificate", {"n": "C-1"})
    body, sig = token.split(".")
    key = load_pem_public_key(services.public_key_pem().encode())
    pad = lambda s: s + "=" * (-len(s) % 4)  # noqa: E731
    key.verify(base64.urlsafe_b64decode(pad(sig)), base64.urlsafe_b64decode(pad(body)))  # raises if bad


@pytest.mark.django_db
def test_public_key_and_verify_page_are_served(client):
    assert "BEGIN PUBLIC KEY" in client.get("/.well-known/qr-signing-key.pem").content.decode()
    token = services.sign("permit", {"n": "AC-1"})
    response = client.get(f"/verify?p={token}", follow=True)
    assert response.status_code == 200
    assert "AC-1" in response.content.decode()
