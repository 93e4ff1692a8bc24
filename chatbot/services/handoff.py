"""Live hand-off to a person: the resident asks, an operator claims the chat from the inbox and
answers, or, when nobody is free in time, the resident leaves a phone number or an e-mail address
and a call-back request is registered in the document registry."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from portal.documents import selectors as registry_selectors
from portal.documents import services as registry
from portal.documents.models import Document

from ..models import ChatMessage, Conversation, Handoff

# The payload of the "Talk to a person" buttons (the widget's own and the assistant's menus).
HANDOFF_PAYLOAD = "/request_human"
PHONE = re.compile(r"^\+?[0-9 ()./-]{6,20}$")
TRANSCRIPT_LINES = 40  # the end of the chat copied into a call-back request


class HandoffError(Exception):
    """The hand-off is not in a state that allows this (claimed by someone else, closed...)."""


class UnknownConversation(Exception):
    """No conversation has this id."""


def post_message(*, conversation: Conversation, sender: str, text: str, operator: Any = None) -> ChatMessage:
    """Store one line of the conversation as both sides see it (never NUL: PostgreSQL refuses it)."""
    if "\x00" in text:
        raise ValidationError(_("Text cannot contain NUL characters."))
    return ChatMessage.objects.create(
        conversation=conversation, sender=sender, text=text[:4000], operator=operator
    )


def _notice(conversation: Conversation, message: str, **values: Any) -> ChatMessage:
    """A notice of the chat itself, written in the conversation's language."""
    with translation.override(conversation.language or settings.LANGUAGE_CODE):
        text = _(message) % values if values else _(message)
    return post_message(conversation=conversation, sender=ChatMessage.Sender.SYSTEM, text=text)


def active_handoff(conversation: Conversation, *, now: dt.datetime | None = None) -> Handoff | None:
    """The hand-off holding the conversation (waiting or claimed), after expiring late ones."""
    expire_unanswered(now=now)
    return conversation.handoffs.filter(status__in=Handoff.ACTIVE).order_by("-id").first()


@transaction.atomic
def request_handoff(*, conversation: Conversation, now: dt.datetime | None = None) -> Handoff:
    """Put the conversation in the operators' inbox (idempotent while one is pending)."""
    current = active_handoff(conversation, now=now)
    if current is not None:
        return current
    handoff = Handoff.objects.create(conversation=conversation, requested_at=now or timezone.now())
    _notice(
        conversation,
        gettext_noop(
            "You asked to talk to a person. An operator will answer here shortly; "
            "until then the assistant stays silent."
        ),
    )
    return handoff


@transaction.atomic
def expire_unanswered(*, now: dt.datetime | None = None) -> int:
    """Hand-offs that waited longer than CHAT_HANDOFF_TIMEOUT_SECONDS without an operator end:
    the assistant answers again and the resident is offered a call-back. Returns how many."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(seconds=settings.CHAT_HANDOFF_TIMEOUT_SECONDS)
    late = list(
        Handoff.objects.select_for_update()
        .select_related("conversation")
        .filter(status=Handoff.Status.WAITING, requested_at__lte=cutoff)
    )
    for handoff in late:
        handoff.status = Handoff.Status.UNANSWERED
        handoff.ended_at = now
        handoff.save(update_fields=["status", "ended_at"])
        _notice(
            handoff.conversation,
            gettext_noop(
                "No operator is free right now. Leave a phone number or an e-mail address and "
                "City Hall will call you back; the assistant answers again meanwhile."
            ),
        )
    return len(late)


def _locked(handoff: Handoff) -> Handoff:
    return Handoff.objects.select_for_update().select_related("conversation").get(pk=handoff.pk)


@transaction.atomic
def claim(*, handoff: Handoff, operator: Any, now: dt.datetime | None = None) -> Handoff:
    """The operator takes the conversation; only a waiting one can be claimed (or re-claimed
    by the operator who holds it)."""
    expire_unanswered(now=now)
    handoff = _locked(handoff)
    if handoff.status == Handoff.Status.CLAIMED and handoff.operator_id == operator.pk:
        return handoff
    if handoff.status != Handoff.Status.WAITING:
        raise HandoffError(_("This conversation is no longer waiting for an operator."))
    handoff.status = Handoff.Status.CLAIMED
    handoff.operator = operator
    handoff.claimed_at = now or timezone.now()
    handoff.save(update_fields=["status", "operator", "claimed_at"])
    _notice(handoff.conversation, gettext_noop("An operator has joined the conversation."))
    return handoff


@transaction.atomic
def reply(*, handoff: Handoff, operator: Any, text: str, now: dt.datetime | None = None) -> ChatMessage:
    """The operator's answer to the resident; the first one is timed for the KPI."""
    text = text.strip()
    if not text:
        raise ValidationError(_("Write a message first."))
    handoff = _locked(handoff)
    if handoff.status != Handoff.Status.CLAIMED or handoff.operator_id != operator.pk:
        raise HandoffError(_("Claim the conversation before answering."))
    message = post_message(
        conversation=handoff.conversation, sender=ChatMessage.Sender.OPERATOR, text=text, operator=operator
    )
    if handoff.first_reply_at is None:
        handoff.first_reply_at = now or message.created_at
        handoff.save(update_fields=["first_reply_at"])
    return message


@transaction.atomic
def close(*, handoff: Handoff, operator: Any, now: dt.datetime | None = None) -> Handoff:
    """The operator ends the hand-off: the assistant answers the resident again."""
    handoff = _locked(handoff)
    if not handoff.is_active:
        raise HandoffError(_("This conversation is already closed."))
    if handoff.status == Handoff.Status.CLAIMED and handoff.operator_id != operator.pk:
        raise HandoffError(_("Another operator holds this conversation."))
    handoff.status = Handoff.Status.CLOSED
    handoff.ended_at = now or timezone.now()
    handoff.save(update_fields=["status", "ended_at"])
    _notice(
        handoff.conversation,
        gettext_noop("The operator has ended the conversation. The assistant answers again."),
    )
    return handoff


def _transcript(conversation: Conversation) -> str:
    labels = dict(ChatMessage.Sender.choices)
    lines = list(conversation.chat_messages.order_by("-id")[:TRANSCRIPT_LINES])
    return "\n".join(f"{labels.get(m.sender, m.sender)}: {m.text}" for m in reversed(lines))


@transaction.atomic
def request_callback(
    *, conversation_id: uuid.UUID, phone: str = "", email: str = "", name: str = ""
) -> Document:
    """Register a call-back request in the document registry (channel "chatbot", with its PIN
    and tracking code) for a conversation no operator answered in time; one per hand-off."""
    conversation = Conversation.objects.filter(pk=conversation_id).first()
    if conversation is None:
        raise UnknownConversation("Unknown conversation.")
    phone, email = phone.strip(), email.strip()
    if "\x00" in phone + email + name:
        raise ValidationError(_("Text cannot contain NUL characters."))
    with translation.override(conversation.language or settings.LANGUAGE_CODE):
        if not phone and not email:
            raise ValidationError(_("Give a phone number or an e-mail address."))
        if phone and not PHONE.match(phone):
            raise ValidationError(_("Enter a valid phone number."))
        if email:
            validate_email(email)
        handoff = (
            Handoff.objects.select_for_update()
            .filter(conversation=conversation, status=Handoff.Status.UNANSWERED)
            .order_by("-id")
            .first()
        )
        if handoff is None:
            raise HandoffError(_("A call-back is offered only when no operator was free."))
        if handoff.callback_document_id:
            raise HandoffError(_("A call-back was requested already."))
        document = registry.register_document(
            channel="chatbot",
            subject=_("Call-back request from the chat"),
            message=_transcript(conversation),
            sender_name=name.strip(),
            sender_phone=phone,
            sender_email=email,
            language=conversation.language or settings.LANGUAGE_CODE,
        )
        handoff.callback_document = document
        handoff.save(update_fields=["callback_document"])
        _notice(
            conversation,
            gettext_noop(
                "Your call-back request is registered as number %(number)s (PIN %(pin)s). "
                "You can follow it here: %(url)s"
            ),
            number=document.number,
            pin=document.pin,
            url=registry_selectors.tracking_url(document.token),
        )
    return document
