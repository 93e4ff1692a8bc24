"""More read actions of the CKAN Action API: groups and tags one by one, autocompletion,
resource views and the caller's own account. Docstrings are served by help_show."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import Count, Q

from ..errors import NotAuthorized, NotFound
from ..models import THEMES, Activity, Dataset, Resource, Tag, Theme
from ..selectors import dictize
from .context import Context, find_dataset, find_resource, get_bool, get_int, get_str, require_key

VIEW_NAMESPACE = uuid.UUID("5d6c3a52-8d1e-4a8c-9a52-0c8f4ec1e0b7")


def _packages(ctx: Context, qs: Any) -> list[dict[str, Any]]:
    public = dictize.visible_datasets(include_private=ctx.sees_private).filter(pk__in=qs.values("pk"))
    return [dictize.package_dict(d, ctx.site) for d in dictize.with_relations(public.order_by("name"))[:1000]]


def group_show(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    """Return a group: one of the EU data themes, by its code (e.g. ``tran``).

    :param id: the id or name of the group
    :type id: string
    :param include_datasets: include up to 1000 of its public datasets (optional, default False)
    :type include_datasets: bool
    :rtype: dictionary
    """
    code = require_key(data, "id").upper()
    if code not in THEMES:
        raise NotFound("Group not found")
    counted = dictize.themes_with_counts().filter(code=code).first()
    result = dictize.group_dict(Theme(code=code), counted.package_count if counted else 0)
    if get_bool(data, "include_datasets"):
        result["packages"] = _packages(ctx, Dataset.objects.filter(themes__code=code))
    return result


def tag_show(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    """Return a tag, by its name or id.

    :param id: the name or id of the tag
    :type id: string
    :param include_datasets: include up to 1000 of its public datasets (optional, default False)
    :type include_datasets: bool
    :rtype: dictionary
    """
    ref = require_key(data, "id")
    tag = Tag.objects.filter(name=ref).first()
    if tag is None:  # by id: a UUID derived from the name
        tag = next((t for t in Tag.objects.only("name") if dictize.tag_id(t.name) == ref.lower()), None)
    if tag is None:
        raise NotFound("Could not find tag")
    result = {
        "id": dictize.tag_id(tag.name),
        "name": tag.name,
        "display_name": tag.name,
        "vocabulary_id": None,
    }
    if get_bool(data, "include_datasets"):
        result["packages"] = _packages(ctx, Dataset.objects.filter(tags=tag))
    return result


def package_autocomplete(ctx: Context, data: dict[str, Any]) -> list[dict[str, str]]:
    """Return public datasets whose name or title contains the text, names first.

    :param q: the text to look for
    :type q: string
    :param limit: how many to return, at most 100 (optional, default 10)
    :type limit: int
    :rtype: list of dictionaries with ``name``, ``title``, ``match_field``, ``match_displayed``
    """
    text = get_str(data, "q").strip()
    limit = get_int(data, "limit", 10, maximum=100)
    if not text:
        return []
    qs = dictize.visible_datasets().filter(Q(name__icontains=text) | Q(title__icontains=text))
    results = []
    for dataset in qs.order_by("name")[:limit]:
        by_name = text.lower() in dataset.name.lower()
        results.append(
            {
                "name": dataset.name,
                "title": dataset.title,
                "match_field": "name" if by_name else "title",
                "match_displayed": dataset.name if by_name else f"{dataset.title} ({dataset.name})",
            }
        )
    return sorted(results, key=lambda r: (r["match_field"] != "name", r["name"]))


def format_autocomplete(ctx: Context, data: dict[str, Any]) -> list[str]:
    """Return the resource formats in use that contain the text, most used first.

    :param q: the text to look for
    :type q: string
    :param limit: how many to return, at most 100 (optional, default 5)
    :type limit: int
    :rtype: list of strings
    """
    text = get_str(data, "q").strip()
    limit = get_int(data, "limit", 5, maximum=100)
    qs = (
        Resource.objects.filter(dataset__state=Dataset.State.ACTIVE, dataset__private=False)
        .exclude(format="")
        .filter(format__icontains=text)
        .values("format")
        .annotate(n=Count("pk"))
        .order_by("-n", "format")
    )
    return [row["format"].lower() for row in qs[:limit]]


def resource_view_list(ctx: Context, data: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the views of a resource: a table of its rows when it is in the datastore.

    :param id: the id of the resource
    :type id: string
    :rtype: list of dictionaries
    """
    resource = find_resource(ctx, require_key(data, "id"))
    if not resource.datastore_active:
        return []
    return [
        {
            "id": str(uuid.uuid5(VIEW_NAMESPACE, str(resource.pk))),
            "resource_id": str(resource.pk),
            "package_id": str(resource.dataset_id),
            "view_type": "datatables_view",
            "title": "Table",
            "description": "",
            "filterable": True,
            "responsive": False,
        }
    ]


def user_show(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    """Return the caller's own account (staff accounts are not listed publicly).

    :param id: the caller's user name or id (optional, default the caller)
    :type id: string
    :rtype: dictionary
    """
    user = ctx.user
    if not user or not user.is_authenticated:
        raise NotAuthorized("user_show needs an API token (Authorization header)")
    ref = get_str(data, "id").strip()
    if ref and ref not in (user.get_username(), str(user.pk)):
        raise NotAuthorized(f"user {user.get_username()} may only see their own account")
    return {
        "id": str(user.pk),
        "name": user.get_username(),
        "fullname": user.get_full_name(),
        "display_name": user.get_full_name() or user.get_username(),
        "email": user.email,
        "created": user.date_joined.replace(tzinfo=None).isoformat(),
        "sysadmin": user.is_superuser,
        "state": "active" if user.is_active else "deleted",
        "about": "",
    }


def datastore_info(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    """Return the datastore's description of a resource: its row count and fields.

    :param id: the id of the resource
    :type id: string
    :rtype: dictionary with ``meta`` and ``fields``
    """
    resource = find_resource(ctx, require_key(data, "id"))
    if not resource.datastore_active:
        raise NotFound(f'Resource "{resource.pk}" was not found.')
    return {
        "meta": {
            "id": str(resource.pk),
            "count": resource.datastore_rows.count(),
            "table_type": "BASE TABLE",
        },
        "fields": [
            {
                "id": field["id"],
                "type": field.get("type", "text"),
                "info": {
                    "label": field["id"],
                    "notes": field.get("description", ""),
                    "unit": field.get("unit", ""),
                },
            }
            for field in resource.fields
        ],
    }


def package_activity_list(ctx: Context, data: dict[str, Any]) -> list[dict[str, Any]]:
    """Return a dataset's activity stream, newest first: each creation, change and deletion.

    :param id: the id or name of the dataset
    :type id: string
    :param offset: how many to skip (optional)
    :type offset: int
    :param limit: how many to return, at most 100 (optional, default 31)
    :type limit: int
    :rtype: list of dictionaries
    """
    dataset = find_dataset(ctx, require_key(data, "id"))
    offset = get_int(data, "offset", 0)
    limit = get_int(data, "limit", 31, maximum=100)
    activities = Activity.objects.filter(dataset_id=dataset.pk).order_by("-timestamp")[
        offset : offset + limit
    ]
    return [
        {
            "id": str(a.id),
            "timestamp": a.timestamp.replace(tzinfo=None).isoformat(),
            "user_id": str(a.user_id) if a.user_id else None,
            "object_id": str(a.dataset_id),
            "activity_type": a.kind,
            "data": {"package": a.package},
        }
        for a in activities
    ]
