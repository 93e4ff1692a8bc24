"""The chat as a plain page: the widget's fallback without JavaScript (form POST, then render)."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from portal.core.city import get_city

from . import selectors, services

SESSION_KEY = "chatbot_conversation"


def chat(request: HttpRequest) -> HttpResponse:
    """GET shows the chat form; POST relays the message and shows the assistant's answers."""
    context: dict = {"available": True, "messages": [], "sent": ""}
    status = 200
    if request.method == "POST":
        text = request.POST.get("message", "")
        lang = get_language() if get_language() in get_city().languages else get_city().default_language
        try:
            previous = uuid.UUID(request.session.get(SESSION_KEY, ""))
        except ValueError:
            previous = None
        try:
            exchange = services.relay_message(
                text=text,
                language=lang,
                conversation_id=previous,
                keep_transcript=request.POST.get("keep_transcript") == "on",
            )
        except ValidationError as exc:
            context["error"] = "; ".join(exc.messages)
            status = 400
        else:
            request.session[SESSION_KEY] = str(exchange.conversation.pk)
            context.update(
                available=exchange.available,
                sent=text if not text.startswith("/") else "",
                messages=exchange.messages if exchange.available else [selectors.unavailable_message()],
                links=[] if exchange.available else selectors.help_links(request),
                conversation=exchange.conversation,
            )
    return render(request, "chatbot/chat.html", context, status=status)
