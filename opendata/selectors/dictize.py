"""Datasets, resources and organizations as the dictionaries CKAN's Action API returns."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.urls import reverse

from portal.core.translation import default_language, other_languages, translations

from ..models import LICENSES, THEMES, Activity, Dataset, Organization, Resource, Tag, Theme

TAG_NAMESPACE = uuid.UUID("0b7f4d1e-3c55-4a43-9d0e-6a8f3f1d2c11")


def base_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    return value.replace(tzinfo=None).isoformat() if hasattr(value, "tzinfo") else value.isoformat()


def download_url(resource: Resource, site: str | None = None) -> str:
    """Where a resource is downloaded (counted); remote links are given as they are."""
    if not resource.upload:
        return resource.url
    filename = resource.upload.name.rsplit("/", 1)[-1]
    path = reverse("opendata-download", args=[resource.pk, filename])
    return (site or base_url()) + path


def resource_dict(resource: Resource, site: str | None = None) -> dict[str, Any]:
    return {
        "id": str(resource.pk),
        "package_id": str(resource.dataset_id),
        "name": resource.name,
        "description": resource.description,
        "format": resource.format,
        "url": download_url(resource, site),
        "url_type": "upload" if resource.upload else None,
        "size": resource.size,
        "hash": resource.hash,
        "last_modified": _iso(resource.last_modified),
        "created": _iso(resource.created),
        "metadata_modified": _iso(resource.last_modified or resource.created),
        "position": resource.position,
        "datastore_active": resource.datastore_active,
        "mimetype_inner": None,
        "resource_type": None,
        "cache_url": None,
        "cache_last_updated": None,
        "mimetype": {"CSV": "text/csv", "JSON": "application/json", "GEOJSON": "application/geo+json"}.get(
            resource.format.upper()
        ),
        "state": "active",
        "fields": resource.fields,
        "validation_status": resource.validation_status or None,
        "downloads": resource.downloads,
    }


def organization_dict(org: Organization, package_count: int | None = None) -> dict[str, Any]:
    data = {
        "id": str(org.pk),
        "name": org.name,
        "title": org.title,
        "display_name": org.title,
        "description": org.description,
        "type": "organization",
        "is_organization": True,
        "state": "active",
        "approval_status": "approved",
        "image_url": "",
        "image_display_url": "",
        "created": _iso(org.created),
        "extras": [],
        "groups": [],
        "num_followers": 0,
        "users": [],  # staff accounts are not published
    }
    if package_count is not None:
        data["package_count"] = package_count
    return data


def group_dict(theme: Theme, package_count: int | None = None) -> dict[str, Any]:
    data = {
        "id": theme.code.lower(),
        "name": theme.code.lower(),
        "title": str(THEMES.get(theme.code, theme.code)),
        "display_name": str(THEMES.get(theme.code, theme.code)),
        "description": "",
        "type": "group",
        "is_organization": False,
        "state": "active",
        "image_url": "",
        "uri": theme.uri,
    }
    if package_count is not None:
        data["package_count"] = package_count
    return data


def tag_id(name: str) -> str:
    """A tag's id as CKAN gives it, a UUID: stable, derived from the (unique) name."""
    return str(uuid.uuid5(TAG_NAMESPACE, name))


def with_relations(qs: QuerySet[Dataset]) -> QuerySet[Dataset]:
    creator = Activity.objects.filter(dataset_id=OuterRef("pk"), kind=Activity.Kind.NEW, user__isnull=False)
    qs = qs.annotate(creator_id=Subquery(creator.order_by("timestamp").values("user_id")[:1]))
    return qs.select_related("organization").prefetch_related(
        Prefetch("tags", queryset=Tag.objects.order_by("name")),
        Prefetch("themes", queryset=Theme.objects.order_by("code")),
        Prefetch("resources", queryset=Resource.objects.order_by("position", "created")),
    )


def translated(dataset: Dataset, field: str) -> dict[str, str]:
    """CKAN fluent style: the field in every offered language, "" where there is no text."""
    texts = translations(dataset, field)
    return {lang: texts.get(lang, "") for lang in (default_language(), *other_languages())}


def package_dict(dataset: Dataset, site: str | None = None) -> dict[str, Any]:
    licence = LICENSES.get(dataset.license_id, {})
    tags = list(dataset.tags.all())
    themes = list(dataset.themes.all())
    extras = {
        "frequency": dataset.frequency,
        "temporal_start": dataset.temporal_start.isoformat() if dataset.temporal_start else "",
        "temporal_end": dataset.temporal_end.isoformat() if dataset.temporal_end else "",
        "spatial_text": dataset.spatial,
        "contact_name": dataset.contact_name,
        "contact_email": dataset.contact_email,
        "theme": ",".join(t.code for t in themes),
    }
    resources = [resource_dict(r, site) for r in dataset.resources.all()]
    return {
        "id": str(dataset.pk),
        "name": dataset.name,
        "title": dataset.title,
        "notes": dataset.notes,
        "title_translated": translated(dataset, "title"),
        "notes_translated": translated(dataset, "notes"),
        "type": "dataset",
        "state": dataset.state,
        "private": dataset.private,
        "owner_org": str(dataset.organization_id),
        "creator_user_id": str(dataset.creator_id) if getattr(dataset, "creator_id", None) else None,
        "organization": organization_dict(dataset.organization),
        "license_id": dataset.license_id,
        "license_title": licence.get("title", dataset.license_id),
        "license_url": licence.get("url", ""),
        "isopen": True,
        "maintainer": dataset.contact_name or None,
        "maintainer_email": dataset.contact_email or None,
        "author": dataset.organization.title,
        "author_email": None,
        "url": (site or base_url()) + reverse("opendata:dataset", args=[dataset.name]),
        "version": None,
        "metadata_created": _iso(dataset.metadata_created),
        "metadata_modified": _iso(dataset.metadata_modified),
        "tags": [
            {
                "name": t.name,
                "display_name": t.name,
                "id": tag_id(t.name),
                "state": "active",
                "vocabulary_id": None,
            }
            for t in tags
        ],
        "num_tags": len(tags),
        "groups": [group_dict(t) for t in themes],
        "extras": [{"key": k, "value": v} for k, v in extras.items() if v],
        "resources": resources,
        "num_resources": len(resources),
        "relationships_as_object": [],
        "relationships_as_subject": [],
    }


def visible_datasets(*, include_private: bool = False) -> QuerySet[Dataset]:
    qs = Dataset.objects.active()
    return qs if include_private else qs.filter(private=False)


def organizations_with_counts(*, include_private: bool = False) -> QuerySet[Organization]:
    cond = Q(datasets__state=Dataset.State.ACTIVE)
    if not include_private:
        cond &= Q(datasets__private=False)
    return Organization.objects.annotate(package_count=Count("datasets", filter=cond))


def themes_with_counts() -> QuerySet[Theme]:
    cond = Q(datasets__state=Dataset.State.ACTIVE, datasets__private=False)
    return Theme.objects.annotate(package_count=Count("datasets", filter=cond))
