"""Scheduled jobs (Celery beat: see CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from .services import take_snapshot


@shared_task(name="portal.kpi.tasks.snapshot_kpis")
def snapshot_kpis() -> dict[str, int]:
    result = take_snapshot()
    return {"stored": len(result.stored), "failed": len(result.failed)}
