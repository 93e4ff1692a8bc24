"""The chatbot's retention rule: old transcripts go, recent ones and every count stay."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from chatbot.models import ChatMessage, Conversation, TranscriptLine
from chatbot.services import purge_transcripts, relay_message
from portal.kpi.registry import discover

pytestmark = pytest.mark.django_db


def _chat(text: str, *, days_ago: int) -> Conversation:
    # Rasa is unreachable in tests: the message is counted and, with consent, its text kept.
    conversation = relay_message(text=text, language="ro", keep_transcript=True).conversation
    Conversation.objects.filter(pk=conversation.pk).update(
        last_message_at=timezone.now() - dt.timedelta(days=days_ago)
    )
    return conversation


def test_old_transcripts_are_deleted_recent_ones_and_counts_kept(settings):
    settings.CHATBOT_TRANSCRIPT_RETENTION_DAYS = 30
    old, recent = _chat("Numele meu e Ana Pop", days_ago=31), _chat("Program primărie?", days_ago=29)
    relay_message(text="Fără consimțământ", language="ro")  # nothing kept: nothing to purge
    kpis = {key: discover()[key].compute() for key in ("chatbot.conversations", "chatbot.messages")}
    assert TranscriptLine.objects.filter(conversation=old).exists()

    # The old transcript goes; so do the chat lines of the recent one, never handed to a person
    # (CHAT_LINES_RETENTION_HOURS), while its consented transcript stays.
    assert purge_transcripts(now=timezone.now()) == 2

    assert not ChatMessage.objects.filter(conversation__in=[old, recent]).exists()
    assert not TranscriptLine.objects.filter(conversation=old).exists()
    assert list(TranscriptLine.objects.filter(conversation=recent).values_list("text", flat=True)) == [
        "Program primărie?"
    ]
    assert Conversation.objects.get(pk=old.pk).messages == 1
    assert {key: discover()[key].compute() for key in kpis} == kpis
    assert purge_transcripts(now=timezone.now()) == 0  # idempotent
