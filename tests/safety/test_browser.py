"""The supervision centre's journey in Chromium: a device's signed alert appears on the operator
console without a reload (row flash, WebAudio tone, screen-reader announcement, map pin), is
acknowledged and closed, and its timings reach the KPI dashboard. The public register and map
of call points pass axe at phone width in every language, with no alert button on them."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import Group, User

from safety.models import Alert, Device
from tests.browser.test_accessibility import PHONE, axe_violations

from .factories import alert_payload, device_post, make_device, make_district

pytestmark = pytest.mark.browser


@pytest.fixture
def server(transactional_db, live_server):
    district = make_district("Gai")
    make_device("AR-CP-0001", district=district)
    make_device("AR-AB-0002", kind=Device.Kind.ALERT_BUTTON, district=district, business_name="Grădinița 5")
    operator = User.objects.create_user("dispecer", password="pass-1234-word")
    operator.groups.add(Group.objects.get(name="Safety operators"))
    return live_server


def test_an_alert_is_seen_acknowledged_closed_and_measured(page, server):
    page.goto(f"{server.url}/admin/login/")
    page.fill("#id_username", "dispecer")
    page.fill("#id_password", "pass-1234-word")
    page.click("button[type=submit]")
    page.goto(f"{server.url}/admin/safety/console/")
    page.wait_for_selector("#safety-console[data-polls]")
    page.click("#safety-sound")
    assert page.get_attribute("#safety-sound", "aria-pressed") == "true"
    page.evaluate("window.notReloaded = true")

    button = Device.objects.get(code="AR-AB-0002")
    status, answer = device_post(f"{server.url}/api/v1/safety/alerts", button, alert_payload(button))
    assert status == 201, answer
    row = f"#safety-rows tr[data-id='{answer['alert']}']"
    page.wait_for_selector(f"{row}.safety-new", timeout=10_000)
    assert page.evaluate("window.notReloaded") is True
    assert "AR-AB-0002" in page.inner_text("#safety-live")
    assert int(page.get_attribute("#safety-console", "data-sounded")) >= 2  # the switch-on tone + the alert
    assert page.locator(".safety-pin").count() == 1
    assert page.title().startswith("(1)")
    page.screenshot(path="var/safety-console.png", full_page=True)

    page.click(f"{row} button")  # acknowledge
    page.wait_for_selector(f"{row}.safety-status-acknowledged")
    page.click(f"{row} a")
    page.select_option("#id_outcome", "false_alarm")
    page.fill("form[action$='/close/'] textarea", "Apăsat din greșeală de un copil.")
    page.click("form[action$='/close/'] button[type=submit]")
    page.wait_for_selector("#alert-status")
    alert = Alert.objects.get(pk=answer["alert"])
    assert alert.status == "closed" and alert.closed_by.username == "dispecer"
    page.goto(f"{server.url}/admin/safety/console/")
    page.wait_for_selector("#safety-rows tr.safety-empty")

    page.goto(f"{server.url}/en/kpi/")
    ack = page.get_attribute("#kpi-safetyacknowledge_p50 td[data-value]", "data-value")
    closed = page.get_attribute("#kpi-safetyclose_p50 td[data-value]", "data-value")
    assert float(ack) > 0 and float(closed) >= float(ack)


@pytest.mark.parametrize("language", ["ro", "en", "hu"])
def test_public_register_and_map_are_accessible_on_a_phone(browser, server, language):
    context = browser.new_context(viewport=PHONE, locale="ro-RO", is_mobile=True, has_touch=True)
    try:
        tab = context.new_page()
        tab.set_default_timeout(15_000)
        for url in (f"/{language}/call-points/", f"/{language}/map/?layers=safety-call-points"):
            response = tab.goto(server.url + url)
            assert response.status == 200, url
            tab.wait_for_load_state("networkidle")
            violations = axe_violations(tab)
            assert violations == [], f"{url}: {json.dumps(violations, ensure_ascii=False)}"
            widths = tab.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            assert widths[0] <= widths[1], f"{url} scrolls sideways at 360px: {widths}"
            assert "AR-AB-0002" not in tab.content() and "Grădinița 5" not in tab.content()
        # The district filter, sent by the browser (a plain GET form).
        tab.goto(f"{server.url}/{language}/call-points/")
        tab.select_option("#filter-district", "gai")
        tab.click("main form button[type=submit]")
        assert "district=gai" in tab.url and "AR-CP-0001" in tab.inner_text("table")
    finally:
        context.close()
