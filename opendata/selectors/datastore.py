"""datastore_search over ingested CSV rows, through the ORM's JSON lookups (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from ..errors import ValidationFailed
from ..models import DatastoreRow, Resource
from ..services.csvcheck import convert

MAX_LIMIT = 32000


@dataclass
class DatastorePage:
    fields: list[dict[str, Any]]
    records: list[dict[str, Any]]
    total: int
    limit: int
    offset: int


def _list(value: Any, name: str) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValidationFailed({name: ["A list of field names or comma-separated text is expected"]})
    return value


def _scalar(value: Any) -> bool:
    """A value a filter can compare with: text, a finite number, a boolean or null."""
    if isinstance(value, float):
        return math.isfinite(value)
    return value is None or isinstance(value, str | int | bool)


def _json(value: Any, name: str) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError as exc:
            raise ValidationFailed({name: ["Cannot parse JSON"]}) from exc
    return value


def filtered_rows(*, resource: Resource, filters: Any, errors: dict[str, list[str]]) -> Any:
    """The rows of `resource` whose fields equal `filters` ({field: value or [values]});
    problems are added to `errors` for the caller to raise."""
    kinds = {f["id"]: f.get("type", "text") for f in resource.fields}
    qs = DatastoreRow.objects.filter(resource=resource)
    filters = _json(filters, "filters") or {}
    if not isinstance(filters, dict):
        raise ValidationFailed({"filters": ["A dictionary {field: value or [values]} is expected"]})
    for name, wanted in filters.items():
        if name not in kinds and name != "_id":
            errors.setdefault("filters", []).append(f"field {name!r} not in resource")
            continue
        values = wanted if isinstance(wanted, list) else [wanted]
        if not all(_scalar(v) for v in values):
            errors.setdefault("filters", []).append(f"field {name!r}: values must be text or numbers")
            continue
        cond = Q()
        for value in values:
            if name == "_id":
                if isinstance(value, bool) or not str(value).isdigit() or len(str(value)) > 9:
                    errors.setdefault("filters", []).append(f"_id {value!r} is not a row number")
                    continue
                cond |= Q(row=int(value))
                continue
            try:
                typed = convert(str(value), kinds[name]) if isinstance(value, str) else value
            except (ValueError, OverflowError):
                errors.setdefault("filters", []).append(f"{value!r} is not a valid {kinds[name]}")
                continue
            cond |= (
                Q(**{f"data__{name}": typed}) if typed is not None else Q(**{f"data__{name}__isnull": True})
            )
        qs = qs.filter(cond)
    return qs


def datastore_search(
    *,
    resource: Resource,
    q: Any = None,
    filters: Any = None,
    fields: Any = None,
    sort: Any = None,
    limit: int = 100,
    offset: int = 0,
) -> DatastorePage:
    """Rows of one resource filtered, searched, sorted and paged, with the dictionary's fields."""
    dictionary = {f["id"]: f for f in resource.fields}
    kinds = {name: f.get("type", "text") for name, f in dictionary.items()}
    errors: dict[str, list[str]] = {}
    qs = filtered_rows(resource=resource, filters=filters, errors=errors)
    query = _json(q, "q") if isinstance(q, str) and q.startswith("{") else q
    if isinstance(query, dict):
        for name, text in query.items():
            if name not in kinds:
                errors.setdefault("q", []).append(f"field {name!r} not in resource")
                continue
            if not isinstance(text, str | int | float):
                errors.setdefault("q", []).append(f"field {name!r}: text is expected")
                continue
            qs = qs.filter(**{f"data__{name}__icontains": str(text)})
    elif query is not None and not isinstance(query, str | int | float):
        errors.setdefault("q", []).append("Text or a dictionary {field: text} is expected")
    elif query:
        for word in str(query).lower().split():
            qs = qs.filter(text__contains=word)
    chosen = _list(fields, "fields") or list(dictionary)
    for name in chosen:
        if name not in dictionary and name != "_id":
            errors.setdefault("fields", []).append(f"field {name!r} not in resource")
    order = []
    for part in _list(sort, "sort"):
        bits = part.split()
        if not bits:
            continue
        name = bits[0].strip('"')
        desc = len(bits) > 1 and bits[1].lower() == "desc"
        if name == "_id":
            order.append("-row" if desc else "row")
        elif name in dictionary:
            order.append(f"{'-' if desc else ''}data__{name}")
        else:
            errors.setdefault("sort", []).append(f"field {name!r} not in resource")
    if errors:
        raise ValidationFailed(errors)
    order.append("row")
    try:
        limit = max(0, min(int(limit), MAX_LIMIT))
        offset = max(0, int(offset))
    except (TypeError, ValueError) as exc:
        raise ValidationFailed({"limit": ["Invalid integer"]}) from exc
    total = qs.count()
    records = [
        {"_id": row.row, **{k: row.data.get(k) for k in chosen if k != "_id"}}
        for row in qs.order_by(*order)[offset : offset + limit]
    ]
    described = [{"id": "_id", "type": "int"}] if "_id" in chosen or not _list(fields, "fields") else []
    for name in chosen:
        if name == "_id":
            continue
        field = dictionary[name]
        described.append(
            {
                "id": name,
                "type": field.get("type", "text"),
                "info": {"label": name, "notes": field.get("description", ""), "unit": field.get("unit", "")},
            }
        )
    return DatastorePage(fields=described, records=records, total=total, limit=limit, offset=offset)
