"""Writes: store a report of an accessibility problem and tell the staff."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction

from .models import AccessibilityFeedback, AccessibilityStatementPage

logger = logging.getLogger(__name__)


def feedback_recipients(page: AccessibilityStatementPage) -> list[str]:
    """Who is told of a report: ACCESSIBILITY_FEEDBACK_EMAIL, else the statement's contact."""
    configured = getattr(settings, "ACCESSIBILITY_FEEDBACK_EMAIL", "")
    return [address for address in [configured or page.contact_email] if address]


@transaction.atomic
def record_feedback(
    *,
    page: AccessibilityStatementPage,
    email: str,
    description: str,
    name: str = "",
    page_url: str = "",
    language: str = "",
) -> AccessibilityFeedback:
    """Store the report (listed in the admin) and e-mail it to the staff once committed."""
    feedback = AccessibilityFeedback.objects.create(
        name=name, email=email, page_url=page_url, description=description, language=language
    )
    recipients = feedback_recipients(page)
    if recipients:
        body = (
            f"Name: {name or '-'}\nE-mail: {email}\nPage: {page_url or '-'}\nLanguage: {language}\n\n"
            f"{description}\n"
        )
        transaction.on_commit(
            lambda: send_mail(
                f"Accessibility report #{feedback.pk}",
                body,
                settings.DEFAULT_FROM_EMAIL,
                recipients,
                fail_silently=False,
            )
        )
    else:
        logger.warning("No address for accessibility reports: set ACCESSIBILITY_FEEDBACK_EMAIL")
    return feedback
