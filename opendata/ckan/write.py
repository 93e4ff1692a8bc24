"""Write actions of the CKAN Action API; each needs an API token with the right permission."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import NotAuthorized, NotFound, ValidationFailed
from ..models import Dataset, Resource
from ..selectors import datastore as datastore_rows
from ..selectors import dictize
from ..services import catalogue, datastore
from .context import Context, find_dataset, find_resource, require_key


def _show(ctx: Context, dataset: Dataset) -> dict[str, Any]:
    return dictize.package_dict(dictize.with_relations(Dataset.objects.filter(pk=dataset.pk)).get(), ctx.site)


def _save_resource(
    ctx: Context, save: Callable[..., Resource], data: dict[str, Any], **target: Any
) -> dict[str, Any]:
    """Create or update a resource through `save` with the request's file, answered as CKAN does."""
    resource = save(**target, data=data, upload=ctx.files.get("upload"), actor=ctx.user)
    return dictize.resource_dict(resource, ctx.site)


def _update_package(ctx: Context, data: dict[str, Any], *, partial: bool) -> dict[str, Any]:
    """Change the dataset named by ``id``: every field (update) or only the given ones (patch)."""
    ctx.require("change_dataset", "update datasets")
    dataset = find_dataset(ctx, require_key(data, "id"), for_write=True)
    data = {k: v for k, v in data.items() if k != "id"}
    return _show(ctx, catalogue.update_package(dataset=dataset, data=data, partial=partial, actor=ctx.user))


def package_create(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    """Create a dataset, with resources if given.

    :param name: the URL slug: lowercase letters, digits, - and _ (2–100 characters)
    :type name: string
    :param title: the title (optional, default the name)
    :type title: string
    :param owner_org: the id or name of the organization
    :type owner_org: string
    :param notes: the description, in Markdown (optional)
    :type notes: string
    :param license_id: one of license_list's ids (optional, default CC-BY-4.0)
    :type license_id: string
    :param tags: [{"name": ...}] (optional)
    :type tags: list of dictionaries
    :param groups: EU data themes as groups, [{"name": "tran"}] (optional)
    :type groups: list of dictionaries
    :param extras: [{"key", "value"}]: frequency, temporal_start, temporal_end,
        spatial_text, contact_name, contact_email (optional)
    :type extras: list of dictionaries
    :param private: (optional, default False)
    :type private: bool
    :param resources: resources as for resource_create (optional)
    :type resources: list of dictionaries
    :rtype: dictionary (the new dataset)
    """
    ctx.require("add_dataset", "create datasets")
    return _show(ctx, catalogue.create_package(data=data, actor=ctx.user))


def package_update(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    """Replace a dataset's metadata and resources (fields not given are emptied).

    :param id: the id or name of the dataset
    :type id: string
    :rtype: dictionary (the updated dataset); other parameters as package_create
    """
    return _update_package(ctx, data, partial=False)


def package_patch(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    """Change only the given fields of a dataset.

    :param id: the id or name of the dataset
    :type id: string
    :rtype: dictionary (the updated dataset); other parameters as package_create
    """
    return _update_package(ctx, data, partial=True)


def package_delete(ctx: Context, data: dict[str, Any]) -> None:
    """Delete a dataset (it is kept in state ``deleted``, as CKAN does).

    :param id: the id or name of the dataset
    :type id: string
    """
    ctx.require("delete_dataset", "delete datasets")
    catalogue.delete_package(
        dataset=find_dataset(ctx, require_key(data, "id"), for_write=True), actor=ctx.user
    )
    return None


def resource_create(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    """Add a resource to a dataset: a link (``url``) or a file sent as ``upload`` (multipart).

    CSV files are validated against ``fields`` (or a dictionary is inferred) and ingested
    into the datastore when valid.

    :param package_id: the id or name of the dataset
    :type package_id: string
    :param name: (optional, default the file name)
    :type name: string
    :param url: a link, when no file is uploaded (optional)
    :type url: string
    :param format: e.g. CSV (optional, guessed from the file name)
    :type format: string
    :param description: (optional)
    :type description: string
    :param fields: data dictionary [{"id", "type", "description", "unit"}]; types: text,
        int, numeric, date, bool (optional)
    :type fields: list of dictionaries
    :rtype: dictionary (the new resource)
    """
    ctx.require("add_resource", "create resources")
    dataset = find_dataset(ctx, require_key(data, "package_id"), for_write=True)
    return _save_resource(ctx, catalogue.create_resource, data, dataset=dataset)


def resource_update(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    """Change a resource; send a new file as ``upload`` to replace it.

    :param id: the id of the resource
    :type id: string
    :rtype: dictionary (the updated resource); other parameters as resource_create
    """
    ctx.require("change_resource", "update resources")
    resource = find_resource(ctx, require_key(data, "id"))
    return _save_resource(ctx, catalogue.update_resource, data, resource=resource)


def resource_patch(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    """Change only the given fields of a resource; send a new file as ``upload`` to replace it.

    :param id: the id of the resource
    :type id: string
    :rtype: dictionary (the updated resource); other parameters as resource_create
    """
    return resource_update(ctx, data)


def resource_delete(ctx: Context, data: dict[str, Any]) -> None:
    """Delete a resource, with its datastore rows and file.

    :param id: the id of the resource
    :type id: string
    """
    ctx.require("delete_resource", "delete resources")
    catalogue.delete_resource(resource=find_resource(ctx, require_key(data, "id")), actor=ctx.user)
    return None


def dataset_purge(ctx: Context, data: dict[str, Any]) -> None:
    """Remove a dataset for good, with its resources and files (sysadmins only, as in CKAN).

    :param id: the id or name of the dataset
    :type id: string
    """
    if not (ctx.user and ctx.user.is_active and ctx.user.is_superuser):
        raise NotAuthorized("only a sysadmin may purge datasets")
    catalogue.purge_package(dataset=find_dataset(ctx, require_key(data, "id"), for_write=True))
    return None


def organization_create(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    """Create an organization (a publisher).

    :param name: the URL slug: lowercase letters, digits, - and _ (2–100 characters)
    :type name: string
    :param title: the title (optional, default the name)
    :type title: string
    :param description: (optional)
    :type description: string
    :rtype: dictionary (the new organization)
    """
    ctx.require("add_organization", "create organizations")
    return dictize.organization_dict(catalogue.create_organization(data=data), 0)


def organization_patch(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    """Change only the given fields of an organization.

    :param id: the id or name of the organization
    :type id: string
    :param name: a new URL slug (optional)
    :type name: string
    :param title: (optional)
    :type title: string
    :param description: (optional)
    :type description: string
    :rtype: dictionary (the updated organization)
    """
    return _change_organization(ctx, data, partial=True)


def organization_update(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    """Replace an organization's fields (a title or description not given is reset).

    :param id: the id or name of the organization
    :type id: string
    :rtype: dictionary (the updated organization); other parameters as organization_patch
    """
    return _change_organization(ctx, data, partial=False)


def _change_organization(ctx: Context, data: dict[str, Any], *, partial: bool) -> dict[str, Any]:
    ctx.require("change_organization", "update organizations")
    org = catalogue.resolve_organization(require_key(data, "id"))
    if org is None:
        raise NotFound("Organization was not found.")
    changes = {k: v for k, v in data.items() if k != "id"}
    org = catalogue.patch_organization(organization=org, data=changes, partial=partial)
    count = dictize.organizations_with_counts(include_private=ctx.sees_private).get(pk=org.pk).package_count
    return dictize.organization_dict(org, count)


def datastore_delete(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    """Delete a resource's datastore rows: those matching ``filters``, or without it the whole
    table (the resource and its file stay).

    :param resource_id: the id of the resource
    :type resource_id: string
    :param filters: {field: value or [values]}: delete only the matching rows; the table stays,
        even when empty (optional)
    :type filters: dictionary
    :param force: accepted for CKAN compatibility (optional)
    :type force: bool
    :rtype: dictionary with ``resource_id`` (and ``filters`` when given)
    """
    ctx.require("change_resource", "delete datastore rows")
    resource = find_resource(ctx, require_key(data, "resource_id"))
    if not resource.datastore_active:
        raise NotFound(f'Resource "{resource.pk}" was not found.')
    if "filters" not in data:
        catalogue.clear_datastore(resource=resource)
        return {"resource_id": str(resource.pk)}
    errors: dict[str, list[str]] = {}
    rows = datastore_rows.filtered_rows(resource=resource, filters=data["filters"], errors=errors)
    if errors:
        raise ValidationFailed(errors)
    datastore.delete_rows(resource=resource, rows=rows)
    return {"resource_id": str(resource.pk), "filters": data["filters"]}


def datastore_create(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    """Create a resource's datastore table (or add records to it).

    :param resource_id: the id of the resource
    :type resource_id: string
    :param fields: the columns, [{"id", "type", "info": {"notes", "unit"}}]; types: text, int
        (int4, int8, integer), numeric (float8), date (timestamp), bool (optional when the
        resource already has a data dictionary)
    :type fields: list of dictionaries
    :param records: rows to insert, [{field: value}], at most 10 000 (optional)
    :type records: list of dictionaries
    :param force: accepted for CKAN compatibility (optional)
    :type force: bool
    :rtype: dictionary with ``resource_id``, ``fields`` and ``total``
    """
    ctx.require("change_resource", "create datastore tables")
    resource = find_resource(ctx, require_key(data, "resource_id"))
    datastore.create_table(resource=resource, fields=data.get("fields"), records=data.get("records"))
    return _table(resource)


def datastore_upsert(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    """Add rows to a datastore table or change them by ``_id``.

    :param resource_id: the id of the resource
    :type resource_id: string
    :param records: rows, [{field: value}]; with ``_id`` a row is updated, at most 10 000
    :type records: list of dictionaries
    :param method: ``upsert`` (default), ``insert`` (ignore ``_id``, always add) or
        ``update`` (every record needs an existing ``_id``) (optional)
    :type method: string
    :param force: accepted for CKAN compatibility (optional)
    :type force: bool
    :rtype: dictionary with ``resource_id``, ``fields`` and ``total``
    """
    ctx.require("change_resource", "write datastore rows")
    resource = find_resource(ctx, require_key(data, "resource_id"))
    if not resource.datastore_active:
        raise NotFound(f'Resource "{resource.pk}" was not found.')
    method = data.get("method") or "upsert"
    datastore.upsert(resource=resource, records=data.get("records"), method=str(method))
    return _table(resource)


def _table(resource: Resource) -> dict[str, Any]:
    return {
        "resource_id": str(resource.pk),
        "fields": [{"id": f["id"], "type": f.get("type", "text")} for f in resource.fields],
        "total": resource.datastore_rows.count(),
    }
