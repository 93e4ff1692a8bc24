"""The client address behind reverse proxies: X-Forwarded-For is believed only as far as
TRUSTED_PROXY_COUNT says, counted from the right, and rate limits key on that address."""

import pytest
from django.test import RequestFactory

from portal.core.net import client_address
from portal.documents import selectors


def request(remote: str = "10.0.0.1", forwarded: str | None = None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0

    assert client_address(request("203.0.113.7", forwarded="198.51.100.1")) == "203.0.113.7"


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (1, "198.51.100.1", "198.51.100.1"),
        (1, "6.6.6.6, 198.51.100.1", "198.51.100.1"),  # the left-most entry is the client's own claim
        (2, "6.6.6.6, 198.51.100.1, 10.0.0.2", "198.51.100.1"),
        (1, " 2001:DB8::1 ", "2001:db8::1"),
        (2, "198.51.100.1", "10.0.0.1"),  # fewer entries than proxies
        (1, "", "10.0.0.1"),
        (1, "6.6.6.6, not-an-address", "10.0.0.1"),
        (1, "198.51.100.1,", "10.0.0.1"),
        (1, "x" * 10_000, "10.0.0.1"),
    ],
)
def test_trusted_proxies_count_from_the_right(settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count

    assert client_address(request(forwarded=forwarded)) == expected


def test_an_invalid_remote_address_is_unknown(settings):
    settings.TRUSTED_PROXY_COUNT = 0

    assert client_address(request(remote="")) == "unknown"


def test_the_documents_rate_limit_uses_it(settings):
    settings.TRUSTED_PROXY_COUNT = 1

    assert selectors.client_address(request(forwarded="6.6.6.6, 198.51.100.1")) == "198.51.100.1"
