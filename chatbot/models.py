"""Chat conversations as counts; message text only when the resident agreed to keep it."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
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


class ChatMessage(models.Model):
    """A message of a conversation as the resident and a chat operator see it: what the resident
    wrote, the assistant's and the operator's answers and the chat's own notices (hand-off)."""

    class Sender(models.TextChoices):
        RESIDENT = "resident", _("resident")
        ASSISTANT = "assistant", _("assistant")
        OPERATOR = "operator", _("operator")
        SYSTEM = "system", _("notice")

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="chat_messages")
    sender = models.CharField(_("sender"), max_length=10, choices=Sender.choices)
    text = models.TextField(_("text"), max_length=4000)
    operator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        ordering = ["id"]
        verbose_name = _("chat message")
        verbose_name_plural = _("chat messages")

    def __str__(self) -> str:
        return f"{self.sender}: {self.text[:40]}"


class Handoff(models.Model):
    """The resident asked for a person: the conversation waits in the chat inbox until an
    operator claims it; while an operator holds it the assistant stays silent."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("waiting for an operator")
        CLAIMED = "claimed", _("with an operator")
        UNANSWERED = "unanswered", _("no operator was free")
        CLOSED = "closed", _("closed")

    ACTIVE = (Status.WAITING, Status.CLAIMED)

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="handoffs")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.WAITING)
    requested_at = models.DateTimeField(_("requested"), default=timezone.now, db_index=True)
    operator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("operator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    first_reply_at = models.DateTimeField(_("first reply of an operator"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    callback_document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("call-back request"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["requested_at", "id"]
        verbose_name = _("hand-off to an operator")
        verbose_name_plural = _("hand-offs to an operator")

    def __str__(self) -> str:
        return f"{self.requested_at:%Y-%m-%d %H:%M} {self.status}"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE
