"""The real assistant: Rasa's own quality checks, and end-to-end conversations in which the Rasa
server and the action server answer through the portal's proxy from a live portal's data."""

from __future__ import annotations

import re

import pytest
import requests
from django.core.management import call_command

from portal.core.services import health_report

from .conftest import ROOT, TEST_RASA_PORT, rasa_sh, require_rasa

pytestmark = pytest.mark.rasa
QUESTIONS = {
    "ro": "Care este stadiul documentului AR-2026-000123?",
    "en": "What is the status of document AR-2026-000123?",
}


def test_validate_nlu_f1_stories_and_action_unit_tests() -> None:
    """`rasa data validate` clean, held-out intent macro-F1 >= 0.90, stories without prediction
    errors, and the actions' unit tests (tracker fixtures, stubbed HTTP)."""
    require_rasa()
    result = rasa_sh(
        "test", env={"RASA_RESULTS_DIR": str(ROOT / "var" / f"rasa-results-{TEST_RASA_PORT}")}, timeout=900
    )
    output = result.stdout + result.stderr
    print(output)
    assert result.returncode == 0, output
    f1 = float(re.search(r"intent macro-F1: ([0-9.]+)", output)[1])
    assert f1 >= 0.90
    assert re.search(r"Ran \d+ tests", output) and "OK" in output


def chat(base: str, message: str, lang: str, conversation: str | None = None) -> dict:
    body = {"message": message, "lang": lang, "conversation": conversation}
    response = requests.post(f"{base}/api/v1/chatbot/message", json=body, timeout=60)
    assert response.status_code == 200, response.text
    return response.json()


def texts(answer: dict) -> str:
    return " ".join(m["text"] for m in answer["messages"])


def public_status(base: str, lang: str) -> dict:
    params = {"number": "AR-2026-000123", "pin": "4821", "lang": lang}
    return requests.get(f"{base}/api/v1/documents/status", params=params, timeout=10).json()


@pytest.mark.browser
def test_resident_gets_the_registry_status_from_the_assistant(
    rasa_servers, live_server, transactional_db, settings, page
) -> None:
    """The "Done when" path, end to end: real Rasa server and action server, live portal with the
    demo registry; status asked through the proxy in Romanian and English, then in the widget.
    (One test: the live server's data are loaded once and the database is put back afterwards.)"""
    call_command("load_demo", verbosity=0)
    call_command("load_demo_documents", verbosity=0)
    settings.RASA_URL = rasa_servers
    base = live_server.url
    assert requests.get(f"{base}/healthz", timeout=10).json()["checks"]["rasa"] == {"ok": True}
    rasa_health = health_report()["checks"]["rasa"]  # the details /healthz shows staff only
    assert rasa_health["ok"] is True and rasa_health["detail"].startswith("Hello from Rasa: 3.6"), rasa_health

    for lang, question in QUESTIONS.items():
        expected = public_status(base, lang)
        first = chat(base, question, lang)
        assert first["available"] is True
        assert "PIN" in texts(first)  # the form asks for it
        answer = chat(base, "4821", lang, first["conversation"])
        assert expected["status_label"] in texts(answer), texts(answer)
        assert expected["tracking_url"] in texts(answer)
        assert {"document_status": "in_review"} in [m["custom"] for m in answer["messages"]]
        assert ("stadiul" if lang == "ro" else "is at status") in texts(answer)
    assert "found no document" in texts(chat(base, "Status AR-2026-000123 PIN 1111", "en"))

    departments = requests.get(f"{base}/api/v1/departments?lang=en", timeout=10).json()
    department = next(d for d in departments if d["title"].startswith("Central Registry"))
    hours = texts(chat(base, "What are the opening hours of the registry?", "en"))
    assert department["title"] in hours and department["phone"] in hours
    assert "Monday 08:30–16:30" in hours

    # In the widget, as a resident would: keyboard only, Romanian.
    page.goto(f"{base}/ro/")
    launcher = page.locator("button.chatbot__launcher")
    assert launcher.get_attribute("aria-expanded") == "false"
    launcher.click()
    assert launcher.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement.id") == "chatbot-input"
    box = page.get_by_label("Mesajul dumneavoastră")
    box.fill("Care este stadiul documentului AR-2026-000123?")
    box.press("Enter")
    log = page.locator(".chatbot__messages")
    assert log.get_attribute("aria-live") == "polite"
    log.get_by_text("codul PIN", exact=False).wait_for(timeout=60_000)
    box.fill("4821")
    box.press("Enter")
    log.get_by_text(public_status(base, "ro")["status_label"], exact=False).first.wait_for(timeout=60_000)
    page.keyboard.press("Escape")
    assert page.locator("#chatbot-panel").is_hidden()
    assert page.evaluate("document.activeElement.classList.contains('chatbot__launcher')")
