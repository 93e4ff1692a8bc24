"""Relaying the resident's messages to Rasa, counting them, and the end-of-chat rating."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone

from portal.core.city import get_city
from portal.feedback.services import record_feedback

from . import clients
from .models import Conversation, TranscriptLine

MAX_MESSAGE = 1000


class UnknownConversation(Exception):
    """No conversation has this id."""


class AlreadyRated(Exception):
    """The conversation was rated already (one rating per conversation)."""


@dataclass(frozen=True)
class Exchange:
    conversation: Conversation
    available: bool
    messages: list[clients.BotMessage]


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

    The message is counted either way; its text is stored only if the resident agreed.
    """
    text = text.strip()
    if not text or len(text) > MAX_MESSAGE:
        raise ValidationError({"message": f"A message has 1 to {MAX_MESSAGE} characters."})
    if language not in get_city().languages:
        raise ValidationError({"lang": f"Unknown language {language!r}."})
    with transaction.atomic():
        conversation = _conversation(conversation_id, language)
        Conversation.objects.filter(pk=conversation.pk).update(
            messages=F("messages") + 1,
            last_message_at=timezone.now(),
            language=language,
            keep_transcript=keep_transcript,
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
    conversation.refresh_from_db()
    return Exchange(conversation=conversation, available=available, messages=replies)


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
    """Delete the kept text of conversations whose last message is older than
    CHATBOT_TRANSCRIPT_RETENTION_DAYS; the conversations and their counts stay (the KPIs).
    Returns how many conversations lost their transcript."""
    cutoff = now - dt.timedelta(days=settings.CHATBOT_TRANSCRIPT_RETENTION_DAYS)
    expired = Conversation.objects.annotate(last=Coalesce("last_message_at", "started_at")).filter(
        last__lte=cutoff, transcript__isnull=False
    )
    ids = set(expired.values_list("pk", flat=True))
    TranscriptLine.objects.filter(conversation__in=ids).delete()
    return len(ids)
