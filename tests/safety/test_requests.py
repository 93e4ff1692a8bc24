"""An alert button requested through the one-stop shop: the e-service's form files a registered
document (numbered, QR-tracked); staff approval in the admin creates the button, planned
(pending installation), and approves the document; the button stays out of public pages."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User

from portal.documents.models import Document
from portal.services.models import ServiceFormField, ServicePage
from safety.models import Device
from tests.factories import build_city

from .factories import make_district


def _fields() -> list[ServiceFormField]:
    rows = [
        ("Instituția sau firma", "organisation", "singleline", True, ""),
        ("Adresa", "site_address", "singleline", True, "address"),
        ("Nume și prenume", "name", "singleline", True, "name"),
        ("E-mail", "email", "email", False, "email"),
    ]
    return [
        ServiceFormField(label=label, clean_name=name, field_type=kind, required=required, role=role)
        for label, name, kind, required, role in rows
    ]


def _alert_button_service() -> ServicePage:
    """The e-service, with its form, in a small city of its own."""
    city = build_city()
    service = ServicePage(
        title="Buton de alarmă",
        slug=settings.SAFETY_ALERT_BUTTON_SERVICE,
        summary="Cerere pentru un buton de alarmă.",
        processing_days=30,
        department=city.department,
    )
    service.form_fields = _fields()
    city.service.get_parent().add_child(instance=service)
    return service


@pytest.mark.django_db
def test_a_request_filed_online_becomes_a_planned_button_on_approval(client):
    service = _alert_button_service()
    district = make_district("Gai")

    filed = client.post(
        service.url,
        {
            "organisation": "Teatrul Clasic Ioan Slavici",
            "site_address": "Bd. Revoluției 103",
            "name": "Ana Pop",
        },
    )
    assert filed.status_code == 302, filed.content.decode()[:2000]
    document = Document.objects.get(service=service)
    assert document.number and document.token  # the registry's number and QR tracking token
    assert document.form_data["organisation"] == "Teatrul Clasic Ioan Slavici"

    staff = User.objects.create_user("dispecer", password="pass-1234-word")
    staff.groups.add(Group.objects.get(name="Safety operators"))
    client.force_login(staff)
    listing = client.get("/admin/safety/requests/").content.decode()
    assert document.number in listing and "Teatrul Clasic Ioan Slavici" in listing

    approve = f"/admin/safety/requests/{document.pk}/approve/"
    prefix = f"r{document.pk}"
    bad = client.post(
        approve, {f"{prefix}-latitude": "500", f"{prefix}-longitude": "21.3", f"{prefix}-operator": "x"}
    )
    assert bad.status_code == 302 and not Device.objects.exists()
    client.post(
        approve,
        {
            f"{prefix}-latitude": "46.1735",
            f"{prefix}-longitude": "21.3180",
            f"{prefix}-district": str(district.pk),
            f"{prefix}-operator": "Poliția Locală Arad",
        },
    )
    device = Device.objects.get(request_document=document)
    assert (device.kind, device.status, device.business_name) == (
        "alert_button",
        "planned",
        document.form_data["organisation"],
    )
    document.refresh_from_db()
    assert document.status == "approved"
    assert client.post(approve, {}).status_code == 404  # no second button for the same request
    client.logout()
    assert "Teatrul Clasic" not in client.get("/ro/call-points/").content.decode()


@pytest.mark.browser
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_business_requests_a_button_in_chromium(
    browser, live_server, transactional_db, settings, javascript
):
    """The request filed by a real browser under production's Referrer-Policy, approved by an
    operator in the admin, and the button then found in the admin register only."""
    settings.SECURE_REFERRER_POLICY = "same-origin"
    service = _alert_button_service()
    district = make_district("Gai")
    staff = User.objects.create_user("dispecer", password="pass-1234-word")
    staff.groups.add(Group.objects.get(name="Safety operators"))

    failures: list[str] = []
    context = browser.new_context(java_script_enabled=javascript, locale="ro-RO")
    try:
        tab = context.new_page()
        tab.set_default_timeout(15_000)
        tab.on("response", lambda r: r.status in (403, 500) and failures.append(f"{r.status} {r.url}"))
        tab.goto(live_server.url + service.url)
        tab.fill("[name='organisation']", "Grădinița cu program prelungit 5")
        tab.fill("[name='site_address']", "Str. Mărului 7")
        tab.fill("[name='name']", "Ana Pop")
        tab.click("#service-form button[type=submit]")
        tab.wait_for_selector(".receipt__number")
        number = tab.inner_text(".receipt__number").strip()
        document = Document.objects.get(service=service)
        assert document.number in number

        tab.goto(f"{live_server.url}/admin/login/")
        tab.fill("#id_username", "dispecer")
        tab.fill("#id_password", "pass-1234-word")
        tab.click("button[type=submit]")
        tab.wait_for_url(f"{live_server.url}/admin/")
        tab.goto(f"{live_server.url}/admin/safety/requests/")
        form = tab.locator(f"form[action$='/requests/{document.pk}/approve/']")
        form.locator(f"[name='r{document.pk}-latitude']").fill("46.1735")
        form.locator(f"[name='r{document.pk}-longitude']").fill("21.3180")
        form.locator(f"[name='r{document.pk}-district']").select_option(str(district.pk))
        form.locator(f"[name='r{document.pk}-operator']").fill("Poliția Locală")
        form.locator("button[type=submit]").click()
        tab.wait_for_load_state()
        device = Device.objects.get(request_document=document)
        assert (device.kind, device.status) == ("alert_button", "planned")

        context.clear_cookies()  # now a visitor, not the operator
        for url in ("/ro/call-points/", "/en/call-points/", "/api/v1/safety/call-points"):
            tab.goto(live_server.url + url)
            assert "Grădinița cu program prelungit 5" not in tab.content()
            assert device.code not in tab.content()
    finally:
        context.close()
    assert not failures, failures
