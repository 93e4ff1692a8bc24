"""Load the demo open data: `manage.py load_demo_opendata`. Idempotent: organizations and datasets
are upserted by name, and a CSV is validated and ingested again only when its content changed."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.db import transaction

from ..models import Dataset, Organization
from ..services import catalogue
from . import data

Progress = Callable[[int, int, str], None] | None


@transaction.atomic
def load_demo_opendata(*, progress: Progress = None) -> dict[str, int]:
    """Upsert the demo organizations and datasets; unchanged files are not re-ingested."""
    from portal.services.models import DepartmentPage

    counts = {"created": 0, "updated": 0, "files": 0}
    total = len(data.ORGANIZATIONS) + len(data.DATASETS)
    step = 0
    for org in data.ORGANIZATIONS:
        step += 1
        department = DepartmentPage.objects.filter(slug=org.name, locale__language_code="ro").first()
        catalogue.save_organization(
            name=org.name, title=org.title, description=org.description, department=department
        )
        if progress:
            progress(step, total, f"organization {org.name}")
    for demo in data.DATASETS:
        step += 1
        package = {
            "name": demo.name,
            "title": demo.title.ro,
            "notes": demo.notes.ro,
            "title_translated": demo.title.translations(),
            "notes_translated": demo.notes.translations(),
            "owner_org": demo.org,
            "license_id": "CC-BY-4.0",
            "tags": [{"name": t} for t in demo.tags],
            "groups": [{"name": c.lower()} for c in demo.themes],
            "extras": [
                {"key": "frequency", "value": demo.frequency},
                {"key": "contact_name", "value": Organization.objects.get(name=demo.org).title},
                {"key": "contact_email", "value": "opendata@primariaarad.example"},
                {"key": "temporal_start", "value": "2025-01-01"},
            ],
        }
        dataset = Dataset.objects.filter(name=demo.name).first()
        if dataset is None:
            dataset = catalogue.create_package(data=package)
            counts["created"] += 1
        else:
            dataset = catalogue.update_package(dataset=dataset, data=package, partial=True)
            counts["updated"] += 1
        content = demo.content()
        fields = [column.as_field() for column in demo.columns]
        resource = dataset.resources.filter(name=demo.filename).first()
        if resource is None:
            resource = catalogue.create_resource(
                dataset=dataset, data={"name": demo.filename, "format": "CSV", "fields": fields}
            )
        if resource.hash != hashlib.sha256(content).hexdigest():
            resource.fields = fields
            catalogue.attach_file(resource=resource, filename=demo.filename, content=content)
            counts["files"] += 1
        if progress:
            progress(step, total, f"dataset {demo.name}")
    return counts
