"""Datasets other apps publish automatically (their publishers.py), collected into the catalogue.

Upserted by key; each resource's bytes are produced afresh and re-ingested only when they
changed; datasets an app stopped declaring are retired.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify

from portal.core.city import get_city
from portal.core.contracts import PublishedDataset, published_datasets

from ..models import Dataset, Organization
from . import catalogue

logger = logging.getLogger(__name__)


@dataclass
class PublishSummary:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)


FREQ = {
    "daily": "DAILY",
    "weekly": "WEEKLY",
    "monthly": "MONTHLY",
    "annual": "ANNUAL",
    "yearly": "ANNUAL",
    "quarterly": "QUARTERLY",
    "continuous": "CONT",
    "irregular": "IRREG",
}


def _organization(title: str) -> Organization:
    title = title or get_city().publisher
    name = slugify(title)[:100] or "publisher"
    org = Organization.objects.filter(name=name).first()
    return org or catalogue.save_organization(name=name, title=title)


@transaction.atomic
def publish_one(item: PublishedDataset) -> bool:
    """Upsert one declared dataset and refresh its resources; True when it was created."""
    org = _organization(item.organization)
    data = {
        "name": slugify(item.key)[:100],
        "title": str(item.title),
        "notes": str(item.description),
        "owner_org": org.name,
        "license_id": item.license_id,
        "tags": [{"name": t} for t in item.tags],
        "groups": [{"name": c.lower()} for c in item.themes],
        "extras": [{"key": "frequency", "value": FREQ.get(item.frequency.lower(), item.frequency.upper())}],
    }
    dataset = Dataset.objects.filter(origin=Dataset.Origin.AUTO, source_key=item.key).first()
    created = dataset is None
    if created:
        dataset = catalogue.create_package(data=data, origin=Dataset.Origin.AUTO)
        Dataset.objects.filter(pk=dataset.pk).update(source_key=item.key)
    else:
        dataset = catalogue.update_package(dataset=dataset, data=data, partial=True)
    keep = []
    for published in item.resources:
        content = published.produce()
        extension = {"GEOJSON": "geojson"}.get(published.format.upper(), published.format.lower())
        filename = f"{slugify(published.name) or 'data'}.{extension}"
        resource = dataset.resources.filter(name=published.name).first() or catalogue.create_resource(
            dataset=dataset,
            data={
                "name": published.name,
                "format": published.format.upper(),
                "description": published.description,
            },
        )
        if resource.hash != hashlib.sha256(content).hexdigest():
            catalogue.attach_file(resource=resource, filename=filename, content=content)
        keep.append(resource.pk)
    dataset.resources.exclude(pk__in=keep).delete()
    return created


def refresh_published(*, declared: list[PublishedDataset] | None = None) -> PublishSummary:
    """Collect every app's declared datasets; one failing producer does not stop the others."""
    summary = PublishSummary()
    declared = published_datasets() if declared is None else declared
    for item in declared:
        try:
            (summary.created if publish_one(item) else summary.updated).append(item.key)
        except Exception as exc:  # noqa: BLE001 - another app's producer may fail; report it
            logger.warning("auto-published dataset %s failed: %s", item.key, exc)
            summary.failed[item.key] = str(exc)[:500]
    keys = {item.key for item in declared}
    for dataset in Dataset.objects.active().filter(origin=Dataset.Origin.AUTO).exclude(source_key__in=keys):
        catalogue.delete_package(dataset=dataset)
        summary.retired.append(dataset.source_key)
    return summary
