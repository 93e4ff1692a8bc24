"""Unit tests of the custom actions: tracker fixtures and a stubbed HTTP layer.

Run in .venv-rasa from the repository's root (scripts/rasa.sh test does):
    .venv-rasa/bin/python -m unittest discover -s chatbot/tests/actions -t chatbot/tests/actions
"""

from __future__ import annotations

import unittest
from typing import Any
from unittest import mock
from urllib.parse import urlsplit

import requests
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from chatbot.actions import actions, city_data, matching
from chatbot.actions.clients import PortalClient

STATUS = {
    "number": "AR-2026-000123",
    "service": "Certificat de urbanism",
    "status": "in_review",
    "status_label": "În analiză",
    "registered_at": "2026-11-02T09:00:00+02:00",
    "updated_at": "2026-11-10T12:00:00+02:00",
    "expected_completion": "2026-12-02",
    "overdue": False,
    "timeline": [],
    "tracking_url": "http://portal.test/ro/documente/urmarire/abc",
}
DEPARTMENTS = [
    {
        "slug": "registratura",
        "title": "Registratură",
        "summary": "Primește cererile adresate primăriei.",
        "email": "registratura@example.org",
        "phone": "+40 257 000 000",
        "address": "Piața Avram Iancu 10",
        "room": "Parter",
        "url": "http://portal.test/ro/directii/registratura/",
        "open_now": True,
        "opening_hours": [
            {"weekday": 0, "name": "Luni", "intervals": [{"opens": "08:30", "closes": "16:30"}]}
        ],
    },
    {
        "slug": "stare-civila",
        "title": "Serviciul Stare Civilă",
        "summary": "Acte de naștere și căsătorie.",
        "email": "starecivila@example.org",
        "phone": "+40 257 111 111",
        "address": "Str. Unirii 5",
        "room": "",
        "url": "http://portal.test/ro/directii/stare-civila/",
        "open_now": False,
        "opening_hours": [{"weekday": 5, "name": "Sâmbătă", "intervals": []}],
    },
]
SERVICES = [
    {
        "slug": "certificat-urbanism",
        "title": "Certificat de urbanism",
        "summary": "Pentru construire.",
        "required_documents": ["Cerere", "Plan de situație"],
        "fees": [{"label": "Taxă", "amount": "15.00"}],
        "processing_days": 30,
        "department": "Urbanism",
        "where_to_go": "Ghișeul 7",
        "url": "http://portal.test/ro/servicii/certificat-urbanism/",
        "online_request": True,
    },
]


class FakeResponse:
    def __init__(self, status: int, body: Any) -> None:
        self.status_code, self._body = status, body

    def json(self) -> Any:
        return self._body


class FakeSession:
    """Answers like the portal's API; records every call."""

    def __init__(self, routes: dict[str, Any]) -> None:
        self.routes, self.calls = routes, []

    def request(self, method: str, url: str, **kwargs: Any) -> FakeResponse:
        path = urlsplit(url).path
        self.calls.append((method, path, kwargs))
        answer = self.routes.get(path)
        if isinstance(answer, Exception):
            raise answer
        if callable(answer):
            return answer(method, kwargs)
        return FakeResponse(200, answer) if answer is not None else FakeResponse(404, {"detail": "nf"})


def tracker(
    text: str,
    *,
    intent: str = "",
    lang: str = "ro",
    slots: dict | None = None,
    entities: list | None = None,
    metadata: dict | None = None,
) -> Tracker:
    return Tracker(
        sender_id="test",
        slots={"language": lang, **(slots or {})},
        latest_message={
            "text": text,
            "intent": {"name": intent, "confidence": 1.0},
            "entities": entities or [],
            "metadata": metadata or {},
        },
        events=[],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


class ActionTestCase(unittest.TestCase):
    routes: dict[str, Any] = {}

    def setUp(self) -> None:
        self.session = FakeSession(dict(self.routes))
        patcher = mock.patch.object(
            actions, "client", lambda: PortalClient(base_url="http://portal.test", session=self.session)
        )
        patcher.start()
        self.addCleanup(patcher.stop)
        actions._cache.clear()
        self.dispatcher = CollectingDispatcher()

    def run_action(self, action: Any, t: Tracker) -> list:
        return action.run(self.dispatcher, t, {})

    def texts(self) -> str:
        return "\n".join(m.get("text") or "" for m in self.dispatcher.messages)


class DocumentStatusTests(ActionTestCase):
    routes = {"/api/v1/documents/status": STATUS, "/api/v1/documents/config": {"pin_digits": 6}}

    def test_status_in_the_conversation_language_and_slots_forgotten(self) -> None:
        t = tracker("AR-2026-000123 4821", slots={"document_number": "AR-2026-000123", "pin": "4821"})
        events = self.run_action(actions.ActionDocumentStatus(), t)
        self.assertIn("În analiză", self.texts())
        self.assertIn("02.12.2026", self.texts())
        self.assertIn(STATUS["tracking_url"], self.texts())
        self.assertEqual(events, [SlotSet("document_number", None), SlotSet("pin", None)])
        method, path, kwargs = self.session.calls[0]
        self.assertEqual(kwargs["params"], {"number": "AR-2026-000123", "pin": "4821", "lang": "ro"})

    def test_needs_more_information_says_what_is_needed(self) -> None:
        note = "Please add the cadastral plan."
        self.session.routes["/api/v1/documents/status"] = {
            **STATUS,
            "status": "needs_info",
            "status_label": "Needs more information",
            "timeline": [
                {"status": "registered", "note": "", "at": "2026-11-02T09:00:00+02:00"},
                {"status": "needs_info", "note": note, "at": "2026-11-10T12:00:00+02:00"},
            ],
        }
        t = tracker("x", lang="en", slots={"document_number": "AR-2026-000123", "pin": "482193"})
        self.run_action(actions.ActionDocumentStatus(), t)
        self.assertIn(f"The registry needs more information: {note}", self.texts())

    def test_needs_more_information_without_a_note_points_to_the_tracking_page(self) -> None:
        self.session.routes["/api/v1/documents/status"] = {**STATUS, "status": "needs_info"}
        t = tracker("x", lang="hu", slots={"document_number": "AR-2026-000123", "pin": "482193"})
        self.run_action(actions.ActionDocumentStatus(), t)
        self.assertIn("további információra van szüksége; a részletek", self.texts())

    def test_english(self) -> None:
        t = tracker("x", lang="en", slots={"document_number": "AR-2026-000123", "pin": "4821"})
        self.run_action(actions.ActionDocumentStatus(), t)
        self.assertIn("is at status", self.texts())
        self.assertEqual(self.session.calls[0][2]["params"]["lang"], "en")

    def test_wrong_pin_or_unknown_number(self) -> None:
        self.session.routes["/api/v1/documents/status"] = lambda m, kw: FakeResponse(404, {"detail": "x"})
        t = tracker("x", lang="en", slots={"document_number": "AR-2026-000999", "pin": "0000"})
        self.run_action(actions.ActionDocumentStatus(), t)
        self.assertIn("found no document", self.texts())

    def test_rate_limited(self) -> None:
        self.session.routes["/api/v1/documents/status"] = lambda m, kw: FakeResponse(429, {})
        self.run_action(
            actions.ActionDocumentStatus(), tracker("x", slots={"document_number": "A", "pin": "1"})
        )
        self.assertIn("Prea multe", self.texts())

    def test_portal_down(self) -> None:
        self.session.routes["/api/v1/documents/status"] = requests.ConnectionError("refused")
        self.run_action(
            actions.ActionDocumentStatus(), tracker("x", slots={"document_number": "A", "pin": "1"})
        )
        self.assertIn("Nu pot accesa", self.texts())

    def test_form_validation_normalises_number_and_checks_pin(self) -> None:
        form = actions.ValidateDocumentStatusForm()
        t = tracker("ar-2026-000123")
        self.assertEqual(
            form.validate_document_number("ar-2026-000123", self.dispatcher, t, {}),
            {"document_number": "AR-2026-000123"},
        )
        self.assertEqual(
            form.validate_document_number("123", self.dispatcher, t, {}), {"document_number": None}
        )
        self.assertEqual(form.validate_pin("482193", self.dispatcher, t, {}), {"pin": "482193"})
        self.assertEqual(form.validate_pin(" 0042 17", self.dispatcher, t, {}), {"pin": "004217"})
        for wrong in ("4821", "48219300", "48a193", "４８２１９３"):
            self.assertEqual(form.validate_pin(wrong, self.dispatcher, t, {}), {"pin": None})
        self.assertIn("are 6 cifre", self.texts())

    def test_pin_length_comes_from_the_registry_and_is_cached(self) -> None:
        self.session.routes["/api/v1/documents/config"] = {"pin_digits": 7}
        form, t = actions.ValidateDocumentStatusForm(), tracker("x", lang="en")
        actions.ActionAskPin().run(self.dispatcher, t, {})
        self.assertIn("(7 digits)", self.texts())
        self.assertEqual(form.validate_pin("1234567", self.dispatcher, t, {}), {"pin": "1234567"})
        self.assertEqual(form.validate_pin("123456", self.dispatcher, t, {}), {"pin": None})
        config_calls = [c for c in self.session.calls if c[1] == "/api/v1/documents/config"]
        self.assertEqual(len(config_calls), 1)

    def test_pin_length_unknown_when_the_portal_is_down(self) -> None:
        self.session.routes["/api/v1/documents/config"] = requests.ConnectionError("refused")
        form, t = actions.ValidateDocumentStatusForm(), tracker("x", lang="en")
        actions.ActionAskPin().run(self.dispatcher, t, {})
        self.assertIn("(digits only)", self.texts())
        self.assertEqual(form.validate_pin("123456", self.dispatcher, t, {}), {"pin": "123456"})
        self.assertEqual(form.validate_pin("12x456", self.dispatcher, t, {}), {"pin": None})


class LanguageTests(ActionTestCase):
    def test_language_from_metadata(self) -> None:
        events = self.run_action(actions.ActionSetLanguage(), tracker("hi", metadata={"language": "en"}))
        self.assertEqual(events, [SlotSet("language", "en")])
        self.assertEqual(
            self.run_action(actions.ActionSetLanguage(), tracker("x", metadata={"language": "xx"})), []
        )


class DepartmentAndServiceTests(ActionTestCase):
    routes = {"/api/v1/departments": DEPARTMENTS, "/api/v1/services": SERVICES}

    def test_hours_of_the_named_department_without_diacritics(self) -> None:
        self.run_action(actions.ActionDepartmentInfo(), tracker("cand e deschis la stare civila?"))
        text = self.texts()
        self.assertIn("Serviciul Stare Civilă", text)
        self.assertIn("Sâmbătă închis", text)
        self.assertIn("+40 257 111 111", text)

    def test_hungarian_question_answered_in_hungarian(self) -> None:
        hungarian = [
            {**DEPARTMENTS[0], "title": "Általános Iktató és Ügyféltájékoztató Iroda"},
            DEPARTMENTS[1],
        ]
        self.session.routes["/api/v1/departments"] = hungarian
        self.run_action(actions.ActionDepartmentInfo(), tracker("Mikor van nyitva az iktató?", lang="hu"))
        self.assertIn("Általános Iktató", self.texts())
        self.assertIn("Nyitvatartás: Hétfő 08:30–16:30", self.texts())
        self.assertEqual(self.session.calls[0][2]["params"], {"lang": "hu"})

    def test_unknown_department_lists_some(self) -> None:
        self.run_action(actions.ActionDepartmentInfo(), tracker("/ask_hours_contacts"))
        self.assertIn("Registratură, Serviciul Stare Civilă", self.texts())

    def test_service_requirements(self) -> None:
        self.run_action(
            actions.ActionServiceInfo(), tracker("ce acte trebuie pentru certificatul de urbanism?")
        )
        text = self.texts()
        self.assertIn("Cerere; Plan de situație", text)
        self.assertIn("Taxă: 15.00 lei", text)
        self.assertIn("30 zile", text)
        self.assertIn("online", text)


class MapTests(ActionTestCase):
    def setUp(self) -> None:
        super().setUp()
        city_patch = mock.patch.object(city_data, "client", actions.client)
        city_patch.start()
        self.addCleanup(city_patch.stop)
        self.session.routes.update(
            {
                "/api/v1/gis/places": [
                    {"name": "Piața Avram Iancu", "kind": "square", "lat": 46.17, "lon": 21.31}
                ],
                "/api/v1/gis/nearest": [
                    {
                        "name": "Hotspot Primărie",
                        "kind": "wifi",
                        "distance_m": 42.4,
                        "lat": 46.17,
                        "lon": 21.31,
                        "address": "Bd. Revoluției 75",
                        "url": "",
                    }
                ],
            }
        )

    def test_nearest_wifi_near_a_named_place(self) -> None:
        self.run_action(city_data.ActionNearestPlace(), tracker("wifi gratuit lângă Piața Avram Iancu?"))
        self.assertIn("Hotspot Primărie — 42 m", self.texts())
        places = [c for c in self.session.calls if c[1] == "/api/v1/gis/places"][0]
        self.assertEqual(places[2]["params"]["q"], "Piața Avram Iancu")  # as written: the map folds
        nearest = [c for c in self.session.calls if c[1] == "/api/v1/gis/nearest"][0]
        self.assertEqual(nearest[2]["params"]["kind"], "wifi")
        self.assertEqual(nearest[2]["params"]["lat"], 46.17)

    def test_place_without_diacritics_and_in_hungarian_is_sent_as_written(self) -> None:
        self.run_action(city_data.ActionNearestPlace(), tracker("wifi langa piata avram iancu"))
        self.run_action(
            city_data.ActionNearestPlace(), tracker("van wifi a Szentháromság tér közelében?", lang="hu")
        )
        places = [c[2]["params"]["q"] for c in self.session.calls if c[1] == "/api/v1/gis/places"]
        self.assertEqual(places, ["piata avram iancu", "Szentháromság tér"])
        self.assertIn("Ingyenes Wi-Fi legközelebb ehhez: Piața Avram Iancu", self.texts())

    def test_coordinates_and_parking(self) -> None:
        self.run_action(city_data.ActionNearestPlace(), tracker("parking near 46.19, 21.30", lang="en"))
        nearest = [c for c in self.session.calls if c[1] == "/api/v1/gis/nearest"][0]
        self.assertEqual((nearest[2]["params"]["kind"], nearest[2]["params"]["lat"]), ("parking", 46.19))

    def test_kind_asked_with_buttons(self) -> None:
        self.run_action(city_data.ActionNearestPlace(), tracker("/find_nearest"))
        self.assertEqual(len(self.dispatcher.messages[0]["buttons"]), 3)


class OtherDataTests(ActionTestCase):
    def setUp(self) -> None:
        super().setUp()
        city_patch = mock.patch.object(city_data, "client", actions.client)
        city_patch.start()
        self.addCleanup(city_patch.stop)

    def test_datasets_from_ckan_falls_back_to_single_words(self) -> None:
        def search(method: str, kwargs: dict) -> FakeResponse:
            q = kwargs["params"]["q"]
            results = [{"name": "transport", "title": "Transport public"}] if q == "transport" else []
            return FakeResponse(200, {"success": True, "result": {"count": len(results), "results": results}})

        self.session.routes["/api/3/action/package_search"] = search
        self.run_action(
            city_data.ActionSearchDatasets(), tracker("open data about transport lines", lang="en")
        )
        self.assertIn("Transport public", self.texts())

    def test_english_question_finds_romanian_datasets_through_their_theme(self) -> None:
        def search(method: str, kwargs: dict) -> FakeResponse:
            found = kwargs["params"].get("fq") == "groups:envi"
            results = [{"name": "calitatea-aerului", "title": "Calitatea aerului"}] if found else []
            return FakeResponse(200, {"success": True, "result": {"count": len(results), "results": results}})

        def themes(method: str, kwargs: dict) -> FakeResponse:
            title = {"ro": "Mediu", "en": "Environment", "hu": "Környezet"}[
                kwargs["headers"]["Accept-Language"]
            ]
            return FakeResponse(200, {"success": True, "result": [{"name": "envi", "display_name": title}]})

        self.session.routes["/api/3/action/package_search"] = search
        self.session.routes["/api/3/action/group_list"] = themes
        question = "Do you have any open data about the environment?"
        self.run_action(city_data.ActionSearchDatasets(), tracker(question, lang="en"))
        self.assertIn("Calitatea aerului", self.texts())
        searched = [c[2]["params"].get("q") for c in self.session.calls if c[1].endswith("package_search")]
        self.assertEqual(searched[0], "environment")  # the question's own words are gone
        langs = {c[2]["params"].get("lang") for c in self.session.calls if c[1].endswith("package_search")}
        self.assertEqual(langs, {"en"})  # the catalogue is told which language the words are in

    def test_question_words_dropped_in_every_language(self) -> None:
        self.session.routes["/api/3/action/package_search"] = lambda m, kw: FakeResponse(
            200, {"success": True, "result": {"count": 0, "results": []}}
        )
        self.session.routes["/api/3/action/group_list"] = {"success": True, "result": []}
        questions = {
            "en": "Hi, have you got any datasets on air quality?",
            "ro": "Aveți cumva niște date deschise despre calitatea aerului?",
            "hu": "Vannak nyílt adatok a levegő minőségéről?",
        }
        for lang, question in questions.items():
            self.run_action(city_data.ActionSearchDatasets(), tracker(question, lang=lang))
        searched = [c[2]["params"]["q"] for c in self.session.calls if c[1].endswith("package_search")]
        self.assertEqual(searched[0], "air quality")
        self.assertIn("calitatea aerului", searched)
        self.assertTrue(all("vannak" not in q and "have" not in q and "aveti" not in q for q in searched))

    def test_tutorial_for_the_matching_service(self) -> None:
        self.session.routes.update(
            {
                "/api/v1/services": SERVICES,
                "/api/v1/training/tutorials": [
                    {"title": "Cererea online", "url": "http://portal.test/t/1", "course": "Ghișeul online"}
                ],
            }
        )
        self.run_action(city_data.ActionTutorial(), tracker("tutorial pentru certificatul de urbanism"))
        self.assertIn("Cererea online (Ghișeul online) http://portal.test/t/1", self.texts())
        call = [c for c in self.session.calls if c[1] == "/api/v1/training/tutorials"][0]
        self.assertEqual(call[2]["params"], {"service": "certificat-urbanism", "lang": "ro"})

    def test_report_problem_creates_a_request(self) -> None:
        self.session.routes["/api/v1/documents/requests"] = lambda m, kw: FakeResponse(
            201, {"number": "AR-2026-000200", "pin": "1234", "tracking_url": "http://portal.test/t/x"}
        )
        text = "there is a pothole on Eminescu street"
        self.run_action(city_data.ActionCreateRequest(), tracker(text, intent="report_problem", lang="en"))
        self.assertIn("AR-2026-000200 (PIN 1234)", self.texts())
        body = self.session.calls[0][2]["json"]
        self.assertEqual((body["message"], body["channel"], body["lang"]), (text, "chatbot", "en"))
        self.assertNotIn({"handoff": True}, [m.get("custom") for m in self.dispatcher.messages])

    def test_asking_for_a_person_registers_a_request_and_hands_the_chat_over(self) -> None:
        self.session.routes["/api/v1/documents/requests"] = lambda m, kw: FakeResponse(
            201, {"number": "AR-2026-000201", "pin": "123456", "tracking_url": "http://portal.test/t/y"}
        )
        self.run_action(
            city_data.ActionCreateRequest(), tracker("talk to a human", intent="request_human", lang="en")
        )
        self.assertIn("AR-2026-000201 (PIN 123456)", self.texts())
        self.assertIn({"handoff": True}, [m.get("custom") for m in self.dispatcher.messages])


class MatchingTests(unittest.TestCase):
    def test_the_city_s_names_come_from_its_configuration(self) -> None:
        question = "date despre calitatea aerului în Dunăreni"
        with mock.patch.dict("os.environ", {"CITY_NAMES": "Dunăreni,Dunaszeg"}):
            self.assertEqual(matching.keywords(question), ["calitatea", "aerului"])
            self.assertEqual(matching.keywords("Dunaszeg parkolás"), ["parkolas"])
        with mock.patch.dict("os.environ", {"CITY_NAMES": "Arad"}):
            self.assertIn("dunareni", matching.keywords(question))


if __name__ == "__main__":
    unittest.main()
