"""The chat as a plain page: the widget's fallback without JavaScript (form POST, then render).
It shows the whole conversation kept for this session, so an operator's answer appears on reload."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from portal.core.city import get_city

from . import selectors, services

SESSION_KEY = "chatbot_conversation"
SENDER_LABELS = {
    "resident": _("You"),
    "assistant": _("Assistant"),
    "operator": _("Operator"),
    "system": _("Notice"),
}


def _session_conversation(request: HttpRequest) -> uuid.UUID | None:
    try:
        return uuid.UUID(request.session.get(SESSION_KEY, ""))
    except ValueError:
        return None


def _callback(request: HttpRequest, conversation: uuid.UUID | None, context: dict) -> int:
    try:
        services.request_callback(
            conversation_id=conversation or uuid.uuid4(),
            phone=request.POST.get("phone", "")[:20],
            email=request.POST.get("email", "")[:254],
        )
    except (ValidationError, services.HandoffError, services.UnknownConversation) as exc:
        context["callback_error"] = "; ".join(getattr(exc, "messages", None) or [str(exc)])
        return 400
    return 200


def _relay(request: HttpRequest, conversation: uuid.UUID | None, context: dict) -> int:
    text = request.POST.get("message", "")
    lang = get_language() if get_language() in get_city().languages else get_city().default_language
    try:
        exchange = services.relay_message(
            text=text,
            language=lang,
            conversation_id=conversation,
            keep_transcript=request.POST.get("keep_transcript") == "on",
        )
    except ValidationError as exc:
        context["error"] = "; ".join(exc.messages)
        return 400
    request.session[SESSION_KEY] = str(exchange.conversation.pk)
    context.update(
        available=exchange.available,
        notices=[] if exchange.available else [selectors.unavailable_message()],
        links=[] if exchange.available else selectors.help_links(request),
        choices=[m for m in exchange.messages if m.buttons],
    )
    return 200


@never_cache
def chat(request: HttpRequest) -> HttpResponse:
    """GET shows the conversation so far and the form; POST relays a message (or asks for a
    call-back when no operator was free) and shows the conversation with the answers."""
    context: dict = {"available": True, "notices": [], "choices": [], "lines": []}
    status = 200
    conversation = _session_conversation(request)
    if request.method == "POST":
        if request.POST.get("action") == "callback":
            status = _callback(request, conversation, context)
        else:
            status = _relay(request, conversation, context)
            conversation = _session_conversation(request)
    if conversation is not None:
        services.expire_unanswered()
        context["lines"] = [
            {"sender": line.sender, "label": SENDER_LABELS.get(line.sender, ""), "text": line.text}
            for line in selectors.conversation_lines(conversation)
        ]
        context["handoff"] = selectors.handoff_state(selectors.latest_handoff(conversation))
        context["conversation"] = conversation if context["lines"] else None
    context["handoff_payload"] = services.HANDOFF_PAYLOAD
    return render(request, "chatbot/chat.html", context, status=status)
