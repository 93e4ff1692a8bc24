"""Custom actions: each one reads the conversation, calls the portal's API and answers in the
conversation's language. Business rules stay in the portal; these only orchestrate and phrase."""

from __future__ import annotations

import logging
import os
import re
import time
from collections.abc import Callable
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from . import matching
from .clients import NotFound, PortalClient, PortalUnavailable, RateLimited
from .texts import DEFAULT_LANGUAGE, LANGUAGES, day_name, say

logger = logging.getLogger(__name__)

NUMBER_RE = re.compile(r"\b[A-Z]{1,8}-\d{4}-\d{6}\b", re.IGNORECASE)  # <prefix>-<year>-<sequence>
# "lat,lon" of the portal's settings.CITY, passed by scripts/rasa.sh (actions never import Django).
CITY_CENTRE = tuple(float(v) for v in (os.environ.get("CITY_CENTER") or "46.1866,21.3123").split(","))
CONFIG_TTL = 600.0  # seconds the registry's settings (the PIN's length) are kept
_cache: dict[tuple[str, str], tuple[float, Any]] = {}  # (portal URL, key) -> (fetched at, value)


def cached(key: str, fetch: Callable[[PortalClient], Any]) -> Any:
    """`fetch(client())`, kept CONFIG_TTL seconds per portal (settings and vocabularies change rarely)."""
    api = client()
    hit = _cache.get((api.base_url, key))
    if hit and time.monotonic() - hit[0] < CONFIG_TTL:
        return hit[1]
    value = fetch(api)
    _cache[(api.base_url, key)] = (time.monotonic(), value)
    return value


def language(tracker: Tracker) -> str:
    lang = tracker.get_slot("language")
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def client() -> PortalClient:
    """A new client per call, so tests can replace it and PORTAL_API_URL is read at call time."""
    return PortalClient()


def pin_digits() -> int | None:
    """The length of the PINs the registry issues (its public config), cached for CONFIG_TTL;
    None when the portal cannot say (then the registry itself judges the PIN)."""
    try:
        return cached("pin_digits", lambda api: int(api.documents_config()["pin_digits"]))
    except (PortalUnavailable, NotFound, RateLimited, KeyError, TypeError, ValueError):
        logger.warning("The registry's PIN length is unknown (portal config unavailable)")
        return None


def pin_length_text(lang: str) -> str:
    digits = pin_digits()
    return say("pin_digits", lang, n=digits) if digits else say("pin_only_digits", lang)


def user_text(tracker: Tracker) -> str:
    text = (tracker.latest_message or {}).get("text") or ""
    return "" if text.startswith("/") else text  # a button's payload is not the resident's words


def _date(value: str | None) -> str:
    """ISO date or datetime → dd.mm.yyyy (the way dates are written in Romania and Hungary too)."""
    if not value:
        return ""
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    return f"{match[3]}.{match[2]}.{match[1]}" if match else value


class ActionSetLanguage(Action):
    """Fills the `language` slot from the metadata the portal's proxy sends with every message."""

    def name(self) -> str:
        return "action_set_language"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        metadata = (tracker.latest_message or {}).get("metadata") or {}
        lang = str(metadata.get("language") or "")[:2].lower()
        if lang in LANGUAGES and lang != tracker.get_slot("language"):
            return [SlotSet("language", lang)]
        return []


class ActionDepartmentInfo(Action):
    """Opening hours and contacts of a department, read live from the CMS."""

    def name(self) -> str:
        return "action_department_info"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        lang = language(tracker)
        try:
            departments = client().departments(lang=lang)
        except (PortalUnavailable, NotFound, RateLimited):
            dispatcher.utter_message(text=say("portal_down", lang))
            return []
        found = matching.best(
            departments, matching.keywords(user_text(tracker)), {"title": 3, "slug": 2, "summary": 1}
        )
        if not found:
            names = ", ".join(d["title"] for d in departments[:4])
            dispatcher.utter_message(text=say("department_pick", lang, names=names))
            return []
        for department in found[:1]:
            dispatcher.utter_message(text=format_department(department, lang))
        return []


def format_department(department: dict[str, Any], lang: str) -> str:
    days = []
    for day in department.get("opening_hours", []):
        spans = ", ".join(f"{i['opens']}–{i['closes']}" for i in day.get("intervals", []))
        # The weekday's number, not the API's name for it: names follow the request's locale.
        days.append(f"{day_name(day['weekday'], lang)} {spans or say('closed', lang)}")
    room = department.get("room") or ""
    return say(
        "department",
        lang,
        title=department["title"],
        state=say("open_now" if department.get("open_now") else "closed_now", lang),
        hours="; ".join(days) or say("unknown", lang),
        phone=department.get("phone") or "—",
        email=department.get("email") or "—",
        address=department.get("address") or "—",
        room=f" ({room})" if room else "",
        url=department.get("url") or "",
    )


def find_service(tracker: Tracker, lang: str) -> dict[str, Any] | None:
    """The catalogue's service that best matches the resident's words (None if none does)."""
    query = matching.keywords(user_text(tracker))
    if not query:
        return None
    services = client().services(lang=lang)
    found = matching.best(services, query, {"title": 3, "slug": 2, "summary": 1})
    return found[0] if found else None


class ActionServiceInfo(Action):
    """What a service needs: documents, fees, term and where to go, from the service pages."""

    def name(self) -> str:
        return "action_service_info"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        lang = language(tracker)
        try:
            service = find_service(tracker, lang)
        except (PortalUnavailable, NotFound, RateLimited):
            dispatcher.utter_message(text=say("portal_down", lang))
            return []
        if service is None:
            dispatcher.utter_message(text=say("service_pick", lang))
            return []
        fees = "; ".join(f"{f['label']}: {f['amount']} lei" for f in service.get("fees", []))
        days = service.get("processing_days")
        dispatcher.utter_message(
            text=say(
                "service",
                lang,
                title=service["title"],
                documents="; ".join(service.get("required_documents", [])) or say("none", lang),
                fees=fees or say("none", lang),
                term=say("days", lang, n=days) if days else say("unknown", lang),
                where=service.get("where_to_go") or service.get("department") or "—",
                url=service.get("url") or "",
            )
        )
        if service.get("online_request"):
            dispatcher.utter_message(text=say("online", lang))
        return []


class ActionAskDocumentNumber(Action):
    def name(self) -> str:
        return "action_ask_document_number"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        dispatcher.utter_message(text=say("ask_number", language(tracker)))
        return []


class ActionAskPin(Action):
    def name(self) -> str:
        return "action_ask_pin"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        lang = language(tracker)
        dispatcher.utter_message(text=say("ask_pin", lang, length=pin_length_text(lang)))
        return []


class ValidateDocumentStatusForm(FormValidationAction):
    """Normalises the registration number and checks the PIN's shape (all digits, the registry's
    length) before asking the registry."""

    def name(self) -> str:
        return "validate_document_status_form"

    def validate_document_number(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        match = NUMBER_RE.search(str(value or ""))
        if not match:
            dispatcher.utter_message(text=say("bad_number", language(tracker)))
            return {"document_number": None}
        return {"document_number": match[0].upper()}

    def validate_pin(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        pin = re.sub(r"\s+", "", str(value or ""))
        digits = pin_digits()
        if not pin.isdigit() or not pin.isascii() or (digits and len(pin) != digits):
            lang = language(tracker)
            dispatcher.utter_message(text=say("bad_pin", lang, length=pin_length_text(lang)))
            return {"pin": None}
        return {"pin": pin}


def status_note(status: dict[str, Any], lang: str) -> str:
    """What the registry wrote to the resident with the current status (e.g. which information
    it needs), from the public timeline; "" when it wrote nothing."""
    current = status.get("status")
    notes = [
        step.get("note")
        for step in status.get("timeline") or []
        if step.get("status") == current and step.get("note")
    ]
    if not notes:
        return " " + say("needs_info_ask", lang) if current == "needs_info" else ""
    return " " + say("needs_info" if current == "needs_info" else "status_note", lang, note=notes[-1])


class ActionDocumentStatus(Action):
    """The document's status from the registry's public API; the number and PIN are then forgotten."""

    def name(self) -> str:
        return "action_document_status"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        lang = language(tracker)
        number, pin = tracker.get_slot("document_number"), tracker.get_slot("pin")
        forget = [SlotSet("document_number", None), SlotSet("pin", None)]
        try:
            status = client().document_status(number=number, pin=pin, lang=lang)
        except NotFound:
            dispatcher.utter_message(text=say("status_not_found", lang))
            return forget
        except RateLimited:
            dispatcher.utter_message(text=say("status_rate_limited", lang))
            return forget
        except PortalUnavailable:
            dispatcher.utter_message(text=say("portal_down", lang))
            return forget
        expected = status.get("expected_completion")
        dispatcher.utter_message(
            text=say(
                "status",
                lang,
                number=status.get("number", number),
                service=status.get("service") or "—",
                status_label=status.get("status_label") or status.get("status"),
                updated=_date(status.get("updated_at")),
                expected=say("expected", lang, date=_date(expected)) if expected else "",
                overdue=say("overdue", lang) if status.get("overdue") else "",
                note=status_note(status, lang),
                tracking_url=status.get("tracking_url") or "",
            ),
            json_message={"document_status": status.get("status")},
        )
        return forget
