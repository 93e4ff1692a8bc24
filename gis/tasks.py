"""Background work of the map: layer imports and map-use counts (eager without a broker)."""

from celery import shared_task

from .models import ImportJob
from .services.importer import run_import
from .services.usage import flush_usage


@shared_task(name="gis.tasks.import_layer_file")
def import_layer_file(job_id: int, replace: bool = False) -> str:
    job = run_import(job=ImportJob.objects.select_related("layer").get(pk=job_id), replace=replace)
    return job.status


@shared_task(name="gis.tasks.flush_map_usage")
def flush_map_usage() -> int:
    """Map uses counted in the cache, written to the database (on beat's schedule)."""
    return flush_usage()
