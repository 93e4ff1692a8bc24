"""Read actions of the CKAN Action API. Docstrings are served by help_show."""

from __future__ import annotations

import csv
import functools
import importlib.metadata
import io
import tomllib
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.models import Count, Q

from portal.core.city import get_city

from ..errors import NotFound, ValidationFailed
from ..models import LICENSES, THEMES, Dataset, Resource, Tag, Theme
from ..selectors import datastore as datastore_selectors
from ..selectors import dictize, search
from .context import (
    MAX_INT,
    Context,
    as_uuid,
    find_dataset,
    find_resource,
    get_bool,
    get_int,
    get_list,
    get_str,
    require_key,
)


def status_show(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    """Return the site's status: title, URL, CKAN API version it speaks and extensions.

    :rtype: dictionary
    """
    return {
        "site_title": f"{get_city().name('en')} – open data",
        "site_url": ctx.site,
        "site_description": f"Open data of {get_city().authority('en')}",
        # Honest: this is the portal's own version, not CKAN's; it speaks Action API 3.
        "ckan_version": portal_version(),
        "api_version": 3,
        "software": "arad-digital",
        "error_emails_to": None,
        "locale_default": settings.LANGUAGE_CODE,
        "extensions": ["datastore", "dcat"],
    }


@functools.cache
def portal_version() -> str:
    """The project's version, from its installed metadata or else its pyproject.toml."""
    try:
        return importlib.metadata.version("arad-digital")
    except importlib.metadata.PackageNotFoundError:
        with (Path(settings.BASE_DIR) / "pyproject.toml").open("rb") as handle:
            return str(tomllib.load(handle)["project"]["version"])


def site_read(ctx: Context, data: dict[str, Any]) -> bool:
    """Return ``True`` (the catalogue can be read).

    :rtype: bool
    """
    return True


def package_list(ctx: Context, data: dict[str, Any]) -> list[str]:
    """Return the names of the site's public datasets.

    :param limit: how many names to return (optional)
    :type limit: int
    :param offset: how many to skip, when a limit is given (optional)
    :type offset: int
    :rtype: list of strings
    """
    names = Dataset.objects.public().order_by("name").values_list("name", flat=True)
    offset = get_int(data, "offset", 0)
    if "limit" in data:
        return list(names[offset : offset + get_int(data, "limit", 0)])
    return list(names[offset:])


def current_package_list_with_resources(ctx: Context, data: dict[str, Any]) -> list[dict]:
    """Return public datasets with their resources, most recently modified first.

    :param limit: how many datasets to return (optional, default 10 000 at most)
    :type limit: int
    :param offset: how many to skip (optional)
    :type offset: int
    :param page: the page of ``limit`` datasets, from 1, when no offset is given (optional)
    :type page: int
    :rtype: list of dictionaries
    """
    limit = get_int(data, "limit", 1000, maximum=10000)
    page = get_int(data, "page", 1)
    if page < 1:
        raise ValidationFailed({"page": ["Must be larger than 0"]})
    offset = get_int(data, "offset", min((page - 1) * limit, MAX_INT))
    qs = dictize.with_relations(Dataset.objects.public().order_by("-metadata_modified", "name"))
    return [dictize.package_dict(d, ctx.site) for d in qs[offset : offset + limit]]


def package_show(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    """Return the metadata of a dataset and its resources.

    :param id: the id or name of the dataset
    :type id: string
    :rtype: dictionary
    """
    dataset = find_dataset(ctx, require_key(data, "id"))
    dataset = dictize.with_relations(Dataset.objects.filter(pk=dataset.pk)).get()
    return dictize.package_dict(dataset, ctx.site)


def package_search(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    """Search datasets, with Solr-style filters and facets.

    :param q: the query, e.g. ``transport`` or ``tags:parking`` (optional, default ``*:*``)
    :type q: string
    :param fq: filter query: ``field:value``, ``field:"a b"``, ``field:[a TO b]``,
        ``-field:value``, ``AND``, ``OR``, parentheses; fields: name, title, notes, tags,
        organization, owner_org, groups, res_format, license_id, metadata_modified,
        metadata_created, capacity, num_resources (optional)
    :type fq: string
    :param fq_list: more filter queries, all of which must match (optional)
    :type fq_list: list of strings
    :param sort: e.g. ``metadata_modified desc, name asc``; fields: name, title_string,
        metadata_modified, metadata_created, score (optional)
    :type sort: string
    :param rows: how many datasets to return, at most 1000 (optional, default 10)
    :type rows: int
    :param start: offset of the first dataset returned (optional)
    :type start: int
    :param facet.field: fields to count, e.g. ``["organization", "tags"]``: organization,
        tags, res_format, license_id, groups (optional)
    :type facet.field: list of strings
    :param facet.limit: items per facet, -1 for all (optional, default 50)
    :type facet.limit: int
    :param facet.mincount: leave out facet items with fewer datasets (optional)
    :type facet.mincount: int
    :param fl: return only these fields of each dataset, e.g. ``id,name,metadata_modified``
        (optional, default every field)
    :type fl: list or comma-separated string
    :param include_private: include private datasets the caller may see (optional)
    :type include_private: bool
    :rtype: dictionary with ``count``, ``results``, ``facets``, ``search_facets``, ``sort``
    """
    facet_fields = get_list(data, "facet.field")
    sort = get_str(data, "sort") or "score desc, metadata_modified desc"
    result = search.search(
        q=get_str(data, "q"),
        fq=" AND ".join(f"({fq})" for fq in [get_str(data, "fq"), *get_list(data, "fq_list")] if fq.strip()),
        rows=get_int(data, "rows", 10, maximum=1000),
        start=get_int(data, "start", 0),
        sort=sort,
        facet_fields=facet_fields,
        facet_limit=get_int(data, "facet.limit", 50, unlimited=MAX_INT),
        include_private=get_bool(data, "include_private") and ctx.sees_private,
    )
    mincount = get_int(data, "facet.mincount", 0)
    fl = get_str(data, "fl") if isinstance(data.get("fl"), str) else ",".join(get_list(data, "fl"))
    wanted = [f.strip() for f in fl.replace(" ", ",").split(",") if f.strip() and f.strip() != "*"]
    facets: dict[str, dict[str, int]] = {}
    search_facets: dict[str, dict[str, Any]] = {}
    for field, items in result.facets.items():
        items = [(name, n) for name, n in items if n >= mincount]
        if field == "groups":
            items = [(code.lower(), n) for code, n in items]
        facets[field] = dict(items)
        search_facets[field] = {
            "title": field,
            "items": [
                {"name": name, "display_name": search.facet_title(field, name), "count": n}
                for name, n in items
            ],
        }
    return {
        "count": result.count,
        "sort": sort,
        "facets": facets,
        "search_facets": search_facets,
        "results": [_fields(dictize.package_dict(d, ctx.site), wanted) for d in result.datasets],
    }


def _fields(package: dict[str, Any], wanted: list[str]) -> dict[str, Any]:
    """Only the `fl` fields of a dataset (all when none are asked for); unknown ones are left out."""
    return {k: package[k] for k in wanted if k in package} if wanted else package


def organization_list(ctx: Context, data: dict[str, Any]) -> list[Any]:
    """Return the organizations (publishers): names, or dictionaries with ``all_fields``.

    :param all_fields: return dictionaries with package_count (optional, default False)
    :type all_fields: bool
    :param sort: ``name`` or ``title`` or ``package_count``, with asc/desc (optional)
    :type sort: string
    :param limit: how many (optional)
    :type limit: int
    :param offset: how many to skip (optional)
    :type offset: int
    :param organizations: only these names (optional)
    :type organizations: list of strings
    :rtype: list of strings or dictionaries
    """
    qs = dictize.organizations_with_counts(include_private=ctx.sees_private)
    wanted = get_list(data, "organizations")
    if wanted:
        qs = qs.filter(name__in=wanted)
    key, *direction = (get_str(data, "sort").strip() or "name asc").split()
    if key not in ("name", "title", "package_count"):
        raise ValidationFailed({"sort": [f"cannot sort by {key!r}"]})
    qs = qs.order_by(("-" if direction and direction[0] == "desc" else "") + key, "name")
    offset = get_int(data, "offset", 0)
    limit = get_int(data, "limit", 1000, maximum=1000)
    page = list(qs[offset : offset + limit])
    if get_bool(data, "all_fields"):
        return [dictize.organization_dict(o, o.package_count) for o in page]
    return [o.name for o in page]


def organization_show(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    """Return an organization, with its datasets when asked.

    :param id: the id or name of the organization
    :type id: string
    :param include_datasets: include up to 1000 of its public datasets (optional, default False)
    :type include_datasets: bool
    :rtype: dictionary
    """
    ref = require_key(data, "id")
    org = dictize.organizations_with_counts(include_private=ctx.sees_private).filter(name=ref).first()
    if org is None:
        key = as_uuid(ref)
        org = dictize.organizations_with_counts().filter(pk=key).first() if key else None
    if org is None:
        raise NotFound("Organization not found")
    result = dictize.organization_dict(org, org.package_count)
    if get_bool(data, "include_datasets"):
        qs = dictize.with_relations(
            dictize.visible_datasets(include_private=ctx.sees_private).filter(organization=org)
        )
        result["packages"] = [dictize.package_dict(d, ctx.site) for d in qs[:1000]]
    return result


def group_list(ctx: Context, data: dict[str, Any]) -> list[Any]:
    """Return the groups: the EU data themes, as names or dictionaries with ``all_fields``.

    :param all_fields: return dictionaries with package_count (optional, default False)
    :type all_fields: bool
    :rtype: list of strings or dictionaries
    """
    counts = {t.code: t.package_count for t in dictize.themes_with_counts()}
    themes = [Theme(code=code) for code in sorted(THEMES)]
    if get_bool(data, "all_fields"):
        return [dictize.group_dict(t, counts.get(t.code, 0)) for t in themes]
    return [t.name for t in themes]


def tag_list(ctx: Context, data: dict[str, Any]) -> list[Any]:
    """Return the tags of public datasets.

    :param query: only tags containing this text (optional)
    :type query: string
    :param all_fields: return dictionaries rather than names (optional, default False)
    :type all_fields: bool
    :rtype: list of strings or dictionaries
    """
    qs = (
        Tag.objects.filter(datasets__state=Dataset.State.ACTIVE, datasets__private=False)
        .annotate(n=Count("datasets"))
        .order_by("name")
    )
    if get_str(data, "query"):
        qs = qs.filter(name__icontains=get_str(data, "query"))
    if get_bool(data, "all_fields"):
        return [
            {"id": dictize.tag_id(t.name), "name": t.name, "display_name": t.name, "vocabulary_id": None}
            for t in qs
        ]
    return [t.name for t in qs]


def license_list(ctx: Context, data: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the licences datasets may use (CC-BY-4.0 is the default).

    :rtype: list of dictionaries
    """
    return [
        {
            "id": key,
            "title": value["title"],
            "url": value["url"],
            "status": "active",
            "od_conformance": "approved",
            "osd_conformance": "not reviewed",
            "domain_data": True,
            "domain_content": True,
            "domain_software": False,
        }
        for key, value in LICENSES.items()
    ]


def resource_show(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    """Return the metadata of a resource.

    :param id: the id of the resource
    :type id: string
    :rtype: dictionary
    """
    return dictize.resource_dict(find_resource(ctx, require_key(data, "id")), ctx.site)


RESOURCE_SEARCH_FIELDS = {"name", "description", "format", "url", "hash"}


def resource_search(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    """Search resources of public datasets by field.

    :param query: ``field:term`` or a list of them; all must match. Fields: name,
        description, format, url, hash (case-insensitive substring match)
    :type query: string or list of strings
    :param order_by: a field to order by (optional)
    :type order_by: string
    :param offset: how many to skip (optional)
    :type offset: int
    :param limit: how many to return (optional)
    :type limit: int
    :rtype: dictionary with ``count`` and ``results``
    """
    terms = get_list(data, "query")
    qs = Resource.objects.filter(dataset__state=Dataset.State.ACTIVE, dataset__private=False)
    cond = Q()
    for term in terms:
        if ":" not in term:
            raise ValidationFailed({"query": ["Must be <field>:<value> pair(s)"]})
        field, value = term.split(":", 1)
        if field not in RESOURCE_SEARCH_FIELDS:
            raise ValidationFailed({"query": [f"Field {field!r} not recognised in resource_search."]})
        if field == "url":
            cond &= Q(url__icontains=value) | Q(upload__icontains=value)
        else:
            cond &= Q(**{f"{field}__icontains": value})
    qs = qs.filter(cond)
    order = get_str(data, "order_by") or "name"
    if order not in RESOURCE_SEARCH_FIELDS | {"created", "position"}:
        raise ValidationFailed({"order_by": [f"cannot order by {order!r}"]})
    offset = get_int(data, "offset", 0)
    limit = get_int(data, "limit", 100, maximum=1000)
    return {
        "count": qs.count(),
        "results": [
            dictize.resource_dict(r, ctx.site) for r in qs.order_by(order, "pk")[offset : offset + limit]
        ],
    }


def datastore_search(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    """Search the rows of a resource ingested into the datastore.

    :param resource_id: the id of the resource
    :type resource_id: string
    :param q: full-text query, or a dictionary {field: text} (optional)
    :type q: string or dictionary
    :param filters: exact matches, e.g. {"line": "1"} or {"line": ["1", "2"]} (optional)
    :type filters: dictionary
    :param fields: the fields to return (optional, default all)
    :type fields: list or comma-separated string
    :param sort: e.g. ``"occupancy desc, _id"`` (optional)
    :type sort: string
    :param limit: rows to return, at most 32 000 (optional, default 100)
    :type limit: int
    :param offset: rows to skip (optional)
    :type offset: int
    :param records_format: ``objects`` (default), ``lists`` (values in the order of
        ``fields``), ``csv`` or ``tsv`` (text without a header row) (optional)
    :type records_format: string
    :param include_total: count the matching rows (optional, default True)
    :type include_total: bool
    :rtype: dictionary with ``fields``, ``records``, ``total``, ``limit``, ``offset``
    """
    records_format = get_str(data, "records_format", "objects")
    if records_format not in RECORD_FORMATS:
        raise ValidationFailed({"records_format": [f"Must be one of {', '.join(RECORD_FORMATS)}"]})
    resource = find_resource(ctx, require_key(data, "resource_id"))
    if not resource.datastore_active:
        raise NotFound(f'Resource "{resource.pk}" was not found.')
    page = datastore_selectors.datastore_search(
        resource=resource,
        q=data.get("q"),
        filters=data.get("filters"),
        fields=data.get("fields"),
        sort=data.get("sort"),
        limit=get_int(data, "limit", 100),
        offset=get_int(data, "offset", 0),
    )
    base = f"/api/3/action/datastore_search?resource_id={resource.pk}"
    result = {
        "resource_id": str(resource.pk),
        "fields": page.fields,
        "records": _records(page.records, [f["id"] for f in page.fields], records_format),
        "records_format": records_format,
        "total": page.total,
        "total_was_estimated": False,
        "limit": page.limit,
        "offset": page.offset,
        "_links": {"start": base, "next": f"{base}&offset={page.offset + page.limit}"},
    }
    if not get_bool(data, "include_total", True):
        del result["total"], result["total_was_estimated"]
    return result


RECORD_FORMATS = ("objects", "lists", "csv", "tsv")


def _records(records: list[dict[str, Any]], columns: list[str], records_format: str) -> Any:
    """Rows as CKAN's records_format asks: dictionaries, lists, or CSV/TSV text."""
    if records_format == "objects":
        return records
    rows = [[record.get(c) for c in columns] for record in records]
    if records_format == "lists":
        return rows
    out = io.StringIO()
    writer = csv.writer(out, delimiter="," if records_format == "csv" else "\t", lineterminator="\n")
    writer.writerows([["" if v is None else v for v in row] for row in rows])
    return out.getvalue()
