"""One page of a layer's features for the APIs, as GeoJSON text, cheaply on large layers.

- The page asks for one feature more than the limit: whether there is a next page never needs a
  count.
- `numberMatched` of a whole layer is its cached feature count (see layer_cache). With a bbox,
  filter or datetime it is counted, but only up to `GIS_EXACT_COUNT_MAX` matches; past that it is
  unknown (None) and the OGC API leaves it out, as the standard allows.
- On PostgreSQL the database writes each feature's GeoJSON, and the page's ids are picked from the
  (layer, id) index before any row is read, so a deep offset skips index entries, not rows turned
  into JSON. Elsewhere (SpatiaLite) Python builds the same documents.
- On PostgreSQL a page with no property filter (the layer, a bbox, a datetime: nearly every map
  and OGC API read) is one SQL statement written here, its bounded count included: building it
  through the ORM cost more CPU than the database spent answering it, and the count was a second
  round trip. Property filters (JSON lookups) go through the ORM.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.gis.db.models.functions import AsGeoJSON
from django.db import connection
from django.db.models.expressions import RawSQL

from . import layer_cache
from .models import Feature
from .params import FeatureQuery

if TYPE_CHECKING:
    from .selectors import LayerInfo


@dataclass(frozen=True)
class Page:
    """Features as GeoJSON texts; `matched` is None when counting them all would cost too much."""

    items: list[str]
    matched: int | None
    more: bool

    def features(self) -> list[dict[str, Any]]:
        return [json.loads(item) for item in self.items]


def _unfiltered(query: FeatureQuery) -> bool:
    return not (query.bbox or query.filters or query.interval)


def layer_count(info: LayerInfo) -> int:
    """How many features the stored layer has (cached)."""
    assert info.layer is not None
    layer_id = info.layer.pk
    return layer_cache.cached(f"count:{layer_id}", lambda: Feature.objects.filter(layer_id=layer_id).count())


def _bounded_count(qs: Any, cap: int) -> int | None:
    """How many rows `qs` has, or None when more than `cap` (counting stops there)."""
    found = qs.order_by().values("id")[: cap + 1].count()
    return found if found <= cap else None


# Each feature as the database writes it: the same document as selectors._stored_dict gives,
# joined as text (cheaper than building a json value around the geometry). {t}: the table.
_POSTGRES_FEATURE = """
'{{"type": "Feature", "id": ' || {t}.id || ', "geometry": ' || ST_AsGeoJSON({t}.geometry, 7)
|| ', "properties": ' || (
    jsonb_build_object('name', {t}.name, 'external_id', {t}.external_id)
    || CASE WHEN jsonb_typeof({t}.properties) = 'object' THEN {t}.properties ELSE '{{}}'::jsonb END
    || CASE WHEN {t}.time IS NULL THEN '{{}}'::jsonb ELSE jsonb_build_object('time', {t}.time) END
)::text || '}}'
"""
# PostgreSQL computes the selected columns of every row an OFFSET skips: past this offset the
# page's ids come first (from the (layer, id) index), and only those rows become JSON.
DEEP_OFFSET = 200


def _postgres_items(qs: Any, start: int, stop: int) -> list[str]:
    table = connection.ops.quote_name(Feature._meta.db_table)
    if start <= DEEP_OFFSET:
        document = RawSQL(_POSTGRES_FEATURE.format(t=table), ())
        return list(qs.annotate(gj=document).values_list("gj", flat=True)[start:stop])
    ids = qs.values("id")[start:stop]
    sql, params = ids.query.get_compiler(using=qs.db).as_sql()
    document = _POSTGRES_FEATURE.format(t="f")
    query = f"SELECT {document} FROM {table} f JOIN ({sql}) AS page ON page.id = f.id ORDER BY f.id"
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return [row[0] for row in cursor.fetchall()]


def _python_items(qs: Any, start: int, stop: int) -> list[str]:
    from .selectors import _stored_dict

    rows = qs.annotate(gj=AsGeoJSON("geometry", precision=7)).defer("geometry")[start:stop]
    return [json.dumps(_stored_dict(f, f.gj), ensure_ascii=False) for f in rows]


def _postgres_where(info: LayerInfo, query: FeatureQuery) -> tuple[str, list[Any]] | None:
    """The conditions `_stored_features` puts on the layer's rows (alias f), as SQL, when no
    property filter asks for the ORM's JSON lookups; else None."""
    from .selectors import _box_geometry

    if query.filters:
        return None
    assert info.layer is not None
    where, params = ["f.layer_id = %s"], [info.layer.pk]
    if query.bbox:
        boxes = [_box_geometry(box) for box in query.bbox.boxes]
        where.append("(" + " OR ".join(["ST_Intersects(f.geometry, ST_GeomFromEWKB(%s))"] * len(boxes)) + ")")
        params += [bytes(box.ewkb) for box in boxes]
    if query.interval:
        start, end = query.interval
        where.append("f.time IS NOT NULL")
        if start:
            where.append("f.time >= %s")
            params.append(start)
        if end:
            where.append("f.time <= %s")
            params.append(end)
    return " AND ".join(where), params


def _postgres_page(
    where: tuple[str, list[Any]], start: int, stop: int, count_cap: int | None
) -> tuple[list[str], int | None]:
    """Rows start..stop of the matching features as GeoJSON texts in one statement, and, when
    `count_cap` is given, how many match up to `count_cap + 1` (computed once, on every row)."""
    table = connection.ops.quote_name(Feature._meta.db_table)
    condition, params = where
    document = _POSTGRES_FEATURE.format(t="f")
    counted = ", NULL"
    count_params: list[Any] = []
    if count_cap is not None:
        counted = f", (SELECT count(*) FROM (SELECT 1 FROM {table} f WHERE {condition} LIMIT %s) AS c)"
        count_params = [*params, count_cap + 1]
    if start <= DEEP_OFFSET:
        sql = f"SELECT {document}{counted} FROM {table} f WHERE {condition} ORDER BY f.id LIMIT %s OFFSET %s"
        args = [*count_params, *params, stop - start, start]
    else:
        sql = (
            f"SELECT {document}{counted} FROM {table} f JOIN (SELECT f.id FROM {table} f WHERE {condition} "
            "ORDER BY f.id LIMIT %s OFFSET %s) AS page ON page.id = f.id ORDER BY f.id"
        )
        args = [*count_params, *params, stop - start, start]
    with connection.cursor() as cursor:
        cursor.execute(sql, args)
        rows = cursor.fetchall()
    return [row[0] for row in rows], (rows[0][1] if rows and count_cap is not None else None)


def stored_page(info: LayerInfo, queryset: Callable[[], Any], query: FeatureQuery) -> Page:
    """The page that `query` asks of a stored layer's features; `queryset()` gives them filtered
    and ordered by id (built only when the page cannot be written directly in SQL)."""
    offset, limit = query.offset, query.limit
    total = layer_count(info) if _unfiltered(query) else None
    if total is not None and offset >= total:  # past the end: no need to ask for rows
        return Page([], total, False)
    cap = int(getattr(settings, "GIS_EXACT_COUNT_MAX", 10_000))
    where = _postgres_where(info, query) if connection.vendor == "postgresql" else None
    counted: int | None = None
    if where is not None:
        items, counted = _postgres_page(where, offset, offset + limit + 1, None if total is not None else cap)
    else:
        fetch = _postgres_items if connection.vendor == "postgresql" else _python_items
        items = fetch(queryset(), offset, offset + limit + 1)
    more = len(items) > limit
    items = items[:limit]
    if total is not None:
        matched: int | None = total
    elif items and not more:  # the last page: everything before it plus what it holds
        matched = offset + len(items)
    elif offset == 0 and not items:
        matched = 0
    elif counted is not None:
        matched = counted if counted <= cap else None
    else:
        matched = _bounded_count(queryset(), cap)
    return Page(items, matched, more)


def live_page(selected: list[dict[str, Any]], query: FeatureQuery) -> Page:
    """A page of a live layer's features (already filtered in Python): counted exactly."""
    chunk = selected[query.offset : query.offset + query.limit]
    items = [json.dumps(f, ensure_ascii=False) for f in chunk]
    return Page(items, len(selected), query.offset + len(chunk) < len(selected))


def collection_json(page: Page, extra: dict[str, Any]) -> str:
    """A GeoJSON FeatureCollection of the page, with `extra` members, written without parsing
    the features again."""
    rest = json.dumps(extra, ensure_ascii=False)[1:-1]
    return (
        '{"type": "FeatureCollection", "features": ['
        + ", ".join(page.items)
        + "]"
        + (f", {rest}}}" if rest else "}")
    )
