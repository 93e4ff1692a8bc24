"""A published service's tutorial is written again (a Celery task) once the publish commits, so
that the screenshots show the form as published; a failure is logged, never fails the publish."""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction

logger = logging.getLogger(__name__)


def regenerate_tutorial_on_publish(sender: Any, instance: Any, **kwargs: Any) -> None:
    service_id = instance.pk

    def run() -> None:
        from .tasks import regenerate_service_tutorial

        try:
            regenerate_service_tutorial.delay(service_id)
        except Exception:
            logger.exception("The tutorial of service %s was not regenerated", service_id)

    transaction.on_commit(run)
