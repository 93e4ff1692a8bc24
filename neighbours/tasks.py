"""Background work: sending a notice's deliveries, and retrying the failed ones on beat's schedule."""

from celery import shared_task

from .services.notices import deliver_due


@shared_task(name="neighbours.tasks.deliver_notice")
def deliver_notice(notice_id: int) -> dict[str, int]:
    """Send the notice's waiting deliveries; counts by outcome."""
    return deliver_due(notice_id=notice_id)


@shared_task(name="neighbours.tasks.retry_deliveries")
def retry_deliveries() -> dict[str, int]:
    """Send every delivery due for another attempt, whatever its notice."""
    return deliver_due()
