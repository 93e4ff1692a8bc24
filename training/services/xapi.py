"""xAPI statements ("learner completed lesson/course") for an external learning-record store,
sent only when TRAINING_XAPI_ENDPOINT is set, after the database commit, never blocking a learner."""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from training import clients

log = logging.getLogger(__name__)
VERBS = {"completed": "http://adlnet.gov/expapi/verbs/completed"}


def statement(*, user: AbstractBaseUser, verb: str, page: Page) -> dict[str, Any]:
    """The statement; the learner is a pseudonymous account id (a hash), never a name or e-mail."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    pseudonym = hashlib.sha256(f"{settings.SECRET_KEY}:{user.pk}".encode()).hexdigest()[:24]
    return {
        "actor": {"objectType": "Agent", "account": {"homePage": base, "name": pseudonym}},
        "verb": {"id": VERBS[verb], "display": {"en-US": verb}},
        "object": {
            "objectType": "Activity",
            "id": base + page.url_path,
            "definition": {"name": {page.locale.language_code: page.title}},
        },
        "timestamp": timezone.now().isoformat(),
    }


def send_statement(*, user: AbstractBaseUser, verb: str, page: Page) -> None:
    endpoint = getattr(settings, "TRAINING_XAPI_ENDPOINT", "")
    if not endpoint:
        return
    body = statement(user=user, verb=verb, page=page)

    def _send() -> None:
        try:
            clients.post_statement(
                endpoint=endpoint,
                statement=body,
                username=settings.TRAINING_XAPI_USERNAME,
                password=settings.TRAINING_XAPI_PASSWORD,
            )
        except OSError as error:  # the LRS is optional: log and go on
            log.warning("xAPI statement not sent to %s: %s", endpoint, error)

    transaction.on_commit(_send)
