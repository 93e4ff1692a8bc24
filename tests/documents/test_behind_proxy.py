"""Behind the city's reverse proxy every request comes from the proxy's address: the lookup
limit must count each resident separately, and a forged X-Forwarded-For must not reset it."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from portal.documents import services

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"
STATUS = "/api/v1/documents/status"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def document(city):
    return services.register_document(
        channel="online", subject="Certificat", service=city.service, sender_name="Ana Popescu"
    )


def lookup(client, document, *, pin: str, forwarded: str):
    return client.get(
        STATUS, {"number": document.number, "pin": pin}, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded
    )


def wrong(document) -> str:
    return "000000" if document.pin != "000000" else "111111"


def test_two_residents_behind_one_proxy_are_limited_separately(client, document, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(5):  # the per-number limit, from the first resident
        assert lookup(client, document, pin=wrong(document), forwarded="198.51.100.1").status_code == 404

    assert lookup(client, document, pin=document.pin, forwarded="198.51.100.1").status_code == 429
    assert lookup(client, document, pin=document.pin, forwarded="198.51.100.2").status_code == 200


def test_forged_left_most_entries_do_not_reset_the_limit(client, document, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for index in range(5):  # the attacker claims a new address each time; the proxy appends the real one
        response = lookup(client, document, pin=wrong(document), forwarded=f"6.6.6.{index}, 198.51.100.1")
        assert response.status_code == 404

    assert lookup(client, document, pin=document.pin, forwarded="6.6.6.99, 198.51.100.1").status_code == 429


def test_without_trusted_proxies_the_header_changes_nothing(client, document, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for index in range(5):
        response = lookup(client, document, pin=wrong(document), forwarded=f"198.51.100.{index}")
        assert response.status_code == 404

    # Everyone behind the proxy shares its address: configure TRUSTED_PROXY_COUNT in production.
    assert lookup(client, document, pin=document.pin, forwarded="198.51.100.200").status_code == 429
