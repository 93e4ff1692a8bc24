"""Scheduled jobs (Celery beat entries in the opendata settings section)."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings

from .clients import RemoteCatalogue
from .services import published, sync


@shared_task(name="opendata.tasks.refresh_published_datasets")
def refresh_published_datasets() -> dict[str, int]:
    summary = published.refresh_published()
    return {k: len(getattr(summary, k)) for k in ("created", "updated", "retired", "failed")}


def _client() -> RemoteCatalogue | None:
    url = getattr(settings, "OPENDATA_CKAN_URL", "")
    return RemoteCatalogue(url, settings.OPENDATA_CKAN_TOKEN) if url else None


@shared_task(name="opendata.tasks.sync_ckan_push")
def sync_ckan_push() -> str:
    client = _client()
    return str(sync.push(client=client)) if client else "no remote CKAN configured"


@shared_task(name="opendata.tasks.sync_ckan_pull")
def sync_ckan_pull() -> str:
    client = _client()
    if client is None or not settings.OPENDATA_CKAN_PULL_ORGANIZATIONS:
        return "no remote CKAN or organizations to harvest configured"
    return str(sync.pull(client=client, organizations=settings.OPENDATA_CKAN_PULL_ORGANIZATIONS))
