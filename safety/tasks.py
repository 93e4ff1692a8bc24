"""Scheduled jobs (Celery beat: see CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from .services.devices import mark_silent_devices as _mark


@shared_task(name="safety.tasks.mark_silent_devices")
def mark_silent_devices() -> list[str]:
    """Mark devices without a heartbeat for SAFETY_HEARTBEAT_TIMEOUT as faulty; their codes."""
    return [device.code for device in _mark()]
