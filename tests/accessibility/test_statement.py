"""The accessibility statement: one per language in the demo city with every section of the EU
model, linked from the footer of every page, and the reports it receives listed in the admin."""

from __future__ import annotations

import pytest

from portal.accessibility.models import AccessibilityFeedback, AccessibilityStatementPage
from portal.home.models import ContactPage, HomePage
from tests.factories import UserFactory

SECTIONS = (
    "statement-compliance",
    "statement-content",
    "statement-preparation",
    "statement-feedback",
    "statement-enforcement",
)


def test_the_demo_statement_has_every_section_in_every_language(demo_city, client):
    for language in ("ro", "en", "hu"):
        statement = AccessibilityStatementPage.objects.live().get(locale__language_code=language)
        html = client.get(statement.url).content.decode()
        for section in SECTIONS:
            assert f'id="{section}"' in html, (language, section)
        assert statement.contact_email in html
        # The footer of other pages links to it in the same language.
        for page in (
            HomePage.objects.get(locale__language_code=language),
            ContactPage.objects.get(locale__language_code=language),
        ):
            footer = client.get(page.url).content.decode().split("<footer", 1)[1]
            assert f'href="{statement.url}"' in footer


def test_a_report_needs_an_email_and_a_description(demo_city, client):
    statement = AccessibilityStatementPage.objects.live().get(locale__language_code="ro")
    response = client.post(statement.url, {"name": "", "email": "not-an-address", "description": ""})
    assert response.status_code == 200 and AccessibilityFeedback.objects.count() == 0
    assert 'aria-invalid="true"' in response.content.decode()


@pytest.mark.django_db
def test_reports_are_listed_in_the_admin(client):
    AccessibilityFeedback.objects.create(
        email="ion@example.org", description="Contrast prea mic", page_url="/ro/"
    )
    admin = UserFactory(username="admin", email="a@example.org", password="pass-1234-word", admin=True)
    client.force_login(admin)
    listing = client.get("/admin/snippets/accessibility/accessibilityfeedback/")
    assert listing.status_code == 200
    assert "ion@example.org" in listing.content.decode()
