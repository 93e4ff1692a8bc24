"""Writes of the chat: relaying messages to Rasa, the rating, retention, and the live hand-off."""

from .handoff import (
    HANDOFF_PAYLOAD,
    HandoffError,
    UnknownConversation,
    active_handoff,
    claim,
    close,
    expire_unanswered,
    post_message,
    reply,
    request_callback,
    request_handoff,
)
from .relay import (
    MAX_MESSAGE,
    AlreadyRated,
    Exchange,
    purge_transcripts,
    rate_conversation,
    relay_message,
)

__all__ = [
    "HANDOFF_PAYLOAD",
    "MAX_MESSAGE",
    "AlreadyRated",
    "Exchange",
    "HandoffError",
    "UnknownConversation",
    "active_handoff",
    "claim",
    "close",
    "expire_unanswered",
    "post_message",
    "purge_transcripts",
    "rate_conversation",
    "relay_message",
    "reply",
    "request_callback",
    "request_handoff",
]
