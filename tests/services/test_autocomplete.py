"""Input purpose (WCAG 1.3.5): only the sender's own details carry autocomplete tokens."""

from __future__ import annotations

import re

from portal.services.models import ServiceFormField, ServicePage


def test_request_forms_offer_autocomplete_only_for_the_senders_details(demo_city, client):
    checked = 0
    for service in ServicePage.objects.live().filter(
        online=True, locale__language_code__in=["ro", "en", "hu"]
    ):
        html = client.get(service.url).content.decode()
        for field in ServiceFormField.objects.filter(page=service).exclude(field_type__in=["hidden"]):
            tag = re.search(rf'<(?:input|textarea|select)[^>]*name="{field.clean_name}"[^>]*>', html)
            assert tag, f"{service.url}: no input for {field.clean_name}"
            token = re.search(r'autocomplete="([^"]*)"', tag.group(0))
            expected = {"name": "name", "email": "email", "phone": "tel", "address": "street-address"}
            assert (token and token.group(1)) == expected.get(field.role, "off"), (
                service.url,
                field.clean_name,
            )
            checked += 1
    assert ServiceFormField.objects.filter(clean_name="event_name", role="").exists()
    assert checked > 20
