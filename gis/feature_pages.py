"""One page of a layer's features for the APIs, as GeoJSON text, cheaply on large layers.

- The page asks for one feature more than the limit: whether there is a next page never needs a
  count.
- `numberMatched` of a whole layer is its cached feature count (see layer_cache). With a bbox,
  filter or datetime it is counted, but only up to `GIS_EXACT_COUNT_MAX` matches; past that it is
  unknown (None) and the OGC API leaves it out, as the standard allows.
- On PostgreSQL the database writes each feature's GeoJSON, and the page's ids are picked from the
  (layer, id) index before any row is read, so a deep offset skips index entries, not rows turned
  into JSON. Elsewhere (SpatiaLite) Python builds the same documents.
"""

from __future__ import annotations

import json
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


def stored_page(info: LayerInfo, qs: Any, query: FeatureQuery) -> Page:
    """The page of `qs` (a stored layer's features, filtered and ordered by id) that `query` asks."""
    offset, limit = query.offset, query.limit
    total = layer_count(info) if _unfiltered(query) else None
    if total is not None and offset >= total:  # past the end: no need to ask for rows
        return Page([], total, False)
    fetch = _postgres_items if connection.vendor == "postgresql" else _python_items
    items = fetch(qs, offset, offset + limit + 1)
    more = len(items) > limit
    items = items[:limit]
    if total is not None:
        matched: int | None = total
    elif items and not more:  # the last page: everything before it plus what it holds
        matched = offset + len(items)
    elif offset == 0 and not items:
        matched = 0
    else:
        matched = _bounded_count(qs, int(getattr(settings, "GIS_EXACT_COUNT_MAX", 10_000)))
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
