"""A resident's whole journey in a real Chromium on a phone-sized screen, in each language, with
JavaScript on and off, under production's Referrer-Policy and the portal's CSP: join, confirm from
the e-mail received by a loopback SMTP server, an operator sends a notice from the admin, the
resident reads it in their language (a neighbour of another district gets nothing), finds it on
the public page, leaves from the link in the e-mail, and their data is gone. axe checks each page."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext as _

from neighbours.models import Delivery, Member, Tally
from tests.browser.tabs import PHONE, browser_tabs, check
from tests.factories import DistrictFactory, HomePageFactory, UserFactory
from tests.mail import links

from .conftest import leave_link, subject
from .factories import MemberFactory, NoticeFactory

pytestmark = pytest.mark.browser

TITLE = {"ro": "title", "en": "title_en", "hu": "title_hu"}
BODY = {"ro": "body", "en": "body_en", "hu": "body_hu"}


@pytest.fixture
def open_tab(browser, live_server, smtp, settings, transactional_db):
    settings.SECURE_REFERRER_POLICY = "same-origin"  # production's, which changes what is posted
    settings.WAGTAILADMIN_BASE_URL = live_server.url  # the links in the e-mails
    with browser_tabs(browser) as tabs:

        def open_tab(*, javascript: bool, lang: str, session: str = ""):
            cookies = [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
            return tabs.open(
                java_script_enabled=javascript,
                locale=lang,
                viewport=PHONE,
                cookies=cookies if session else None,
            )

        yield open_tab


def operator_session() -> str:
    user = UserFactory()
    user.groups.add(Group.objects.get(name="Safety operators"))
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("lang", ["ro", "en", "hu"])
def test_a_resident_joins_reads_a_notice_in_their_language_and_leaves(
    open_tab, live_server, smtp, lang, javascript
):
    base = live_server.url
    HomePageFactory()
    here, there = DistrictFactory(), DistrictFactory()
    elsewhere = MemberFactory(district=there, language=lang)
    email = f"rezident.{lang}@example.org"
    tab = open_tab(javascript=javascript, lang=lang)

    # Join: an empty form is refused with its errors, then the real answers.
    tab.goto(f"{base}/{lang}/neighbours/join/")
    check(tab, javascript, fits=True)
    tab.locator("#join button[type=submit]").click()
    assert tab.locator("#join .error-summary[role=alert]").is_visible()
    check(tab, javascript, fits=True)
    tab.fill("#id_name", "Ilona")
    tab.fill("#id_email", email)
    tab.locator("#id_district").select_option(here.slug)
    assert tab.locator("#id_language").input_value() == lang
    tab.locator("#id_consent").check()
    tab.locator("#join button[type=submit]").click()
    tab.wait_for_url(f"{base}/{lang}/neighbours/join/sent/")
    check(tab, javascript, fits=True)
    member = Member.objects.get(email=email)
    assert member.status == Member.Status.PENDING and member.consent_text

    # The confirmation e-mail, in the page's language, and its link.
    (confirmation,) = smtp.to(email)
    with translation.override(lang):
        assert subject(confirmation) == _("Confirm that you want to join the vigilant neighbours")
        welcome = _("Welcome, neighbour")
        left = _("You have left")
    (confirm,) = [link for link in links(confirmation) if "/confirm/" in link]
    tab.goto(confirm)
    assert welcome in tab.get_by_role("status").inner_text()
    check(tab, javascript, fits=True)
    member.refresh_from_db()
    assert member.status == Member.Status.ACTIVE

    # An operator sends a notice to the resident's district from the admin.
    notice = NoticeFactory(districts=[here])
    admin = open_tab(javascript=True, lang=lang, session=operator_session())
    admin.goto(f"{base}/admin/neighbours/notices/{notice.pk}/send/")
    admin.locator("#send-notice button[type=submit]").click()
    admin.wait_for_url(f"{base}/admin/neighbours/notices/{notice.pk}/delivery/")
    assert admin.locator("#count-sent").inner_text() == "1"

    # The resident reads it in their language; the other district's neighbour gets nothing.
    received = smtp.to(email)[-1]
    assert getattr(notice, TITLE[lang]) in subject(received)
    assert getattr(notice, BODY[lang]) in received.get_content()
    assert smtp.to(elsewhere.email) == []

    # The public page lists it for the district.
    tab.goto(f"{base}/{lang}/neighbours/")
    tab.locator("#filter-district").select_option(here.slug)
    tab.locator("#district-filter button[type=submit]").click()
    tab.wait_for_url(f"{base}/{lang}/neighbours/?district={here.slug}")
    tab.get_by_role("link", name=getattr(notice, TITLE[lang])).click()
    assert getattr(notice, BODY[lang]) in tab.locator("main").inner_text()
    check(tab, javascript, fits=True)
    assert email not in tab.content() and "Ilona" not in tab.content()

    # Leaving from the link in the notice deletes the resident's data.
    tab.goto(leave_link(received))
    check(tab, javascript, fits=True)
    tab.locator("#leave-confirm button[type=submit]").click()
    assert left in tab.get_by_role("status").inner_text()
    check(tab, javascript, fits=True)
    assert not Member.objects.filter(email=email).exists()
    assert Delivery.objects.get(notice=notice).member is None
    assert Tally.objects.get(district=here, kind="left").count == 1
    assert Member.objects.filter(pk=elsewhere.pk).exists()
