"""Outbound HTTP: xAPI statements to an external learning-record store (LRS)."""

from __future__ import annotations

import base64
import json
import urllib.request
from typing import Any


def post_statement(
    *, endpoint: str, statement: dict[str, Any], username: str = "", password: str = "", timeout: float = 5.0
) -> int:
    """POST one statement to `<endpoint>/statements` (xAPI 1.0.3); returns the HTTP status."""
    request = urllib.request.Request(
        endpoint.rstrip("/") + "/statements",
        data=json.dumps(statement).encode(),
        method="POST",
        headers={"Content-Type": "application/json", "X-Experience-API-Version": "1.0.3"},
    )
    if username:
        token = base64.b64encode(f"{username}:{password}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 — configured URL
        return response.status
