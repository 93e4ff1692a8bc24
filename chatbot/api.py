"""The chat widget's endpoints under /api/v1/chatbot/: relay a message to Rasa, rate a chat."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.utils import translation
from ninja import Field, Router, Schema
from pydantic import StrictBool

from portal.core.api import Error
from portal.core.city import get_city

from . import selectors, services

router = Router(tags=["chatbot"])


class MessageIn(Schema):
    message: str = Field(..., min_length=1, max_length=services.MAX_MESSAGE, pattern=r"\S")
    lang: str = "ro"
    conversation: uuid.UUID | None = None
    keep_transcript: StrictBool = False


class Button(Schema):
    title: str
    payload: str


class BotMessageOut(Schema):
    text: str
    buttons: list[Button]
    custom: dict


class Link(Schema):
    title: str
    url: str


class MessageOut(Schema):
    conversation: uuid.UUID
    available: bool
    messages: list[BotMessageOut]
    links: list[Link]


class RatingIn(Schema):
    conversation: uuid.UUID
    score: int = Field(..., ge=0, le=10)
    comment: str = Field("", max_length=2000)
    lang: str = "ro"


class RatingOut(Schema):
    ok: bool


@router.post("/message", response={200: MessageOut, 400: Error})
def message(request, body: MessageIn):
    """Forward the resident's message to the assistant in language `lang`; when the assistant is
    down, `available` is false and the answer explains it, with links to search and contacts."""
    lang = body.lang if body.lang in get_city().languages else get_city().default_language
    try:
        exchange = services.relay_message(
            text=body.message,
            language=lang,
            conversation_id=body.conversation,
            keep_transcript=body.keep_transcript,
        )
    except ValidationError as exc:
        return 400, {"detail": "; ".join(exc.messages)}
    with translation.override(lang):
        messages = exchange.messages if exchange.available else [selectors.unavailable_message()]
        links = [] if exchange.available else selectors.help_links(request)
    return 200, {
        "conversation": exchange.conversation.pk,
        "available": exchange.available,
        "messages": [{"text": m.text, "buttons": m.buttons, "custom": m.custom} for m in messages],
        "links": links,
    }


@router.post("/rating", response={201: RatingOut, 404: Error, 409: Error})
def rating(request, body: RatingIn):
    """The 0–10 rating at the end of a chat, recorded in the shared satisfaction questionnaire;
    404 for an unknown conversation, 409 when it was rated already."""
    try:
        services.rate_conversation(
            conversation_id=body.conversation,
            score=body.score,
            comment=body.comment,
            language=body.lang if body.lang in get_city().languages else "",
        )
    except services.UnknownConversation as exc:
        return 404, {"detail": str(exc)}
    except services.AlreadyRated as exc:
        return 409, {"detail": str(exc)}
    return 201, {"ok": True}
