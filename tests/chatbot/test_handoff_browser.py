"""The live hand-off end to end in a real Chromium, with the real Rasa server behind the proxy:
a resident asks for a person in the widget, a chat operator signed in to the Wagtail admin (a
second browser context) reads the transcript, claims the chat and answers; the resident sees the
answer without reloading, and the chat page without JavaScript shows it on reload. When nobody
answers in time, the resident asks for a call-back that the document registry registers."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group, User
from django.utils import translation
from playwright.sync_api import expect

from chatbot.models import ChatMessage, Conversation, Handoff
from portal.documents import selectors as registry
from tests.browser.test_accessibility import axe_violations

pytestmark = [pytest.mark.rasa, pytest.mark.browser]
PASSWORD = "chat-operator-pass-1234"
LOCALES = {"ro": "ro-RO", "en": "en-GB", "hu": "hu-HU"}
GREETING = {"ro": "Bună ziua", "en": "Hello", "hu": "Jó napot"}
QUESTION = {
    "ro": "Am nevoie de ajutor cu certificatul fiscal",
    "en": "I need help with my tax certificate",
    "hu": "Segítség kell az adóigazolásommal",
}
ANSWER = {
    "ro": "Bună ziua, verific acum certificatul dumneavoastră.",
    "en": "Hello, I am checking your certificate now.",
    "hu": "Jó napot, most ellenőrzöm az igazolását.",
}


def translated(text: str, lang: str) -> str:
    with translation.override(lang):
        return translation.gettext(text)


@pytest.fixture
def live(rasa_servers, live_server, transactional_db, settings) -> str:
    settings.RASA_URL = rasa_servers
    settings.CHAT_HANDOFF_POLL_SECONDS = 1
    return live_server.url


@pytest.fixture
def operator_tab(browser, live):
    """A chat operator signed in to the Wagtail admin in a browser context of their own."""
    user = User.objects.create_user("ioana", password=PASSWORD, first_name="Ioana")
    user.groups.add(Group.objects.get(name="Chat operators"))
    context = browser.new_context(locale="ro-RO")
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    tab.goto(f"{live}/admin/login/")
    tab.fill("#id_username", "ioana")
    tab.fill("#id_password", PASSWORD)
    tab.click("button[type=submit]")
    tab.wait_for_url(re.compile(r"/admin/$"))
    yield tab
    context.close()


def open_widget(browser, live: str, lang: str):
    context = browser.new_context(locale=LOCALES[lang])
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    tab.goto(f"{live}/{lang}/search/")  # any page of the site carries the widget
    tab.locator("button.chatbot__launcher").click()
    assert tab.evaluate("document.activeElement.id") == "chatbot-input"
    return context, tab


@pytest.mark.parametrize("lang", ["ro", "en", "hu"])
def test_resident_talks_to_an_operator(browser, live, operator_tab, lang) -> None:
    context, tab = open_widget(browser, live, lang)
    log = tab.locator("#chatbot-panel .chatbot__messages")
    assert log.get_attribute("role") == "log" and log.get_attribute("aria-live") == "polite"
    box = tab.get_by_label(translated("Your message", lang))

    # The assistant answers first (the real Rasa), then the resident asks for a person (keyboard).
    box.fill(GREETING[lang])
    box.press("Enter")
    tab.locator(".chatbot__msg--assistant").nth(1).wait_for(timeout=60_000)
    human = tab.locator("button.chatbot__human")
    assert human.inner_text().strip() == translated("Talk to a person", lang)
    tab.evaluate("window.samePage = true")
    human.focus()
    tab.keyboard.press("Enter")
    waiting = translated(
        "You asked to talk to a person. An operator will answer here shortly; until then the assistant "
        "stays silent.",
        lang,
    )
    tab.locator(".chatbot__msg--system", has_text=waiting).wait_for()
    assert human.is_hidden()
    conversation = Conversation.objects.get()
    bot_line = ChatMessage.objects.filter(conversation=conversation, sender="assistant").first()
    assert bot_line is not None  # what Rasa answered is in the transcript

    # While the chat waits for a person the assistant stays silent.
    replies = conversation.replies
    assistant_lines = tab.locator(".chatbot__msg--assistant").count()
    box.fill(QUESTION[lang])
    box.press("Enter")
    tab.locator(".chatbot__msg--resident", has_text=QUESTION[lang]).wait_for()
    tab.wait_for_timeout(1500)
    conversation.refresh_from_db()
    assert (
        conversation.replies == replies and tab.locator(".chatbot__msg--assistant").count() == assistant_lines
    )

    # The same conversation on the chat page without JavaScript (the session is the widget's).
    plain = browser.new_context(java_script_enabled=False, locale=LOCALES[lang])
    plain.add_cookies(context.cookies())
    page = plain.new_page()
    page.set_default_timeout(20_000)
    page.goto(f"{live}/{lang}/chatbot/")
    assert QUESTION[lang] in page.locator(".chatbot-page__log").inner_text()
    assert ANSWER[lang] not in page.content()

    # The operator: the inbox, the whole transcript, claim, answer.
    operator_tab.goto(f"{live}/admin/chat-inbox/")
    handoff = Handoff.objects.get(conversation=conversation)
    operator_tab.locator(f"#chat-inbox a[href$='/chat-inbox/{handoff.pk}/']").click()
    transcript = operator_tab.locator("#chat-transcript").inner_text()
    assert GREETING[lang] in transcript and QUESTION[lang] in transcript
    assert bot_line.text.splitlines()[0] in transcript
    operator_tab.locator("form[action$='/claim/'] button").click()
    operator_tab.locator("#chat-reply").fill(ANSWER[lang])
    operator_tab.locator("form[action$='/reply/'] button").click()
    assert ANSWER[lang] in operator_tab.locator("#chat-transcript").inner_text()

    # The resident sees the answer without reloading; the plain page shows it on reload.
    tab.locator(".chatbot__msg--operator", has_text=ANSWER[lang]).wait_for()
    assert tab.evaluate("window.samePage") is True  # no reload happened
    assert not axe_violations(tab)
    page.reload()
    assert ANSWER[lang] in page.locator(".chatbot-page__log").inner_text()
    plain.close()

    # The operator closes the chat: the assistant answers again.
    operator_tab.locator("form[action$='/close/'] button").click()
    ended = translated("The operator has ended the conversation. The assistant answers again.", lang)
    tab.locator(".chatbot__msg--system", has_text=ended).wait_for()
    assert human.is_visible()
    before = tab.locator(".chatbot__msg--assistant").count()
    box.fill(GREETING[lang])
    box.press("Enter")
    tab.locator(".chatbot__msg--assistant").nth(before).wait_for(timeout=60_000)
    handoff.refresh_from_db()
    assert handoff.status == Handoff.Status.CLOSED and handoff.first_reply_at is not None
    context.close()


def test_nobody_answers_and_the_resident_asks_for_a_call_back(browser, live, settings) -> None:
    settings.CHAT_HANDOFF_TIMEOUT_SECONDS = 2
    context, tab = open_widget(browser, live, "en")
    tab.locator("button.chatbot__human").click()
    form = tab.locator("form.chatbot__callback")
    form.wait_for(state="visible")
    tab.locator(".chatbot__msg--system", has_text="No operator is free right now").wait_for()
    assert Handoff.objects.get().status == Handoff.Status.UNANSWERED
    assert not axe_violations(tab)

    tab.get_by_label("Phone number").fill("abc")
    tab.get_by_role("button", name="Request a call-back").click()
    expect(form.locator("[role=alert]")).to_contain_text("valid phone number")
    tab.get_by_label("Phone number").fill("0257 281 850")
    tab.get_by_role("button", name="Request a call-back").click()
    notice = tab.locator(".chatbot__msg--system", has_text="Your call-back request is registered")
    notice.wait_for()
    assert form.is_hidden()
    number, pin = re.search(r"number (\S+) \(PIN (\d+)\)", notice.inner_text()).groups()

    document = registry.lookup(number=number, pin=pin, address="127.0.0.1")
    assert document is not None and document.channel == "chatbot"
    assert document.sender_phone == "0257 281 850"
    assert registry.tracking_url(document.token) in notice.inner_text()
    assert Handoff.objects.get().callback_document == document

    # The chat page (same session) shows the whole conversation, the notice included.
    tab.goto(f"{live}/en/chatbot/")
    assert document.number in tab.locator(".chatbot-page__log").inner_text()
    assert not axe_violations(tab)
    context.close()
