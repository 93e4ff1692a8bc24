"""Relaying the resident's messages to Rasa (or to the operator holding the chat), counting them,
and the end-of-chat rating."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.core.city import get_city
from portal.feedback.services import record_feedback

from .. import clients
from ..models import ChatMessage, Conversation, Handoff, TranscriptLine
from . import handoff as handoffs
from .handoff import UnknownConversation

MAX_MESSAGE = 1000


class AlreadyRated(Exception):
    """The conversation was rated already (one rating per conversation)."""


@dataclass(frozen=True)
class Exchange:
    conversation: Conversation
    available: bool
    messages: list[clients.BotMessage]
    handoff: Handoff | None = None
    # The resident's line: the widget polls for the operator's lines and the notices after it.
    last_message: int = 0


def _conversation(conversation_id: uuid.UUID | None, language: str) -> Conversation:
    if conversation_id:
        found = Conversation.objects.filter(pk=conversation_id).first()
        if found:
            return found
    return Conversation.objects.create(language=language)


def relay_message(
    *, text: str, language: str, conversation_id: uuid.UUID | None = None, keep_transcript: bool = False
) -> Exchange:
    """Send `text` to the assistant and return its answers; when Rasa is down, `available` is False.
    While an operator holds the conversation the assistant is not asked: the message waits for
    the operator. "Talk to a person" (HANDOFF_PAYLOAD, or an assistant's answer carrying
    `custom.handoff`) puts the conversation in the operators' inbox.

    The message is counted either way; the lines are stored for the hand-off, and the text is
    kept for improving the assistant (TranscriptLine) only if the resident agreed.
    """
    text = text.strip()
    if not text or len(text) > MAX_MESSAGE:
        raise ValidationError({"message": f"A message has 1 to {MAX_MESSAGE} characters."})
    if "\x00" in text:  # PostgreSQL cannot store it
        raise ValidationError({"message": "A message cannot contain NUL characters."})
    if language not in get_city().languages:
        raise ValidationError({"lang": f"Unknown language {language!r}."})
    asks_for_person = text == handoffs.HANDOFF_PAYLOAD
    with transaction.atomic():
        conversation = _conversation(conversation_id, language)
        Conversation.objects.filter(pk=conversation.pk).update(
            messages=F("messages") + 1,
            last_message_at=timezone.now(),
            language=language,
            keep_transcript=keep_transcript,
        )
        conversation.language = language
        with translation.override(language):
            shown = _("I would like to talk to a person.") if asks_for_person else text
        last = handoffs.post_message(
            conversation=conversation, sender=ChatMessage.Sender.RESIDENT, text=shown
        )
    held = handoffs.active_handoff(conversation)
    if held is not None or asks_for_person:
        handoff = held or handoffs.request_handoff(conversation=conversation)
        conversation.refresh_from_db()
        return Exchange(
            conversation=conversation,
            available=True,
            messages=[],
            handoff=handoff,
            last_message=last.pk,
        )
    # Rasa is called outside the transaction: its actions call back into the portal's API.
    try:
        replies = clients.send_message(sender=str(conversation.pk), text=text, language=language)
        available = True
    except clients.RasaUnavailable:
        replies, available = [], False
    with transaction.atomic():
        if available:
            Conversation.objects.filter(pk=conversation.pk).update(replies=F("replies") + len(replies))
        else:
            Conversation.objects.filter(pk=conversation.pk).update(unanswered=F("unanswered") + 1)
        for reply in replies:
            if reply.text:
                handoffs.post_message(
                    conversation=conversation, sender=ChatMessage.Sender.ASSISTANT, text=reply.text
                )
        if keep_transcript:
            lines = [TranscriptLine(conversation=conversation, sender="resident", text=text)]
            lines += [
                TranscriptLine(conversation=conversation, sender="assistant", text=m.text)
                for m in replies
                if m.text
            ]
            TranscriptLine.objects.bulk_create(lines)
        elif conversation.keep_transcript:
            # The resident withdrew consent: what was kept goes too.
            TranscriptLine.objects.filter(conversation=conversation).delete()
    handoff = None
    if any(reply.custom.get("handoff") for reply in replies):
        handoff = handoffs.request_handoff(conversation=conversation)
    conversation.refresh_from_db()
    return Exchange(
        conversation=conversation,
        available=available,
        messages=[reply for reply in replies if reply.text or reply.buttons],  # not bare signals
        handoff=handoff or conversation.handoffs.order_by("-id").first(),
        last_message=last.pk,
    )


@transaction.atomic
def rate_conversation(
    *, conversation_id: uuid.UUID, score: int, comment: str = "", language: str = ""
) -> None:
    """The 0–10 "would you recommend" answer at the end of a chat (the shared questionnaire);
    raises UnknownConversation or AlreadyRated."""
    if not Conversation.objects.filter(pk=conversation_id, rated=False).update(rated=True):
        if Conversation.objects.filter(pk=conversation_id).exists():
            raise AlreadyRated("This conversation was rated already.")
        raise UnknownConversation("Unknown conversation.")
    record_feedback(solution="chatbot", score=score, comment=comment, context="chat", language=language)


@transaction.atomic
def purge_transcripts(*, now: dt.datetime) -> int:
    """Delete the text of conversations whose last message is older than
    CHATBOT_TRANSCRIPT_RETENTION_DAYS (kept transcripts, and the lines of chats handed to a
    person), and the lines of chats never handed to a person after CHAT_LINES_RETENTION_HOURS
    (they are stored only so that an operator can read the chat if the resident asks for one);
    the conversations and their counts stay (the KPIs). Returns how many conversations lost text."""
    last = Conversation.objects.annotate(last=Coalesce("last_message_at", "started_at"))
    old = last.filter(last__lte=now - dt.timedelta(days=settings.CHATBOT_TRANSCRIPT_RETENTION_DAYS))
    recent = last.filter(
        last__lte=now - dt.timedelta(hours=settings.CHAT_LINES_RETENTION_HOURS), handoffs__isnull=True
    )
    ids = set(old.filter(transcript__isnull=False).values_list("pk", flat=True))
    ids |= set(old.filter(chat_messages__isnull=False).values_list("pk", flat=True))
    TranscriptLine.objects.filter(conversation__in=ids).delete()
    lines = set(recent.filter(chat_messages__isnull=False).values_list("pk", flat=True))
    ChatMessage.objects.filter(conversation__in=ids | lines).delete()
    return len(ids | lines)
