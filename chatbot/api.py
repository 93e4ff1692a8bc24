"""The chat widget's endpoints under /api/v1/chatbot/: relay a message to Rasa (or to the operator
holding the chat), poll a conversation for an operator's answers, ask for a call-back, rate a chat."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.utils import translation
from django.views.decorators.cache import never_cache
from ninja import Field, Path, Query, Router, Schema
from ninja.decorators import decorate_view
from pydantic import StrictBool

from portal.core.api import Error
from portal.core.city import get_city

from . import selectors, services
from .views import SESSION_KEY

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


class HandoffOut(Schema):
    status: str = Field(description="waiting | claimed | unanswered | closed")
    active: bool = Field(description="a person holds the chat: the assistant stays silent")
    offer_callback: bool = Field(description="nobody was free in time: a call-back may be asked for")
    poll_seconds: int = Field(description="how often to poll the conversation while a person holds it")


class MessageOut(Schema):
    conversation: uuid.UUID
    available: bool
    messages: list[BotMessageOut]
    links: list[Link]
    handoff: HandoffOut | None = None
    last_message: int = Field(0, description="id of the last line; poll the conversation after it")


class LineOut(Schema):
    id: int
    sender: str = Field(description="resident | assistant | operator | system")
    text: str


class ConversationOut(Schema):
    conversation: uuid.UUID
    handoff: HandoffOut | None
    messages: list[LineOut]


class CallbackIn(Schema):
    conversation: uuid.UUID
    phone: str = Field("", max_length=20)
    email: str = Field("", max_length=254)
    name: str = Field("", max_length=200)


class CallbackOut(Schema):
    number: str
    pin: str
    tracking_url: str


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
    if hasattr(request, "session"):  # the chat page (no JavaScript) continues this conversation
        request.session[SESSION_KEY] = str(exchange.conversation.pk)
    with translation.override(lang):
        messages = exchange.messages if exchange.available else [selectors.unavailable_message()]
        links = [] if exchange.available else selectors.help_links(request)
    return 200, {
        "conversation": exchange.conversation.pk,
        "available": exchange.available,
        "messages": [{"text": m.text, "buttons": m.buttons, "custom": m.custom} for m in messages],
        "links": links,
        "handoff": selectors.handoff_state(exchange.handoff),
        "last_message": exchange.last_message,
    }


# A conversation id as the widget holds it: a UUID in its canonical, lower-case form.
CONVERSATION_ID = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"


@router.get("/conversation/{conversation}", response={200: ConversationOut, 404: Error})
@decorate_view(never_cache)
def conversation(
    request,
    conversation: str = Path(..., pattern=CONVERSATION_ID),
    after: int = Query(0, ge=0, le=2**63 - 1),
):
    """The conversation's lines after the line `after` (an operator's answers, the chat's
    notices) and the hand-off's state: the widget polls this while a person holds the chat."""
    services.expire_unanswered()
    conversation_id = uuid.UUID(conversation)
    if not selectors.conversation_exists(conversation_id):
        return 404, {"detail": "Unknown conversation."}
    lines = selectors.conversation_lines(conversation_id, after=after)[:200]
    return 200, {
        "conversation": conversation_id,
        "handoff": selectors.handoff_state(selectors.latest_handoff(conversation_id)),
        "messages": [{"id": m.id, "sender": m.sender, "text": m.text} for m in lines],
    }


@router.post("/callback", response={201: CallbackOut, 400: Error, 404: Error, 409: Error})
def callback(request, body: CallbackIn):
    """Ask City Hall to call back (phone or e-mail) when no operator was free: registered in the
    document registry, answered with its number, PIN and tracking address."""
    try:
        document = services.request_callback(
            conversation_id=body.conversation, phone=body.phone, email=body.email, name=body.name
        )
    except services.UnknownConversation as exc:
        return 404, {"detail": str(exc)}
    except services.HandoffError as exc:
        return 409, {"detail": str(exc)}
    except ValidationError as exc:
        return 400, {"detail": "; ".join(exc.messages)}
    return 201, {
        "number": document.number,
        "pin": document.pin,
        "tracking_url": selectors.tracking_url(document),
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
