"""Actions over the city's other public data: the map, open data, tutorials, and requests for
a human (which the document registry records and numbers)."""

from __future__ import annotations

import re

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from . import matching
from .actions import CITY_CENTRE, cached, client, find_service, language, user_text
from .clients import NotFound, PortalUnavailable, RateLimited
from .texts import LANGUAGES, say

KINDS = ("building", "wifi", "parking")
# Checked in this order: "internet gratuit în parc" is about Wi-Fi, not parking.
KIND_WORDS = {
    "wifi": ("wifi", "wi fi", "hotspot", "internet", "wlan"),
    "parking": (
        "parcare",
        "parcari",
        "parchez",
        "parca ",
        "parking",
        "car park",
        "park near",
        "to park",
        "park my",
        "masina",
        "my car",
        "parkolo",
    ),
    "building": (
        "cladire",
        "cladiri",
        "institutie",
        "ghiseu",
        "building",
        "institution",
        "office",
        "primarie",
        "city hall",
        "kozepulet",
    ),
}
COORDS_RE = re.compile(r"(-?\d{1,2}[.,]\d+)\s*[,;]\s*(-?\d{1,3}[.,]\d+)")
PLACE_RE = re.compile(
    r"\b(?:pe langa|in apropiere de|aproape de|langa|near|close to|around|next to|by|la|de)\s+(.+)$"
)
HU_PLACE_RE = re.compile(r"\S(\s+(?:kozeleben|mellett|kornyeken)\b)")
NOT_PLACES = {"mine", "me", "aici", "here", "noi", "us", "centru", "centre", "center", "downtown"}


def detect_kind(tracker: Tracker) -> str | None:
    for entity in (tracker.latest_message or {}).get("entities", []):
        if entity.get("entity") == "kind" and entity.get("value") in KINDS:
            return entity["value"]
    folded = " " + " ".join(matching.words(user_text(tracker))) + " "
    for kind, needles in KIND_WORDS.items():
        if any(f" {n}" in folded for n in needles):
            return kind
    return None


def _fold_each(text: str) -> str:
    """`matching.fold` character by character, so positions in the result are positions in `text`."""
    return "".join(f if len(f := matching.fold(ch)) == 1 else ch.lower() for ch in text)


def _hungarian_place(text: str, folded: str) -> str | None:
    """ "a Főtér közelében" → "Főtér": the words between the last article and the postposition."""
    match = HU_PLACE_RE.search(folded)
    if not match:
        return None
    start = match.start(1)
    words = list(re.finditer(r"\S+", folded[:start]))
    articles = [w for w in words if w[0] in ("a", "az")]
    begin = articles[-1].end() if articles else (words[-1].start() if words else 0)
    return text[begin:start].strip(" ,") or None


def detect_place(text: str) -> str | tuple[float, float] | None:
    """Coordinates ("46.18, 21.31") or the words after "near"/"lângă" (before "közelében"), as
    the resident wrote them: the map's search handles diacritics (None: no place given)."""
    coords = COORDS_RE.search(text)
    if coords:
        return float(coords[1].replace(",", ".")), float(coords[2].replace(",", "."))
    text = re.sub(r"[?!.]+$", "", text.strip())
    folded = _fold_each(text)
    match = PLACE_RE.search(folded)
    if match:
        place = text[match.start(1) :].strip()
        place = re.sub(r"^(the|a)\s+", "", place, flags=re.IGNORECASE)
    else:
        place = _hungarian_place(text, folded) or ""
    return None if not place or _fold_each(place) in NOT_PLACES else place


class ActionNearestPlace(Action):
    """Nearest public building, Wi-Fi hotspot or parking from the map API, from a place or coordinates."""

    def name(self) -> str:
        return "action_nearest_place"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        lang = language(tracker)
        kind = detect_kind(tracker)
        if kind is None:
            buttons = [
                {"title": say(f"kind_{k}", lang), "payload": f'/find_nearest{{"kind": "{k}"}}'} for k in KINDS
            ]
            dispatcher.utter_message(text=say("kind_pick", lang), buttons=buttons)
            return []
        place = detect_place(user_text(tracker))
        lat, lon = CITY_CENTRE
        origin = say("city_centre", lang)
        try:
            if isinstance(place, tuple):
                (lat, lon), origin = place, f"{place[0]}, {place[1]}"
            elif place:
                found = client().places(q=place, limit=1)
                if found:
                    lat, lon, origin = found[0]["lat"], found[0]["lon"], found[0]["name"]
                else:
                    dispatcher.utter_message(text=say("place_unknown", lang, place=place))
            results = client().nearest(kind=kind, lat=lat, lon=lon, lang=lang, limit=3)
        except (PortalUnavailable, NotFound, RateLimited):
            dispatcher.utter_message(text=say("portal_down", lang))
            return []
        if not results:
            dispatcher.utter_message(text=say("nearest_none", lang))
            return []
        lines = [say("nearest", lang, kind=say(f"kind_{kind}", lang), origin=origin)]
        for number, item in enumerate(results, start=1):
            address = f", {item['address']}" if item.get("address") else ""
            url = f" {item['url']}" if item.get("url") else ""
            lines.append(f"{number}. {item['name']} — {round(item['distance_m'])} m{address}{url}")
        dispatcher.utter_message(text="\n".join(lines))
        return []


def matching_themes(topic_words: list[str]) -> list[str]:
    """Names of the catalogue's themes whose title, in any of the portal's languages, contains
    one of the topic's words in some form ("environment", "mediului", "környezet" → envi)."""
    names: list[str] = []
    for lang in LANGUAGES:
        try:
            themes = cached(f"themes:{lang}", lambda api, lang=lang: api.themes(lang=lang))
        except (PortalUnavailable, NotFound, RateLimited):
            continue
        for theme in themes if isinstance(themes, list) else []:
            title = str(theme.get("display_name") or theme.get("title") or "")
            if theme.get("name") not in names and matching.score(topic_words, title):
                names.append(theme["name"])
    return names


def find_datasets(topic_words: list[str], lang: str) -> dict:
    """Datasets on the topic: all its words, else any one of them, else its themes in any language
    (titles are written in Romanian first; an English or Hungarian topic may only name a theme).
    `lang` tells the catalogue which language the words are in."""
    result = client().datasets(q=" ".join(topic_words), lang=lang)
    for word in topic_words if not result.get("count") else []:
        result = client().datasets(q=word, lang=lang)
        if result.get("count"):
            return result
    if not result.get("count"):
        themes = matching_themes(topic_words)
        if themes:
            fq = " OR ".join(f"groups:{name}" for name in themes)
            result = client().datasets(fq=f"({fq})" if len(themes) > 1 else fq, lang=lang)
    return result


class ActionSearchDatasets(Action):
    """Open datasets on a topic from the CKAN-compatible catalogue, asked in any language."""

    def name(self) -> str:
        return "action_search_datasets"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        lang = language(tracker)
        topic_words = matching.keywords(user_text(tracker))
        if not topic_words:
            dispatcher.utter_message(text=say("topic_pick", lang))
            return []
        topic = " ".join(topic_words)
        try:
            result = find_datasets(topic_words, lang)
        except (PortalUnavailable, NotFound, RateLimited):
            dispatcher.utter_message(text=say("portal_down", lang))
            return []
        packages = result.get("results", [])
        if not packages:
            dispatcher.utter_message(text=say("datasets_none", lang, topic=topic))
            return []
        lines = [say("datasets", lang, topic=topic, count=result.get("count", len(packages)))]
        for package in packages[:3]:
            url = package.get("url") or ""
            lines.append(f"• {package.get('title') or package.get('name')}{' ' + url if url else ''}")
        dispatcher.utter_message(text="\n".join(lines))
        return []


class ActionTutorial(Action):
    """The tutorial for a service, from the training app."""

    def name(self) -> str:
        return "action_tutorial"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        lang = language(tracker)
        try:
            service = find_service(tracker, lang)
            if service is None:
                dispatcher.utter_message(text=say("service_pick", lang))
                return []
            tutorials = client().tutorials(service=service["slug"], lang=lang)
        except (PortalUnavailable, NotFound, RateLimited):
            dispatcher.utter_message(text=say("portal_down", lang))
            return []
        if not tutorials:
            dispatcher.utter_message(
                text=say("tutorials_none", lang, service=service["title"], url=service.get("url") or "")
            )
            return []
        lines = [say("tutorials", lang, service=service["title"])]
        for tutorial in tutorials[:3]:
            course = f" ({tutorial['course']})" if tutorial.get("course") else ""
            lines.append(f"• {tutorial['title']}{course} {tutorial['url']}")
        dispatcher.utter_message(text="\n".join(lines))
        return []


class ActionCreateRequest(Action):
    """Report a problem or ask for a human: a request in the document registry, with its number."""

    def name(self) -> str:
        return "action_create_request"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        lang = language(tracker)
        intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
        text = user_text(tracker)
        if intent == "report_problem" and text:
            subject, message = say("subject_problem", lang), text
        else:
            subject, message = say("subject_human", lang), say("human_message", lang, text=text or "—")
        try:
            created = client().create_request(subject=subject, message=message, lang=lang)
        except (PortalUnavailable, NotFound, RateLimited):
            dispatcher.utter_message(text=say("portal_down", lang))
            return []
        dispatcher.utter_message(
            text=say(
                "request_created",
                lang,
                number=created.get("number"),
                pin=created.get("pin"),
                tracking_url=created.get("tracking_url") or "",
            )
        )
        if intent == "request_human":  # the portal also puts the chat in the operators' inbox
            dispatcher.utter_message(json_message={"handoff": True})
        return []
