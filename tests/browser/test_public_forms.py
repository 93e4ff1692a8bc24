"""Every public form (besides the service request and tracking, see tests/documents) submitted
by a real Chromium, with JavaScript on and off, under production's Referrer-Policy: each test
checks what the person sees afterwards, and that no answer was a CSRF 403 or a server error.

Why: the Django test client sends neither Origin nor Referer, so a page whose headers make the
browser send `Origin: null` passes every client test and fails every real visitor."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from django.contrib.auth import get_user_model

from opendata.models import DatasetRequest
from portal.documents.models import Document
from portal.feedback.models import FeedbackResponse
from portal.qr import services as qr
from portal.services.models import ServiceFormField, ServicePage
from tests.db_snapshots import load_demo_data
from tests.factories import build_city

pytestmark = pytest.mark.browser

JS = pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])


@pytest.fixture
def production_headers(settings) -> None:
    """The headers production sends (portal/settings/production.py) that change what browsers post."""
    settings.SECURE_REFERRER_POLICY = "same-origin"


@pytest.fixture
def open_tab(browser, live_server, production_headers) -> Iterator[Callable]:
    """A new Chromium tab (JavaScript on or off, a language) that records every bad answer."""
    contexts = []
    failures: list[str] = []

    def open_tab(*, javascript: bool, locale: str = "ro-RO"):
        context = browser.new_context(java_script_enabled=javascript, locale=locale)
        contexts.append(context)
        tab = context.new_page()
        tab.set_default_timeout(15_000)
        tab.on(
            "response",
            lambda response: (
                response.status in (403, 500, 502, 503)
                and failures.append(f"{response.status} {response.request.method} {response.url}")
            ),
        )
        return tab

    yield open_tab
    for context in contexts:
        context.close()
    assert not failures, failures


@JS
def test_verify_a_permit_code(open_tab, live_server, transactional_db, javascript):
    token = qr.sign("permit", {"n": "AR-2026-000042", "h": "A.P.", "d": "2026-10-15"})
    tab = open_tab(javascript=javascript)
    tab.goto(f"{live_server.url}/ro/verify")
    tab.get_by_label("Conținutul codului (așa cum îl citește un scanner QR)").fill(token)
    tab.get_by_role("button", name="Verificați").click()
    assert tab.get_by_role("status").inner_text().startswith("Autentic.")

    forged = token[:-6] + ("A" if token[-6] != "A" else "B") + token[-5:]
    tab.get_by_label("Conținutul codului (așa cum îl citește un scanner QR)").fill(forged)
    tab.get_by_role("button", name="Verificați").click()
    assert not tab.get_by_role("status").inner_text().startswith("Autentic.")


@JS
def test_answer_the_nps_questionnaire(open_tab, live_server, transactional_db, javascript):
    tab = open_tab(javascript=javascript)
    tab.goto(f"{live_server.url}/ro/kpi/")
    form = tab.locator("section.feedback form")
    form.get_by_label("9", exact=True).check()
    form.locator("textarea").fill("Clar și rapid")
    form.get_by_role("button", name="Trimiteți").click()
    thanks = tab.locator("section.feedback [role=status]")
    assert thanks.inner_text() == "Vă mulțumim pentru părere."  # where the person answered
    assert tab.url == f"{live_server.url}/ro/kpi/"
    feedback = FeedbackResponse.objects.get()
    assert (feedback.score, feedback.comment, feedback.solution) == (9, "Clar și rapid", "portal")


@JS
def test_ask_for_a_dataset(open_tab, live_server, transactional_db, javascript):
    tab = open_tab(javascript=javascript)
    tab.goto(f"{live_server.url}/ro/opendata/requests/")
    form = tab.locator("form[method=post]", has=tab.locator("[name=title]"))
    form.locator("[name=title]").fill("Locuri de joacă")
    form.locator("[name=description]").fill("Lista locurilor de joacă, cu coordonate.")
    form.locator("[name=email]").fill("ana@example.org")
    form.locator("button[type=submit]").click()
    tab.get_by_text("Vă mulțumim: cererea dvs. este în lista de mai jos.").wait_for()
    assert tab.get_by_role("rowheader", name="Locuri de joacă").is_visible()
    assert DatasetRequest.objects.get().email == "ana@example.org"


def test_chat_page_without_javascript_says_the_assistant_is_unavailable(
    open_tab, live_server, transactional_db
):
    """Test settings point Rasa at a closed port: the page must answer clearly, not 403/500."""
    tab = open_tab(javascript=False)
    tab.goto(f"{live_server.url}/ro/chatbot/")
    tab.locator("#chat-page-message").fill("Care este programul Stării Civile?")
    with tab.expect_response(lambda response: response.request.method == "POST") as answer:
        tab.locator("form.chatbot-page__form button[type=submit]").click()
    assert answer.value.status == 200
    log = tab.locator(".chatbot-page__log")
    assert "Care este programul Stării Civile?" in log.inner_text()
    assert "Asistentul nu este disponibil acum." in log.inner_text()


@JS
def test_a_learner_signs_up(open_tab, live_server, transactional_db, javascript):
    tab = open_tab(javascript=javascript)
    tab.goto(f"{live_server.url}/ro/learning/signup/")
    form = tab.locator("form[method=post]", has=tab.locator("[name=username]"))
    form.locator("[name=username]").fill("ana.pop")
    form.locator("[name=full_name]").fill("Ana Pop")
    form.locator("[name=email]").fill("ana@example.org")
    form.locator("[name=password1]").fill("Lung-și-sigur-2026")
    form.locator("[name=password2]").fill("Lung-și-sigur-2026")
    form.locator("button[type=submit]").click()
    tab.get_by_text("Contul este gata: progresul dumneavoastră este acum salvat.").wait_for()
    assert get_user_model().objects.get(username="ana.pop").email == "ana@example.org"


@JS
def test_a_date_is_picked_and_filed_in_hungarian(
    open_tab, live_server, transactional_db, javascript, settings, tmp_path
):
    """The date field is the browser's own date control (no JavaScript needed); what it sends is
    filed as the date, and the label's hint shows the Hungarian form."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    city = build_city()
    service = ServicePage(title="Căsătoria civilă", slug="casatoria", summary="Declarația de căsătorie.")
    service.form_fields = [
        ServiceFormField(label="Név", clean_name="spouse_1", field_type="singleline", role="name"),
        ServiceFormField(label="Dátum", clean_name="wedding_date", field_type="date"),
    ]
    city.service.get_parent().add_child(instance=service)
    tab = open_tab(javascript=javascript, locale="hu-HU")
    tab.goto(live_server.url + service.url.replace("/ro/", "/hu/"))
    date = tab.get_by_label("Dátum")
    assert date.get_attribute("type") == "date"
    assert "2026. 10. 15." in tab.locator("#id_wedding_date_helptext").inner_text()
    tab.get_by_label("Név").fill("Kovács Anna")
    date.fill("2026-10-15")
    tab.locator("#service-form button[type=submit]").click()
    tab.locator(".receipt__number").wait_for()
    document = Document.objects.get()
    assert (document.sender_name, document.form_data["wedding_date"]) == ("Kovács Anna", "2026-10-15")


@JS
def test_report_an_accessibility_problem(
    open_tab, live_server, transactional_db, javascript, settings, mailoutbox
):

    from portal.accessibility.models import AccessibilityFeedback, AccessibilityStatementPage

    settings.ACCESSIBILITY_FEEDBACK_EMAIL = "accesibilitate-staff@example.org"
    load_demo_data(("load_demo", {"verbosity": 0}))
    statement = AccessibilityStatementPage.objects.live().get(locale__language_code="hu")
    tab = open_tab(javascript=javascript, locale="hu-HU")
    tab.goto(f"{live_server.url}/hu/")
    tab.locator("footer").get_by_role("link", name=statement.title).click()
    assert tab.url == f"{live_server.url}{statement.url}"
    form = tab.locator("#accessibility-form")
    form.locator("button[type=submit]").click()  # empty: the errors, linked from a summary
    assert tab.locator("#accessibility-form .error-summary a[href='#id_email']").count() == 1
    form.get_by_label("Az Ön e-mail-címe").fill("ana@example.org")
    form.locator("[name=page_url]").fill(f"{live_server.url}/hu/map/")
    form.locator("[name=description]").fill("A térkép jelölői nem érhetők el billentyűzettel.")
    form.locator("button[type=submit]").click()
    assert tab.get_by_role("status").inner_text().startswith("Köszönjük.")
    report = AccessibilityFeedback.objects.get()
    assert (report.name, report.email, report.language) == ("", "ana@example.org", "hu")
    assert report.page_url.endswith("/hu/map/")
    assert [m.to for m in mailoutbox] == [["accesibilitate-staff@example.org"]]
    assert "billentyűzettel" in mailoutbox[0].body
