"""Which receipts this browser may see: the documents its session filed online (the receipt
shows the PIN, so it is shown only where the request was made)."""

from __future__ import annotations

from django.http import HttpRequest

SESSION_RECEIPTS = "documents_receipts"
KEPT = 20  # the most recent receipts a session remembers


def remember_receipt(request: HttpRequest, token: str) -> None:
    """Record that this session filed the document with `token`."""
    receipts = request.session.get(SESSION_RECEIPTS, [])[-(KEPT - 1) :]
    request.session[SESSION_RECEIPTS] = [*receipts, token]


def filed_here(request: HttpRequest, token: str) -> bool:
    """Whether this session filed the document with `token`."""
    return token in request.session.get(SESSION_RECEIPTS, [])
