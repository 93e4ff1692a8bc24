"""Scheduled jobs shared by the whole portal (Celery beat: see CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from .purge import purge_personal_data as run_purge


@shared_task(name="portal.core.tasks.purge_personal_data")
def purge_personal_data() -> dict[str, int]:
    """Daily: erase personal data past retention in every app; returns the count per rule."""
    return run_purge()
