"""Chat conversations as counts; message text only when the resident agreed to keep it."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class Conversation(models.Model):
    """One chat with the assistant; its id is also the sender id Rasa sees (no personal data)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    language = models.CharField(_("language"), max_length=8)
    started_at = models.DateTimeField(_("started"), auto_now_add=True, db_index=True)
    last_message_at = models.DateTimeField(_("last message"), null=True, blank=True)
    messages = models.PositiveIntegerField(_("messages from the resident"), default=0)
    replies = models.PositiveIntegerField(_("answers from the assistant"), default=0)
    unanswered = models.PositiveIntegerField(
        _("messages sent while the assistant was unavailable"), default=0
    )
    rated = models.BooleanField(_("rated at the end"), default=False)
    keep_transcript = models.BooleanField(
        _("resident agreed to keep the text"),
        default=False,
        help_text=_("Only then is the text of the messages stored, to improve the assistant."),
    )

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("chat conversation")
        verbose_name_plural = _("chat conversations")

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M} ({self.language}, {self.messages})"


class TranscriptLine(models.Model):
    """A message of a conversation whose resident agreed to keep the text."""

    class Sender(models.TextChoices):
        RESIDENT = "resident", _("resident")
        ASSISTANT = "assistant", _("assistant")

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="transcript")
    sender = models.CharField(_("sender"), max_length=10, choices=Sender.choices)
    text = models.TextField(_("text"), max_length=4000)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("transcript line")
        verbose_name_plural = _("transcript lines")

    def __str__(self) -> str:
        return f"{self.sender}: {self.text[:40]}"
