"""A public consultation from idea to answer in a real Chromium, JavaScript on and off, under
production's Referrer-Policy, with e-mail delivered by SMTP on loopback: a resident confirms an
e-mail address, comments on a section, a participation moderator publishes the comment in the
admin, staff answer it and publish the report once the consultation has closed, and the resident
follows the e-mailed link to read the city's answer. axe checks the public pages; the phone
width (360 px) must not scroll sideways."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from participation.consultations.models import Comment, Consultation
from tests.browser.tabs import DESKTOP, PHONE, browser_tabs, check
from tests.mail import loopback_smtp, only_link

from .factories import ConsultationFactory, SectionFactory

pytestmark = pytest.mark.browser

PASSWORD = "Tei-înflorit-2026"


@pytest.fixture
def smtp(settings):
    with loopback_smtp(settings) as server:
        yield server


@pytest.fixture
def tab_for(browser, live_server, settings, transactional_db):
    settings.SECURE_REFERRER_POLICY = "same-origin"  # production's, which changes what is posted
    with browser_tabs(browser) as tabs:

        def open_tab(*, javascript: bool, phone: bool = False):
            size = PHONE if phone else DESKTOP
            return tabs.open(java_script_enabled=javascript, locale="ro-RO", viewport=size)

        yield open_tab


def admin_tab(tab_for, base: str, username: str):
    tab = tab_for(javascript=True)
    tab.goto(f"{base}/admin/login/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", PASSWORD)
    tab.click("button[type=submit]")
    tab.wait_for_url(f"{base}/admin/")
    return tab


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_comment_from_confirmation_to_the_citys_answer(tab_for, live_server, smtp, javascript):
    base = live_server.url
    consultation = ConsultationFactory(moderation="pre")
    section = SectionFactory(consultation=consultation)
    page = f"{base}/ro/participation/consultations/{consultation.slug}/"
    moderator = User.objects.create_user("moderatoare", "mod@example.org", PASSWORD)
    moderator.groups.add(Group.objects.get(name="Participation moderators"))
    User.objects.create_superuser("redactor", "red@example.org", PASSWORD)
    resident_email = f"locuitor-{'js' if javascript else 'nojs'}@example.org"
    comment_text = "Propun ca locurile să se atribuie și pe baza vechimii în cartier."

    # The resident finds the consultation on a phone and asks for a confirmation link.
    tab = tab_for(javascript=javascript, phone=True)
    tab.goto(f"{base}/ro/participation/")
    tab.get_by_role("link", name=consultation.title).click()
    tab.wait_for_url(page)
    check(tab, javascript, fits=True)
    tab.fill("#id_email", resident_email)
    tab.locator("#identify-comment button[type=submit]").click()
    assert tab.get_by_role("status").filter(has_text=resident_email).is_visible()
    check(tab, javascript, fits=True)
    (sent,) = [m for _f, to, m in smtp.received if to == [resident_email]]
    tab.goto(only_link(sent, base))
    tab.wait_for_url(page)
    assert tab.get_by_text(resident_email).first.is_visible()

    # A comment on the section; held for moderation, and the resident sees that.
    form = tab.locator(f"#comment-{section.pk}")
    tab.locator(f"#{section.anchor} details > summary").click()
    form.locator("textarea").fill(comment_text)
    check(tab, javascript, fits=True)
    form.locator("button[type=submit]").click()
    tab.wait_for_url(page + "#your-comments")
    own = tab.locator("#your-comments-section")
    assert "Așteaptă moderarea" in own.inner_text()
    comment = Comment.objects.get(participant__email=resident_email)
    assert (comment.section_id, comment.status) == (section.pk, "pending")
    assert comment_text not in tab.locator(f"#{section.anchor}").inner_text()

    # A participation moderator publishes it from the admin's queue.
    moderation = admin_tab(tab_for, base, "moderatoare")
    moderation.goto(f"{base}/admin/participation/moderation/")
    entry = moderation.locator(f"form:has(input[name=comment][value='{comment.pk}'])")
    entry.locator("button[value=approve]").click()
    moderation.wait_for_url(f"{base}/admin/participation/moderation/")
    comment.refresh_from_db()
    assert comment.status == "approved"

    # The period ends (the calendar moves on); staff answer and publish the report.
    today = timezone.localdate()
    Consultation.objects.filter(pk=consultation.pk).update(
        opens_on=today - dt.timedelta(days=40), closes_on=today - dt.timedelta(days=1)
    )
    staff = admin_tab(tab_for, base, "redactor")
    staff.goto(f"{base}/admin/snippets/consultations/consultation/edit/{consultation.pk}/")
    staff.fill("#id_report", "Am completat articolul cu criteriul vechimii.")
    staff.locator("form[data-edit-form] button[type=submit]").first.click()
    staff.wait_for_url(re.compile(r".*/admin/snippets/consultations/consultation/.*"))
    consultation.refresh_from_db()
    assert consultation.report.startswith("Am completat")
    staff.goto(f"{base}/admin/participation/reports/{consultation.pk}/")
    staff.check(f"#answer-comment-{comment.pk}")
    answer = f"Mulțumim: criteriul vechimii a fost adăugat ({'js' if javascript else 'no-js'})."
    staff.fill("#id_text", answer)
    staff.locator("#answer-form button[value=answer]").click()
    staff.wait_for_url(f"{base}/admin/participation/reports/{consultation.pk}/")
    staff.locator("#publish-form button[value=publish]").click()
    staff.wait_for_url(f"{base}/admin/participation/reports/{consultation.pk}/")
    consultation.refresh_from_db()
    assert consultation.report_published_at is not None
    assert not staff.locator("#publish-form").count()

    # The resident is told by e-mail and reads the city's answer under the comment.
    (notice,) = [m for _f, to, m in smtp.received if to == [resident_email] and m is not sent]
    assert consultation.title in notice["Subject"]
    tab.goto(only_link(notice, base))
    published = tab.locator(f"#comment-{comment.pk}")
    assert comment_text in published.inner_text()
    assert answer in published.locator(".comment__answer").inner_text()
    assert "Am completat articolul" in tab.locator("#report").locator("..").inner_text()
    check(tab, javascript, fits=True)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_resident_asks_to_speak_sends_a_question_and_answers_the_city(
    tab_for, live_server, smtp, javascript
):
    from participation.consultations.models import QuestionAnswer

    from .factories import AgendaItemFactory, QuestionFactory

    base = live_server.url
    item = AgendaItemFactory()
    question = QuestionFactory()
    meeting_page = f"{base}/ro/participation/meetings/{item.meeting.slug}/"
    resident_email = f"vorbitor-{'js' if javascript else 'nojs'}@example.org"

    tab = tab_for(javascript=javascript, phone=True)
    tab.goto(f"{base}/ro/participation/meetings/")
    tab.get_by_role("link", name=item.meeting.title).click()
    tab.wait_for_url(meeting_page)
    check(tab, javascript, fits=True)
    tab.fill("#id_email", resident_email)
    tab.locator("#identify-meeting button[type=submit]").click()
    (sent,) = [m for _f, to, m in smtp.received if to == [resident_email]]
    tab.goto(only_link(sent, base))
    tab.wait_for_url(meeting_page)

    speak = tab.locator(f"#speak-{item.pk}")
    tab.locator(f"#item-{item.pk} details").nth(0).locator("summary").click()
    speak.locator("input[name=name]").fill("Ioana Crișan")
    speak.locator("input[name=topic]").fill("Parcările din Micălaca")
    check(tab, javascript, fits=True)
    speak.locator("button[type=submit]").click()
    tab.wait_for_url(f"{meeting_page}#item-{item.pk}")
    ask = tab.locator(f"#ask-{item.pk}")
    tab.locator(f"#item-{item.pk} details").nth(1).locator("summary").click()
    ask.locator("textarea").fill("Când se termină lucrările?")
    ask.locator("button[type=submit]").click()
    tab.wait_for_url(f"{meeting_page}#item-{item.pk}")
    assert tab.locator(f"#item-{item.pk} .notice--success").count() == 2
    check(tab, javascript, fits=True)
    registration = item.speakers.get()
    assert (registration.name, registration.participant.email) == ("Ioana Crișan", resident_email)
    assert item.questions.get().text == "Când se termină lucrările?"

    # The same confirmed address answers the city's question in a consultation.
    tab.goto(f"{base}/ro/participation/consultations/{question.consultation.slug}/")
    tab.locator(f"#id_q{question.pk}").fill("Da, de doi ani.")
    check(tab, javascript, fits=True)
    tab.locator("#answers button[type=submit]").click()
    tab.wait_for_url(re.compile(r".*#questions$"))
    assert tab.locator(f"#id_q{question.pk}").input_value() == "Da, de doi ani."
    assert QuestionAnswer.objects.get(question=question).participant.email == resident_email
