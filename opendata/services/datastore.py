"""Datastore tables written through the Action API (datastore_create, datastore_upsert).

Rows are typed by the resource's data dictionary, the same one CSV uploads are validated
against, so rows from a file and rows from the API read back alike.
"""

from __future__ import annotations

import math
from typing import Any

from django.db import transaction
from django.db.models import Max

from ..errors import ValidationFailed
from ..models import DatastoreRow, Resource
from .csvcheck import convert

# CKAN's (PostgreSQL's) column types -> the dictionary's types.
CKAN_TYPES = {
    "text": "text",
    "int": "int",
    "int4": "int",
    "int8": "int",
    "integer": "int",
    "bigint": "int",
    "numeric": "numeric",
    "float8": "numeric",
    "float4": "numeric",
    "float": "numeric",
    "date": "date",
    "timestamp": "date",
    "bool": "bool",
    "boolean": "bool",
}
MAX_RECORDS = 10_000
MAX_INT = 2**63 - 1
MAX_ROW = 2**31 - 1


def dictionary(fields: Any) -> list[dict[str, Any]]:
    """CKAN's field list [{"id", "type", "info"}] as the data dictionary."""
    if not isinstance(fields, list) or not fields:
        raise ValidationFailed({"fields": ["A list of {id, type} is expected"]})
    result = []
    for field in fields:
        if not isinstance(field, dict) or not isinstance(field.get("id"), str) or not field["id"].strip():
            raise ValidationFailed({"fields": ["Each field needs an id (text)"]})
        kind = CKAN_TYPES.get(str(field.get("type") or "text").lower())
        if kind is None or field["id"].startswith("_") or "__" in field["id"]:
            raise ValidationFailed(
                {"fields": [f"field {field['id']!r}: bad id or type {field.get('type')!r}"]}
            )
        info = field.get("info") if isinstance(field.get("info"), dict) else {}
        result.append(
            {
                "id": field["id"],
                "type": kind,
                "description": str(info.get("notes") or ""),
                "unit": str(info.get("unit") or ""),
            }
        )
    if len({f["id"] for f in result}) != len(result):
        raise ValidationFailed({"fields": ["Field ids must be unique"]})
    return result


def _value(value: Any, kind: str) -> Any:
    if value is None or isinstance(value, str):
        return None if value is None else convert(value, kind)
    if kind == "bool" and isinstance(value, bool):
        return value
    if kind == "int" and isinstance(value, int) and not isinstance(value, bool) and abs(value) <= MAX_INT:
        return value
    if kind == "numeric" and isinstance(value, int | float) and not isinstance(value, bool):
        if math.isfinite(value):
            return float(value)
    raise ValueError(value)


def _typed(records: Any, kinds: dict[str, str], *, keep_id: bool) -> list[tuple[int | None, dict]]:
    if not isinstance(records, list) or len(records) > MAX_RECORDS:
        raise ValidationFailed({"records": [f"A list of at most {MAX_RECORDS} dictionaries is expected"]})
    typed: list[tuple[int | None, dict]] = []
    errors: list[str] = []
    for number, record in enumerate(records):
        if not isinstance(record, dict):
            errors.append(f"record {number}: a dictionary is expected")
            continue
        row_id = record.get("_id") if keep_id else None
        if row_id is not None and (
            isinstance(row_id, bool) or not isinstance(row_id, int) or not 1 <= row_id <= MAX_ROW
        ):
            errors.append(f"record {number}: _id must be a row number")
            continue
        data = {}
        for key, value in record.items():
            if key == "_id":
                continue
            if key not in kinds:
                errors.append(f"record {number}: field {key!r} not in the table")
                continue
            try:
                data[key] = _value(value, kinds[key])
            except (ValueError, OverflowError):
                errors.append(f"record {number}: {value!r} is not a valid {kinds[key]} for {key!r}")
        typed.append((row_id, data))
    if errors:
        raise ValidationFailed({"records": errors[:20]})
    return typed


def _text(data: dict[str, Any]) -> str:
    return " ".join(str(v) for v in data.values() if v is not None).lower()


@transaction.atomic
def create_table(*, resource: Resource, fields: Any, records: Any) -> int:
    """datastore_create: give a resource its fields (if new) and append records; how many."""
    if fields is not None:
        wanted = dictionary(fields)
        if resource.datastore_active and resource.fields and wanted != resource.fields:
            raise ValidationFailed({"fields": ["The table exists with other fields; delete it first"]})
        resource.fields = wanted
    elif not resource.fields:
        raise ValidationFailed({"fields": ["Missing value"]})
    resource.datastore_active = True
    resource.save(update_fields=["fields", "datastore_active"])
    return upsert(resource=resource, records=records or [], method="insert")


@transaction.atomic
def upsert(*, resource: Resource, records: Any, method: str = "upsert") -> int:
    """datastore_upsert: insert records, or update the rows their ``_id`` names."""
    if method not in ("upsert", "insert", "update"):
        raise ValidationFailed({"method": ["Must be upsert, insert or update"]})
    kinds = {f["id"]: f.get("type", "text") for f in resource.fields}
    typed = _typed(records, kinds, keep_id=method != "insert")
    rows = DatastoreRow.objects.filter(resource=resource)
    existing = set(rows.filter(row__in=[i for i, _ in typed if i]).values_list("row", flat=True))
    missing = [i for i, _ in typed if (i and i not in existing) or (i is None and method == "update")]
    if missing:
        raise ValidationFailed({"records": [f"no row with _id {i}" for i in missing[:20]]})
    last = rows.aggregate(n=Max("row"))["n"] or 0
    fresh = []
    for row_id, data in typed:
        if row_id:
            current = rows.get(row=row_id)
            current.data = {**current.data, **data}
            current.text = _text(current.data)
            current.save(update_fields=["data", "text"])
        else:
            last += 1
            full = {name: data.get(name) for name in kinds}
            fresh.append(DatastoreRow(resource=resource, row=last, data=full, text=_text(full)))
    DatastoreRow.objects.bulk_create(fresh, batch_size=1000)
    return len(typed)


@transaction.atomic
def delete_rows(*, resource: Resource, rows: Any) -> int:
    """datastore_delete with filters: the given rows of the table go, the table stays; how many."""
    deleted, _ = DatastoreRow.objects.filter(resource=resource, pk__in=rows.values("pk")).delete()
    Resource.objects.filter(pk=resource.pk).update(datastore_active=True)
    return deleted
