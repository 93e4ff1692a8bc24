"""A learner's whole path in a real Chromium: a citizen registers, completes a lesson, passes
a quiz, downloads the certificate and verifies its QR code; a trainer records a classroom session
in the admin and its attendees appear in the KPIs; small demographic groups stay hidden.

It commits its own city (the live server's thread must see it); the other training tests share a
city per module inside a transaction that is rolled back before this test runs."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import cv2
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection

from portal.kpi.registry import discover
from tests.qr_decoding import decode_qr_image
from training.models import ClassroomSession, DemographicResponse

from .conftest import build_city, lesson

pytestmark = pytest.mark.browser

AXE = Path(__file__).parents[1] / "browser" / "vendor" / "axe.min.js"
RUN_AXE = """async () => (await axe.run(document, {runOnly: {type: 'tag',
  values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations.map(v => v.id + ': ' +
  v.nodes.map(n => n.target.join(' ')).join(', '))"""


def assert_accessible(tab) -> None:
    tab.evaluate(AXE.read_text())  # the CSP refuses an injected inline <script>
    violations = tab.evaluate(RUN_AXE)
    assert not violations, f"{tab.url}: " + json.dumps(violations, ensure_ascii=False)


def qr_text(pdf: Path) -> str:
    """Render the certificate's page to PNG (poppler's pdftoppm) and decode its QR (OpenCV);
    OpenCV's detector is sensitive to scale, so a few resolutions are tried."""
    for dpi in (150, 200, 100):
        png = pdf.with_name(f"page-{dpi}")
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", str(pdf), str(png)], check=True)
        if text := decode_qr_image(cv2.imread(f"{png}.png")):
            return text
    return ""


@pytest.fixture
def committed_city(transactional_db, settings, live_server):
    assert not connection.in_atomic_block, "a rolled-back city is still open"
    settings.WAGTAILADMIN_BASE_URL = live_server.url  # the QR must point at this server's /verify
    build_city()


def test_citizen_earns_a_verifiable_certificate_and_trainer_session_counts(
    committed_city, live_server, page, tmp_path
):
    base = live_server.url
    first = lesson("parole-puternice")

    # A citizen reads the lesson without an account, then registers to save progress.
    page.goto(base + first.url)
    assert_accessible(page)
    page.locator(".training-account a[href*='signup']").click()
    page.fill("#id_username", "ana.test")
    page.fill("#id_full_name", "Ana Țăranu-Mureșan")
    page.fill("#id_email", "ana@example.org")
    page.fill("#id_password1", "Salcâm-verde-2026")
    page.fill("#id_password2", "Salcâm-verde-2026")
    assert_accessible(page)
    page.locator("#signup button[type=submit]").click()
    page.wait_for_url(base + first.url)

    # Completes the first lesson, then passes the second one's quiz.
    page.locator(".training-complete button").click()
    page.wait_for_selector("p.notice.training-done")
    page.locator(".training-pager a").last.click()
    page.wait_for_url(base + lesson("recunoasterea-fraudelor").url)
    page.get_by_label("Nu deschid linkul și șterg mesajul").check()
    page.get_by_label("Vă grăbește").check()
    page.get_by_label("Cere codul primit prin SMS").check()
    page.locator("#quiz button[type=submit]").click()
    page.wait_for_selector("#quiz-result")
    assert "100%" in page.inner_text("#quiz-result")
    assert_accessible(page)

    # Downloads the certificate; its QR leads to the verification page, which says genuine.
    with page.expect_download() as download:
        page.locator(".training-certificate a.button").click()
    pdf = tmp_path / "certificate.pdf"
    download.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    url = qr_text(pdf)
    assert url.startswith(f"{base}/verify?p="), url
    page.goto(url)
    assert page.locator(".verify-genuine").is_visible()
    assert "Ana Țăranu-Mureșan" in page.inner_text("main")

    # The voluntary anonymous form: one answer is stored, without any link to the account.
    page.goto(base + "/ro/learning/about-you/")
    page.get_by_label("65–74").check()
    page.get_by_label("Femeie").check()
    page.locator("#demographics button[type=submit]").click()
    page.wait_for_selector("main [role=status]")
    assert DemographicResponse.objects.count() == 1

    # A trainer records a classroom session in the admin.
    people_before = discover()["skills.people_trained_classroom"].compute()
    trainer = get_user_model().objects.create_user("formator", password="Salcâm-verde-2026")
    trainer.groups.add(Group.objects.get(name="Trainers"))
    page.goto(base + "/admin/login/")
    page.fill("#id_username", "formator")
    page.fill("#id_password", "Salcâm-verde-2026")
    page.locator("form button[type=submit]").click()
    page.wait_for_url(base + "/admin/")
    page.goto(base + "/admin/snippets/training/classroomsession/add/")
    page.fill("#id_title", "Seniori – atelier la biblioteca județeană")
    page.fill("#id_starts_at", "2026-01-15 10:00")
    page.select_option("#id_audience", "citizens")
    page.select_option("#id_place_kind", "library")
    page.fill("#id_place", "Biblioteca Județeană „A. D. Xenopol”, Arad")
    for i, name in enumerate(["Participant A", "Participant B"]):
        page.locator("#id_attendance-ADD").click()
        page.fill(f"#id_attendance-{i}-name", name)
    page.fill("#id_unlisted_attendees", "3")
    page.fill("#id_flyers_handed_out", "40")
    page.locator("button.action-save, button[type=submit].button-longrunning").first.click()
    page.wait_for_url(f"{base}/admin/snippets/training/classroomsession/")
    session = ClassroomSession.objects.get(title__startswith="Seniori – atelier la biblioteca")
    assert session.attendee_count == 5

    # Its attendees appear in the KPIs, on the trainers' figures page too; the single demographic
    # answer is not shown anywhere.
    assert discover()["skills.people_trained_classroom"].compute() == people_before + 5
    page.goto(base + "/admin/training/")
    row = page.locator("tr[data-kpi='skills.people_trained_classroom'] td")
    assert row.inner_text().split()[0] == str(people_before + 5)
    assert page.locator("[data-too-few]").count() == 4
