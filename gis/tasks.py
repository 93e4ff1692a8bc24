"""Background work of the map: layer imports (eager without a broker)."""

from celery import shared_task

from .models import ImportJob
from .services.importer import run_import


@shared_task(name="gis.tasks.import_layer_file")
def import_layer_file(job_id: int, replace: bool = False) -> str:
    job = run_import(job=ImportJob.objects.select_related("layer").get(pk=job_id), replace=replace)
    return job.status
