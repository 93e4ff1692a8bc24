"""Writes to the catalogue: datasets and resources from CKAN-shaped dictionaries.

The Action API, the sync with remote CKANs, the auto-publisher and the demo loader all go
through these functions, so one set of rules validates every dataset whatever its source.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import logging
import re
from pathlib import PurePosixPath
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.base import File
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from ..errors import ValidationFailed
from ..models import FREQUENCIES, LICENSES, THEMES, Dataset, Organization, Resource, Tag, Theme
from . import csvcheck

logger = logging.getLogger(__name__)
CHUNK_BYTES = 64 * 1024
NAME_RE = re.compile(r"^[a-z0-9_-]{2,100}$")
TAG_RE = re.compile(r"^[\w .-]{1,100}$")
# Dataset metadata CKAN has no core field for travel as extras under these keys.
EXTRA_FIELDS = {
    "frequency": "frequency",
    "temporal_start": "temporal_start",
    "temporal_end": "temporal_end",
    "spatial_text": "spatial",
    "contact_name": "contact_name",
    "contact_email": "contact_email",
    "theme": "themes",
}


def _bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes", "on")
    return bool(value)


def resolve_organization(ref: str) -> Organization | None:
    org = Organization.objects.filter(name=ref).first()
    if org is None and re.fullmatch(r"[0-9a-fA-F-]{32,36}", ref or ""):
        org = Organization.objects.filter(pk=ref).first()
    return org


@transaction.atomic
def save_organization(
    *, name: str, title: str, description: str = "", department: Any = None, email: str = ""
) -> Organization:
    """Create or update an organization by name (slug)."""
    if not NAME_RE.match(name):
        raise ValidationFailed(
            {"name": ["Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_"]}
        )
    org, _ = Organization.objects.update_or_create(
        name=name,
        defaults={"title": title, "description": description, "department": department, "email": email},
    )
    return org


def _tags(data: dict[str, Any]) -> list[str] | None:
    if "tags" in data:
        names = [t["name"] if isinstance(t, dict) else str(t) for t in data["tags"] or []]
    elif "tag_string" in data:
        names = [t for t in str(data["tag_string"]).split(",")]
    else:
        return None
    return sorted({n.strip() for n in names if n and n.strip()})


def _themes(data: dict[str, Any], extras: dict[str, str]) -> list[str] | None:
    if "groups" in data:
        codes = [(g["name"] if isinstance(g, dict) else str(g)).upper() for g in data["groups"] or []]
    elif "theme" in extras:
        codes = [c.strip().upper() for c in extras["theme"].split(",") if c.strip()]
    else:
        return None
    return sorted(set(codes))


def _extras(data: dict[str, Any]) -> dict[str, str]:
    extras = {}
    for item in data.get("extras") or []:
        if isinstance(item, dict) and "key" in item:
            extras[str(item["key"])] = "" if item.get("value") is None else str(item["value"])
    for key in EXTRA_FIELDS:
        if key in data and key != "theme":
            extras[key] = "" if data[key] is None else str(data[key])
    return extras


def _apply_package_fields(dataset: Dataset, data: dict[str, Any], creating: bool) -> dict:
    """Copy scalar fields onto `dataset`; returns {"tags", "themes"} to set after saving."""
    errors: dict[str, list[str]] = {}
    if creating or "name" in data:
        name = str(data.get("name") or "").strip()
        if not name:
            errors["name"] = ["Missing value"]
        elif not NAME_RE.match(name):
            errors["name"] = [
                "Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_"
            ]
        elif Dataset.objects.filter(name=name).exclude(pk=dataset.pk).exists():
            errors["name"] = ["That URL is already in use."]
        dataset.name = name
    if "title" in data or creating:
        dataset.title = str(data.get("title") or dataset.name)[:255]
    if "notes" in data:
        dataset.notes = data["notes"] or ""
    if creating or "owner_org" in data:
        org = resolve_organization(str(data.get("owner_org") or ""))
        if org is None:
            errors["owner_org"] = ["Organization does not exist"]
        else:
            dataset.organization = org
    if "license_id" in data:
        if data["license_id"] and data["license_id"] not in LICENSES:
            errors["license_id"] = [f"License {data['license_id']!r} is not offered here"]
        dataset.license_id = data["license_id"] or "CC-BY-4.0"
    if "private" in data:
        dataset.private = _bool(data["private"])
    extras = _extras(data)
    for key, attr in EXTRA_FIELDS.items():
        if key not in extras or key == "theme":
            continue
        value = extras[key]
        if attr == "frequency":
            value = value.upper() or "IRREG"
            if value not in FREQUENCIES:
                errors["frequency"] = [f"Unknown frequency {value!r}"]
        elif attr.startswith("temporal"):
            value = parse_date(value) if value else None
        setattr(dataset, attr, value)
    tags = _tags(data)
    for tag in tags or []:
        if not TAG_RE.match(tag):
            errors.setdefault("tags", []).append(
                f'Tag "{tag}" must be alphanumeric characters or symbols: -_.'
            )
    themes = _themes(data, extras)
    for code in themes or []:
        if code not in THEMES:
            errors.setdefault("groups", []).append(f"Group {code.lower()!r} not found")
    if errors:
        raise ValidationFailed(errors)
    return {"tags": tags, "themes": themes}


def _set_relations(dataset: Dataset, relations: dict) -> None:
    if relations["tags"] is not None:
        dataset.tags.set([Tag.objects.get_or_create(name=n)[0] for n in relations["tags"]])
    if relations["themes"] is not None:
        dataset.themes.set([Theme.objects.get_or_create(code=c)[0] for c in relations["themes"]])


@transaction.atomic
def create_package(*, data: dict[str, Any], origin: str = Dataset.Origin.LOCAL) -> Dataset:
    """package_create: a dataset and, when given, its resources."""
    dataset = Dataset(origin=origin)
    relations = _apply_package_fields(dataset, data, creating=True)
    dataset.metadata_created = dataset.metadata_modified = timezone.now()
    dataset.save()
    _set_relations(dataset, relations)
    for position, item in enumerate(data.get("resources") or []):
        _save_resource(Resource(dataset=dataset, position=position), item)
    return dataset


@transaction.atomic
def update_package(*, dataset: Dataset, data: dict[str, Any], partial: bool) -> Dataset:
    """package_update (every field replaced) or package_patch (only the given ones)."""
    if not partial:
        data = {"name": dataset.name, "owner_org": str(dataset.organization_id), **data}
        for key, empty in (("tags", []), ("groups", []), ("resources", []), ("notes", "")):
            data.setdefault(key, empty)
    relations = _apply_package_fields(dataset, data, creating=False)
    dataset.state = Dataset.State.ACTIVE
    dataset.metadata_modified = timezone.now()
    dataset.save()
    _set_relations(dataset, relations)
    if "resources" in data:
        keep = []
        for position, item in enumerate(data["resources"] or []):
            existing = (
                dataset.resources.filter(pk=item.get("id")).first() if _is_uuid(item.get("id")) else None
            )
            resource = existing or Resource(dataset=dataset)
            resource.position = position
            keep.append(_save_resource(resource, item).pk)
        dataset.resources.exclude(pk__in=keep).delete()
    return dataset


@transaction.atomic
def delete_package(*, dataset: Dataset) -> None:
    """package_delete: CKAN keeps the dataset in state 'deleted'; so do we."""
    dataset.state = Dataset.State.DELETED
    dataset.metadata_modified = timezone.now()
    dataset.save(update_fields=["state", "metadata_modified"])


def _is_uuid(value: Any) -> bool:
    return bool(value) and bool(re.fullmatch(r"[0-9a-fA-F-]{32,36}", str(value)))


def _save_resource(resource: Resource, data: dict[str, Any], upload: Any = None) -> Resource:
    errors: dict[str, list[str]] = {}
    if "name" in data or not resource.name:
        resource.name = str(data.get("name") or "")[:255]
    if "description" in data:
        resource.description = data["description"] or ""
    if "url" in data and upload is None:
        resource.url = str(data["url"] or "")[:1000]
    if "format" in data:
        resource.format = str(data["format"] or "").upper()[:40]
    if data.get("size") not in (None, ""):
        try:
            resource.size = int(data["size"])
        except (TypeError, ValueError):
            errors["size"] = ["Invalid integer"]
    if "hash" in data:
        resource.hash = str(data["hash"] or "")[:64]
    if data.get("last_modified"):
        parsed = parse_datetime(str(data["last_modified"]))
        if parsed is not None and timezone.is_naive(parsed):
            parsed = timezone.make_aware(parsed, dt.UTC)
        resource.last_modified = parsed
    if "fields" in data:
        fields = data["fields"] or []
        if isinstance(fields, str):  # multipart uploads send it as JSON text
            try:
                fields = json.loads(fields)
            except ValueError:
                fields = None
        if not isinstance(fields, list) or not all(isinstance(f, dict) and f.get("id") for f in fields):
            errors["fields"] = ["A list of {id, type, description, unit} is expected"]
        elif any(f.get("type", "text") not in csvcheck.TYPES for f in fields):
            errors["fields"] = [f"Types must be one of {', '.join(csvcheck.TYPES)}"]
        else:
            resource.fields = fields
    if "remote_id" in data:
        resource.remote_id = data["remote_id"]
    if errors:
        raise ValidationFailed(errors)
    if upload is not None:
        check_upload_size(getattr(upload, "size", None))
    if not resource.name:
        source = getattr(upload, "name", "") or resource.url
        resource.name = PurePosixPath(source.split("?")[0]).name or "resource"
    resource.save()
    if upload is not None:
        attach_file(resource=resource, filename=PurePosixPath(upload.name).name, content=upload)
    elif not resource.format and resource.url:
        resource.format = PurePosixPath(resource.url.split("?")[0]).suffix.lstrip(".").upper()
        resource.save(update_fields=["format"])
    return resource


@transaction.atomic
def create_resource(*, dataset: Dataset, data: dict[str, Any], upload: Any = None) -> Resource:
    position = dataset.resources.count()
    resource = _save_resource(Resource(dataset=dataset, position=position), data, upload)
    Dataset.objects.filter(pk=dataset.pk).update(metadata_modified=timezone.now())
    return resource


@transaction.atomic
def update_resource(*, resource: Resource, data: dict[str, Any], upload: Any = None) -> Resource:
    resource = _save_resource(resource, data, upload)
    Dataset.objects.filter(pk=resource.dataset_id).update(metadata_modified=timezone.now())
    return resource


def _size_and_hash(handle: IO[bytes]) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    handle.seek(0)
    while chunk := handle.read(CHUNK_BYTES):
        digest.update(chunk)
        size += len(chunk)
    return size, digest.hexdigest()


def check_upload_size(size: int | None) -> None:
    """Refuse a file over OPENDATA_UPLOAD_MAX_BYTES before anything is stored."""
    limit = settings.OPENDATA_UPLOAD_MAX_BYTES
    if size is not None and size > limit:
        raise ValidationFailed(
            {
                "upload": [
                    _("The file is larger than the %(limit)s MB allowed.")
                    % {"limit": f"{limit / 1024 / 1024:g}"}
                ]
            }
        )


@transaction.atomic
def attach_file(
    *, resource: Resource, filename: str, content: bytes | IO[bytes]
) -> csvcheck.CsvReport | None:
    """Store an uploaded file, fingerprint it, and validate and ingest it when it is CSV.

    The file is streamed (bytes or a binary file such as an upload): it is copied, hashed,
    validated and ingested in chunks and rows, never read whole into memory. When storing or
    ingesting fails, the new file is removed and the resource keeps its previous one; the error
    names the file, never a server path. A CSV that fails validation is kept (publishers see
    the report in the admin) but is not ingested into the datastore, so the preview and
    datastore_search never show bad rows.
    """
    handle = io.BytesIO(content) if isinstance(content, bytes) else content
    size, digest = _size_and_hash(handle)
    check_upload_size(size)
    filename = PurePosixPath(filename.replace("\\", "/")).name or "upload"
    previous = resource.upload.name if resource.upload else ""
    try:
        handle.seek(0)
        resource.upload.save(filename, File(handle, name=filename), save=False)
        with transaction.atomic():
            report = _ingest(resource=resource, filename=filename, size=size, digest=digest)
    except (OSError, SuspiciousFileOperation, csv.Error) as exc:
        logger.warning("storing %s for resource %s failed", filename, resource.pk, exc_info=True)
        _remove(resource, previous)
        raise ValidationFailed(
            {"upload": [_("The file %(name)s could not be stored or read.") % {"name": filename}]}
        ) from exc
    except BaseException:
        _remove(resource, previous)
        raise
    if previous and previous != resource.upload.name:
        storage = resource.upload.storage
        transaction.on_commit(lambda: storage.delete(previous))
    return report


def _remove(resource: Resource, previous: str) -> None:
    """Delete a half-stored new file; the row (rolled back) still points at `previous`."""
    if resource.upload and resource.upload.name != previous:
        resource.upload.storage.delete(resource.upload.name)
    resource.upload.name = previous


def _ingest(*, resource: Resource, filename: str, size: int, digest: str) -> csvcheck.CsvReport | None:
    resource.url = ""
    resource.size = size
    resource.hash = digest
    resource.last_modified = timezone.now()
    suffix = PurePosixPath(filename).suffix.lstrip(".").upper()
    resource.format = resource.format or suffix
    report = None
    if resource.format == "CSV":
        with resource.upload.open("rb") as stored:
            report = csvcheck.validate_csv(stored, resource.fields or None)
            resource.validation_report = report.issues
            resource.validation_status = Resource.Status.VALID if report.valid else Resource.Status.INVALID
            if report.valid:
                resource.fields = report.fields
                resource.save()
                csvcheck.ingest(resource=resource, source=stored, report=report)
    resource.save()
    if report is not None and not report.valid:
        resource.datastore_rows.all().delete()
        Resource.objects.filter(pk=resource.pk).update(datastore_active=False)
        resource.datastore_active = False
    return report


def count_download(*, resource: Resource) -> None:
    """One more download, counted in the database (no lost updates under concurrency)."""
    from django.db.models import F

    Resource.objects.filter(pk=resource.pk).update(downloads=F("downloads") + 1)
