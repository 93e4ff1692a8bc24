"""Scheduled jobs of the registry (Celery beat: see CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from .services import purge_personal_data


@shared_task(name="portal.documents.tasks.purge_personal_data")
def purge_expired_personal_data() -> int:
    """Daily: erase personal data of archived documents past their retention period."""
    return purge_personal_data()
