"""Scheduled jobs (Celery beat: see CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from .services.health import mark_silent_cameras as _mark


@shared_task(name="cctv.tasks.mark_silent_cameras")
def mark_silent_cameras() -> list[str]:
    """Mark cameras without a heartbeat for CCTV_HEARTBEAT_TIMEOUT as faulty; their codes."""
    return [camera.code for camera in _mark()]
