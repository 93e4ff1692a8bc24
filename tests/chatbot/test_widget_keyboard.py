"""The chat widget from the keyboard: a "Chat" link among the skip links and an announced shortcut."""

from __future__ import annotations

import pytest

from tests.db_snapshots import load_demo_data

pytestmark = pytest.mark.browser


@pytest.fixture
def home(live_server, transactional_db) -> str:
    load_demo_data(("load_demo", {"verbosity": 0}))
    return f"{live_server.url}/ro/"


def test_chat_is_the_second_tab_stop_and_has_an_announced_shortcut(home, page) -> None:
    page.goto(home)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    link = page.locator(":focus")
    assert link.get_attribute("href").endswith("/ro/chatbot/")
    shortcut = link.get_attribute("aria-keyshortcuts")
    assert shortcut and shortcut in link.inner_text()  # the shortcut is written where it is announced
    assert link.bounding_box()["y"] >= 0  # on screen once focused

    page.keyboard.press("Enter")
    panel = page.locator("#chatbot-panel")
    assert panel.is_visible() and page.evaluate("document.activeElement.id") == "chatbot-input"
    assert page.url == home  # the widget opened; no navigation
    page.keyboard.press("Escape")
    assert panel.is_hidden()

    launcher = page.locator("button.chatbot__launcher")
    assert launcher.get_attribute("aria-keyshortcuts") == shortcut
    assert shortcut in launcher.inner_text()
    page.locator("body").click()  # focus anywhere on the page
    page.keyboard.press(shortcut)
    assert panel.is_visible() and page.evaluate("document.activeElement.id") == "chatbot-input"
    assert launcher.get_attribute("aria-expanded") == "true"


def test_without_javascript_the_chat_link_opens_the_chat_page(home, browser) -> None:
    context = browser.new_context(locale="ro-RO", java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(home)
        tab.keyboard.press("Tab")
        tab.keyboard.press("Tab")
        tab.keyboard.press("Enter")
        tab.wait_for_url("**/ro/chatbot/")
        assert tab.locator("h1").count() == 1
    finally:
        context.close()
