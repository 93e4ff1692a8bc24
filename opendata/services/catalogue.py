"""Writes to the catalogue: datasets and resources from CKAN-shaped dictionaries.

The Action API, the sync with remote CKANs, the auto-publisher and the demo loader all go
through these functions, so one set of rules validates every dataset whatever its source.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from pathlib import PurePosixPath
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from portal.core.translation import default_language, other_languages

from ..errors import ValidationFailed
from ..models import FREQUENCIES, LICENSES, THEMES, Activity, Dataset, Organization, Resource, Tag, Theme
from . import activity, csvcheck

# Callers reach file handling through the catalogue too.
from .uploads import attach_file as attach_file
from .uploads import check_upload_size as check_upload_size

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


TEXT_KEYS = (
    "name",
    "title",
    "notes",
    "owner_org",
    "license_id",
    "tag_string",
    "url",
    "format",
    "description",
    "hash",
    "last_modified",
    "remote_id",
    "id",
    "package_id",
    *EXTRA_FIELDS,
)
LIST_KEYS = {"tags": (dict, str), "groups": (dict, str), "extras": (dict,), "resources": (dict,)}
MAX_SIZE = 2**63 - 1


def check_types(data: Any) -> None:
    """Refuse values of the wrong JSON type (a list for a title, a number for tags) up front,
    as CKAN's validators do, so nothing below meets a type it cannot handle."""
    if not isinstance(data, dict):
        raise ValidationFailed({"__body": ["A dictionary is expected"]})
    errors: dict[str, list[str]] = {}
    for key in TEXT_KEYS:
        value = data.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, str | int | float)):
            errors[key] = ["Must be a string"]
    for key, kinds in LIST_KEYS.items():
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, list) or not all(isinstance(item, kinds) for item in value):
            errors[key] = ["Must be a list of dictionaries"]
        elif any(isinstance(item, dict) and not _texts(item) for item in value):
            errors[key] = ["Each item's values must be text, numbers or booleans"]
    if errors:
        raise ValidationFailed(errors)


def _texts(item: dict[str, Any]) -> bool:
    """An item (tag, group, extra) whose own values are scalars; resources are checked apart."""
    if "package_id" in item or "url" in item or "upload" in item:
        return True
    return all(v is None or isinstance(v, str | int | float | bool) for v in item.values())


def _bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes", "on")
    return bool(value)


def resolve_organization(ref: str) -> Organization | None:
    org = Organization.objects.filter(name=ref).first()
    if org is None and _is_uuid(ref):
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


@transaction.atomic
def create_organization(*, data: dict[str, Any]) -> Organization:
    """organization_create: a new publisher; its name must be free."""
    check_types(data)
    name = str(data.get("name") or "").strip()
    if Organization.objects.filter(name=name).exists():
        raise ValidationFailed({"name": ["Group name already exists in database"]})
    return save_organization(
        name=name,
        title=str(data.get("title") or name)[:200],
        description=str(data.get("description") or ""),
    )


@transaction.atomic
def patch_organization(
    *, organization: Organization, data: dict[str, Any], partial: bool = True
) -> Organization:
    """organization_patch (only the given name, title and description change) or
    organization_update (title and description not given are reset)."""
    check_types(data)
    if not partial:
        data = {"title": "", "description": "", **data}
    if "name" in data and str(data["name"] or "") != organization.name:
        name = str(data["name"] or "").strip()
        if not NAME_RE.match(name):
            raise ValidationFailed(
                {"name": ["Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_"]}
            )
        if Organization.objects.filter(name=name).exclude(pk=organization.pk).exists():
            raise ValidationFailed({"name": ["Group name already exists in database"]})
        organization.name = name
    if "title" in data:
        organization.title = str(data["title"] or organization.name)[:200]
    if "description" in data:
        organization.description = str(data["description"] or "")
    organization.save(update_fields=["name", "title", "description"])
    return organization


def _tags(data: dict[str, Any]) -> list[str] | None:
    if "tags" in data:
        names = [str(t.get("name") or "") if isinstance(t, dict) else str(t) for t in data["tags"] or []]
    elif "tag_string" in data:
        names = [t for t in str(data["tag_string"]).split(",")]
    else:
        return None
    return sorted({n.strip() for n in names if n and n.strip()})


def _themes(data: dict[str, Any], extras: dict[str, str]) -> list[str] | None:
    if "groups" in data:
        groups = data["groups"] or []
        codes = [str((g.get("name") or "") if isinstance(g, dict) else g).upper() for g in groups]
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


TRANSLATED = {"title_translated": ("title", 255), "notes_translated": ("notes", None)}


def _apply_translations(dataset: Dataset, data: dict[str, Any], errors: dict[str, list[str]]) -> None:
    """CKAN fluent fields: `title_translated` / `notes_translated` as {language: text}; the
    default language's text is the original (unless `title` / `notes` is given too)."""
    for key, (field, size) in TRANSLATED.items():
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, dict) or not all(isinstance(v, str | type(None)) for v in value.values()):
            errors[key] = ["Must be a dictionary of language codes to texts"]
            continue
        unknown = set(value) - {default_language(), *other_languages()}
        if unknown:
            errors[key] = [f"Unknown languages: {', '.join(sorted(map(str, unknown)))}"]
            continue
        for lang, text in value.items():
            text = (text or "")[:size] if size else text or ""
            if lang == default_language():
                if field not in data and text:
                    setattr(dataset, field, text)
            else:
                setattr(dataset, f"{field}_{lang}", text)


def _apply_package_fields(dataset: Dataset, data: dict[str, Any], creating: bool) -> dict:
    """Copy scalar fields onto `dataset`; returns {"tags", "themes"} to set after saving."""
    check_types(data)
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
    _apply_translations(dataset, data, errors)
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
            try:
                value = parse_date(value) if value else None
            except ValueError:
                value = None
            if extras[key] and value is None:
                errors[key] = ["Date format incorrect, use YYYY-MM-DD"]
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
def create_package(*, data: dict[str, Any], origin: str = Dataset.Origin.LOCAL, actor: Any = None) -> Dataset:
    """package_create: a dataset and, when given, its resources."""
    dataset = Dataset(origin=origin)
    relations = _apply_package_fields(dataset, data, creating=True)
    dataset.metadata_created = dataset.metadata_modified = timezone.now()
    dataset.save()
    _set_relations(dataset, relations)
    for position, item in enumerate(data.get("resources") or []):
        _save_resource(Resource(dataset=dataset, position=position), item)
    activity.record(dataset=dataset, kind=Activity.Kind.NEW, actor=actor)
    return dataset


@transaction.atomic
def update_package(*, dataset: Dataset, data: dict[str, Any], partial: bool, actor: Any = None) -> Dataset:
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
    activity.record(dataset=dataset, kind=Activity.Kind.CHANGED, actor=actor)
    return dataset


@transaction.atomic
def delete_package(*, dataset: Dataset, actor: Any = None) -> None:
    """package_delete: CKAN keeps the dataset in state 'deleted'; so do we."""
    dataset.state = Dataset.State.DELETED
    dataset.metadata_modified = timezone.now()
    dataset.save(update_fields=["state", "metadata_modified"])
    activity.record(dataset=dataset, kind=Activity.Kind.DELETED, actor=actor)


@transaction.atomic
def purge_package(*, dataset: Dataset) -> None:
    """dataset_purge: remove a dataset for good, with its resources, rows and files."""
    for resource in dataset.resources.all():
        delete_resource(resource=resource, touch=False)
    dataset.delete()


@transaction.atomic
def delete_resource(*, resource: Resource, touch: bool = True, actor: Any = None) -> None:
    """resource_delete: the resource, its datastore rows and (once committed) its file."""
    if resource.upload:
        storage, name = resource.upload.storage, resource.upload.name
        transaction.on_commit(lambda: storage.delete(name))
    dataset = resource.dataset
    resource.delete()
    if touch:
        Dataset.objects.filter(pk=dataset.pk).update(metadata_modified=timezone.now())
        activity.record(dataset=dataset, kind=Activity.Kind.CHANGED, actor=actor)


@transaction.atomic
def clear_datastore(*, resource: Resource) -> None:
    """datastore_delete: the resource's rows go; the resource and its file stay."""
    resource.datastore_rows.all().delete()
    Resource.objects.filter(pk=resource.pk).update(datastore_active=False)
    resource.datastore_active = False


def _is_uuid(value: Any) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def _save_resource(resource: Resource, data: dict[str, Any], upload: Any = None) -> Resource:
    check_types(data)
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
        except (TypeError, ValueError, OverflowError):
            errors["size"] = ["Invalid integer"]
        if not errors.get("size") and not 0 <= resource.size <= MAX_SIZE:
            errors["size"] = ["Must be a natural number"]
    if "hash" in data:
        resource.hash = str(data["hash"] or "")[:64]
    if data.get("last_modified"):
        try:
            parsed = parse_datetime(str(data["last_modified"]))
        except ValueError:
            parsed = None
        if parsed is None:
            errors["last_modified"] = ["Date format incorrect"]
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
        if not isinstance(fields, list) or not all(
            isinstance(f, dict) and f.get("id") and isinstance(f["id"], str) for f in fields
        ):
            errors["fields"] = ["A list of {id, type, description, unit} is expected"]
        elif any(
            not isinstance(f.get("type", "text"), str) or f.get("type", "text") not in csvcheck.TYPES
            for f in fields
        ):
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
def create_resource(
    *, dataset: Dataset, data: dict[str, Any], upload: Any = None, actor: Any = None
) -> Resource:
    position = dataset.resources.count()
    resource = _save_resource(Resource(dataset=dataset, position=position), data, upload)
    Dataset.objects.filter(pk=dataset.pk).update(metadata_modified=timezone.now())
    activity.record(dataset=dataset, kind=Activity.Kind.CHANGED, actor=actor)
    return resource


@transaction.atomic
def update_resource(
    *, resource: Resource, data: dict[str, Any], upload: Any = None, actor: Any = None
) -> Resource:
    resource = _save_resource(resource, data, upload)
    Dataset.objects.filter(pk=resource.dataset_id).update(metadata_modified=timezone.now())
    activity.record(dataset=resource.dataset, kind=Activity.Kind.CHANGED, actor=actor)
    return resource


def count_download(*, resource: Resource) -> None:
    """One more download, counted in the database (no lost updates under concurrency)."""
    from django.db.models import F

    Resource.objects.filter(pk=resource.pk).update(downloads=F("downloads") + 1)
