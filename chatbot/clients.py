"""Outbound HTTP to the Rasa server's REST channel (the portal's side of the chat; no ORM)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import requests
from django.conf import settings

TIMEOUT = (2.0, 15.0)  # connect, read: actions may call the portal's API before Rasa answers


class RasaUnavailable(Exception):
    """Rasa did not answer (down, timed out or failed)."""


@dataclass(frozen=True)
class BotMessage:
    text: str = ""
    buttons: list[dict[str, str]] = field(default_factory=list)
    custom: dict[str, Any] = field(default_factory=dict)


def send_message(*, sender: str, text: str, language: str) -> list[BotMessage]:
    """Forward one message to Rasa's REST webhook with the conversation's language in metadata."""
    url = settings.RASA_URL.rstrip("/") + "/webhooks/rest/webhook"
    payload = {"sender": sender, "message": text, "metadata": {"language": language}}
    try:
        response = requests.post(url, json=payload, timeout=TIMEOUT)
        response.raise_for_status()
        body = response.json()
    except (requests.RequestException, ValueError) as exc:
        raise RasaUnavailable(str(exc)) from exc
    messages = []
    for item in body if isinstance(body, list) else []:
        buttons = [
            {"title": str(b.get("title", "")), "payload": str(b.get("payload", ""))}
            for b in item.get("buttons") or []
        ]
        custom = item.get("custom") if isinstance(item.get("custom"), dict) else {}
        messages.append(BotMessage(text=str(item.get("text") or ""), buttons=buttons, custom=custom))
    return messages
