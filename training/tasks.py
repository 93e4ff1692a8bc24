"""Background work of the training app (eager without a broker)."""

from __future__ import annotations

from celery import shared_task

from portal.services.models import ServicePage

from .services.tutorial_generation import generate_service_tutorial


@shared_task(name="training.tasks.regenerate_service_tutorial")
def regenerate_service_tutorial(service_id: int) -> dict[str, int]:
    """Write the tutorial of a published service again where its fields or form changed."""
    service = ServicePage.objects.filter(pk=service_id).first()
    if service is None or not service.live:
        return {}
    report = generate_service_tutorial(service=service)
    return {status: report.count(status) for status in ("created", "updated", "unchanged", "skipped")}
