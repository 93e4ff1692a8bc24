"""Reads: the chat's usage figures, what the widget shows when the assistant is down, and the
live hand-off (the conversation's lines, the operators' inbox, time to the first human reply)."""

from __future__ import annotations

import statistics
import uuid
from typing import Any

from django.conf import settings
from django.db.models import QuerySet, Sum
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from portal.core.selectors import site_sections
from portal.services.selectors import live_services_default_language

from .clients import BotMessage
from .models import ChatMessage, Conversation, Handoff

# The conversation flows the assistant offers (see chatbot/data/rules.yml).
FLOWS: tuple[str, ...] = (
    "opening_hours_and_contacts",
    "service_requirements",
    "document_status",
    "nearest_building_wifi_parking",
    "open_datasets",
    "service_tutorial",
    "report_problem",
    "ask_for_a_human",
    "rating",
)


def conversations_count() -> int:
    return Conversation.objects.count()


def messages_count() -> int:
    return Conversation.objects.aggregate(n=Sum("messages"))["n"] or 0


def services_enrolled() -> int:
    """Services the assistant can explain: every live service of the catalogue (default language)."""
    return live_services_default_language().count()


def unavailable_message() -> BotMessage:
    return BotMessage(
        text=_(
            "The assistant is not available right now. You can search the site or contact City Hall "
            "directly; the rest of the portal works as usual."
        )
    )


def help_links(request: HttpRequest) -> list[dict[str, str]]:
    """Search and contacts in the active language, offered when the assistant is down."""
    links = [{"title": _("Search the site"), "url": reverse("search")}]
    contact = site_sections(request).get("by_type", {}).get("ContactPage")
    if contact is not None:
        links.append({"title": _("Contact City Hall"), "url": contact.get_url(request)})
    return links


def conversation_lines(conversation: Conversation | uuid.UUID, *, after: int = 0) -> QuerySet[ChatMessage]:
    """The conversation's lines newer than the line `after`, oldest first."""
    return ChatMessage.objects.filter(conversation=conversation, id__gt=after).order_by("id")


def latest_handoff(conversation: Conversation | uuid.UUID) -> Handoff | None:
    return Handoff.objects.filter(conversation=conversation).order_by("-id").first()


def handoff_state(handoff: Handoff | None) -> dict[str, Any] | None:
    """What the resident's side needs: the status and whether a call-back can be asked for."""
    if handoff is None:
        return None
    return {
        "status": handoff.status,
        "active": handoff.is_active,
        "offer_callback": handoff.status == Handoff.Status.UNANSWERED and not handoff.callback_document_id,
        "poll_seconds": settings.CHAT_HANDOFF_POLL_SECONDS,
    }


def inbox() -> QuerySet[Handoff]:
    """Conversations waiting for an operator or held by one, the longest waiting first."""
    return (
        Handoff.objects.filter(status__in=Handoff.ACTIVE)
        .select_related("conversation", "operator")
        .order_by("requested_at", "id")
    )


def median_first_reply_seconds() -> float | None:
    """Median seconds from "talk to a person" to an operator's first answer (None before any)."""
    pairs = Handoff.objects.filter(first_reply_at__isnull=False).values_list("requested_at", "first_reply_at")
    waits = [(replied - requested).total_seconds() for requested, replied in pairs]
    return round(statistics.median(waits), 1) if waits else None


def conversation_exists(conversation: uuid.UUID) -> bool:
    return Conversation.objects.filter(pk=conversation).exists()


def tracking_url(document: Any) -> str:
    """The public tracking address of a call-back request registered from the chat."""
    from portal.documents.selectors import tracking_url as registry_tracking_url

    return registry_tracking_url(document.token)
