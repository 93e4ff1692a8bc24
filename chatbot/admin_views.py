"""The chat inbox in the Wagtail admin: conversations handed to a person, each with its whole
transcript, where a chat operator claims one, answers and closes it (the assistant resumes)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import selectors, services
from .models import Handoff
from .views import SENDER_LABELS


def operator_required(view: Callable) -> Callable:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm("chatbot.change_handoff"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@never_cache
@operator_required
def inbox(request: HttpRequest) -> HttpResponse:
    services.expire_unanswered()
    return TemplateResponse(request, "chatbot/admin/inbox.html", {"handoffs": selectors.inbox()})


@never_cache
@operator_required
def conversation(request: HttpRequest, pk: int) -> HttpResponse:
    services.expire_unanswered()
    handoff = get_object_or_404(Handoff.objects.select_related("conversation", "operator"), pk=pk)
    stored = list(selectors.conversation_lines(handoff.conversation_id))
    lines = [
        {
            "sender": line.sender,
            "label": SENDER_LABELS.get(line.sender, ""),
            "text": line.text,
            "at": line.created_at,
        }
        for line in stored
    ]
    context = {
        "handoff": handoff,
        "lines": lines,
        "last_line": stored[-1].pk if stored else 0,
        "mine": handoff.status == Handoff.Status.CLAIMED and handoff.operator_id == request.user.pk,
    }
    return TemplateResponse(request, "chatbot/admin/conversation.html", context)


def _act(request: HttpRequest, pk: int, action: Callable[[Handoff], Any]) -> HttpResponse:
    handoff = get_object_or_404(Handoff, pk=pk)
    try:
        action(handoff)
    except (services.HandoffError, ValidationError) as exc:
        messages.error(request, "; ".join(getattr(exc, "messages", None) or [str(exc)]))
    return redirect("chatbot_admin:conversation", pk=pk)


@require_POST
@operator_required
def claim(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, lambda h: services.claim(handoff=h, operator=request.user))


@require_POST
@operator_required
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    text = request.POST.get("text", "")[:4000]
    return _act(request, pk, lambda h: services.reply(handoff=h, operator=request.user, text=text))


@require_POST
@operator_required
def close(request: HttpRequest, pk: int) -> HttpResponse:
    response = _act(request, pk, lambda h: services.close(handoff=h, operator=request.user))
    if not Handoff.objects.get(pk=pk).is_active:
        return redirect("chatbot_admin:inbox")
    return response
