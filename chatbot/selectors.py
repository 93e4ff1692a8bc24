"""Reads: the chat's usage figures and what the widget shows when the assistant is down."""

from __future__ import annotations

from django.db.models import Sum
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Locale

from portal.core.selectors import site_sections
from portal.services.models import ServicePage

from .clients import BotMessage
from .models import Conversation

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
    return ServicePage.objects.live().filter(locale=Locale.get_default()).count()


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
