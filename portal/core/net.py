"""The visitor's network address, read safely behind a configured number of reverse proxies."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The client's IP address as the server should trust it.

    With `TRUSTED_PROXY_COUNT` = 0 (the default) this is REMOTE_ADDR: X-Forwarded-For is ignored,
    since anyone can send it. With N > 0 trusted proxies in front of the portal, each appends the
    address it received the request from, so the client is the N-th entry from the right; entries
    further left were written by the client and are never believed. A header with fewer entries, or
    an entry that is not an IP address, falls back to REMOTE_ADDR.
    """
    remote = _ip(request.META.get("REMOTE_ADDR", "")) or "unknown"
    hops = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if hops <= 0:
        return remote
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    entries = [entry.strip() for entry in header.split(",")] if header else []
    if len(entries) < hops:
        return remote
    return _ip(entries[-hops]) or remote


def _ip(text: str) -> str:
    """`text` as a normalised IP address, or "" when it is not one."""
    try:
        return str(ipaddress.ip_address(text.strip()[:64]))
    except ValueError:
        return ""
