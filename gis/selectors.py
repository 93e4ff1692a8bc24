"""Reads for the map, the APIs and the OGC API: one catalogue of layers where stored layers and
live layers (declared by apps in maplayers.py, the building register among them) look alike."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.contrib.gis.geos import GEOSGeometry, LineString, Point, Polygon
from django.db import connection
from django.db.models import Q, QuerySet
from django.db.models.fields.json import KeyTransform
from django.urls import reverse
from django.utils.translation import override

from portal import search as text_search
from portal.core.city import get_city
from portal.core.contracts import LiveLayer, live_layers
from portal.core.translation import Localized, active_language, localized

from . import feature_pages, layer_cache, search_index
from .geodesy import distance_m
from .models import Feature, Layer, Module, PublicBuilding
from .params import MODEL_FIELDS, Box, FeatureQuery, PropertyFilter, parse_instant

FEATURE_ID = re.compile(r"[0-9]{1,18}")  # a stored feature's primary key, within 64 bits
LAYER_KEY = re.compile(r"[-a-zA-Z0-9_]{1,60}")  # a layer's key is a slug


@dataclass(frozen=True)
class LayerInfo:
    """What the map and the APIs need to know about a layer, stored or live."""

    key: str
    title: str
    description: str
    module_key: str
    module_title: str
    geometry_type: str
    color: str
    icon: str
    license: str
    attribution: str
    public: bool
    source: str  # manual | imported | live
    kind: str
    cluster: bool
    # the language each text is really in (the reader's, or the original's when untranslated)
    title_lang: str = ""
    description_lang: str = ""
    module_title_lang: str = ""
    layer: Layer | None = None
    live: LiveLayer | None = None

    @property
    def is_live(self) -> bool:
        return self.live is not None


def _stored_info(layer: Layer, lang: str) -> LayerInfo:
    title = localized(layer, "title", lang)
    description = localized(layer, "description", lang)
    module_title = localized(layer.module, "title", lang)
    return LayerInfo(
        key=layer.key,
        title=title.text,
        description=description.text,
        module_key=layer.module.key,
        module_title=module_title.text,
        title_lang=title.lang,
        description_lang=description.lang,
        module_title_lang=module_title.lang,
        geometry_type=layer.geometry_type,
        color=layer.color,
        icon=layer.icon,
        license=layer.license,
        attribution=layer.attribution,
        public=layer.public,
        source=layer.source,
        kind=layer.kind,
        cluster=layer.cluster,
        layer=layer,
    )


def _live_info(live: LiveLayer, modules: dict[str, Localized], lang: str) -> LayerInfo:
    """A live layer's texts are the declaring app's gettext strings, in the reader's language."""
    module_title = modules.get(live.module) or Localized(live.module.replace("-", " ").capitalize(), lang)
    with override(lang):
        title, description = str(live.title), str(live.description)
        attribution = str(live.attribution) or get_city().authority()
    return LayerInfo(
        key=live.key,
        title=title,
        description=description,
        module_key=live.module,
        module_title=module_title.text,
        title_lang=lang,
        description_lang=lang,
        module_title_lang=module_title.lang,
        geometry_type=live.geometry_type,
        color=live.color,
        icon="",
        license="CC-BY-4.0",
        attribution=attribution,
        public=live.public,
        source="live",
        kind="building" if live.key == "public-buildings" else "",
        cluster=live.geometry_type == "Point",
        live=live,
    )


def layer_catalog(*, include_staff: bool = False, lang: str | None = None) -> list[LayerInfo]:
    """Every layer the caller may see, stored first (by module), then live ones; texts in
    ``lang`` (default: the active language) where translated, else in the original."""
    lang = active_language(lang)
    stored = Layer.objects.select_related("module")
    if not include_staff:
        stored = stored.filter(public=True)
    modules = {m.key: localized(m, "title", lang) for m in Module.objects.all()}
    found = [_stored_info(layer, lang) for layer in stored]
    keys = {info.key for info in found}
    for live in live_layers():
        if (live.public or include_staff) and live.key not in keys:
            found.append(_live_info(live, modules, lang))
    order = {key: i for i, key in enumerate(Module.objects.values_list("key", flat=True))}
    return sorted(found, key=lambda i: (order.get(i.module_key, 999), i.module_title, i.title))


def _stored_layer(key: str, lang: str) -> LayerInfo | None:
    """The stored layer `key` with its texts in `lang`: one query, then the cache's copy."""

    def load() -> LayerInfo | None:
        layer = Layer.objects.select_related("module").filter(key=key).first()
        return _stored_info(layer, lang) if layer else None

    return layer_cache.cached(f"info:{key}:{lang}", load)


def get_layer(key: str, *, include_staff: bool = False, lang: str | None = None) -> LayerInfo | None:
    """The layer `key` if the caller may see it (the same answer as looking it up in
    layer_catalog, without reading the whole catalogue)."""
    if not LAYER_KEY.fullmatch(key):
        return None
    lang = active_language(lang)
    info = _stored_layer(key, lang)
    if info is not None and (info.public or include_staff):
        return info
    for live in live_layers():
        if live.key == key and (live.public or include_staff):
            module = Module.objects.filter(key=live.module).first()
            modules = {module.key: localized(module, "title", lang)} if module else {}
            return _live_info(live, modules, lang)
    return None


def modules_with_layers(*, include_staff: bool = False) -> list[tuple[str, Localized, list[LayerInfo]]]:
    """Layers grouped by module, in the switcher's order; the module's title with its language."""
    groups: dict[str, tuple[str, Localized, list[LayerInfo]]] = {}
    for info in layer_catalog(include_staff=include_staff):
        title = Localized(info.module_title, info.module_title_lang)
        groups.setdefault(info.module_key, (info.module_key, title, []))[2].append(info)
    return list(groups.values())


# --- features ------------------------------------------------------------------------------


def _box_geometry(box: Box) -> GEOSGeometry:
    """The box as a polygon, or as a line or point when it has no width or height (a collapsed
    polygon is not a valid geometry to hand to the database)."""
    west, south, east, north = box
    if west == east and south == north:
        return Point(west, south, srid=4326)
    if west == east or south == north:
        return LineString((west, south), (east, north), srid=4326)
    polygon = Polygon.from_bbox(box)
    polygon.srid = 4326
    return polygon


def _as_numbers(values: tuple[str, ...]) -> list[int | float]:
    """The values that are finite numbers, as JSON would store them (1600, not 1600.0)."""
    numbers: list[int | float] = []
    for value in values:
        try:
            number = float(value)
        except ValueError:
            continue
        if math.isfinite(number):
            numbers.append(int(number) if number.is_integer() and abs(number) < 2**53 else number)
    return numbers


def _property_match(alias: str, flt: PropertyFilter) -> Q:
    match = Q(**{f"{alias}__in": flt.values})
    for number in _as_numbers(flt.values):
        match |= Q(**{alias: number})
    return match


def _stored_features(layer: Layer, query: FeatureQuery) -> QuerySet[Feature]:
    qs = Feature.objects.filter(layer=layer)
    if query.bbox:
        where = Q()
        for box in query.bbox.boxes:
            where |= Q(geometry__intersects=_box_geometry(box))
        qs = qs.filter(where)
    for i, flt in enumerate(query.filters):
        if flt.field in MODEL_FIELDS:
            qs = qs.filter(**{f"{flt.field}__in": flt.values})
            continue
        # the field is a JSON key, never a lookup path: `a__b` stays the key "a__b"
        alias = f"filter_{i}"
        qs = qs.alias(**{alias: KeyTransform(flt.field, "properties")}).filter(_property_match(alias, flt))
    if query.interval:
        start, end = query.interval
        qs = qs.filter(time__isnull=False)
        if start:
            qs = qs.filter(time__gte=start)
        if end:
            qs = qs.filter(time__lte=end)
    return qs.order_by("id")


def _stored_dict(feature: Feature, geojson: str | None = None) -> dict[str, Any]:
    properties = {"name": feature.name, "external_id": feature.external_id, **feature.properties}
    if feature.time:
        properties["time"] = feature.time.isoformat()
    return {
        "type": "Feature",
        "id": feature.pk,
        "geometry": json.loads(geojson or feature.geometry.json),
        "properties": properties,
    }


def _live_features(info: LayerInfo) -> list[dict[str, Any]]:
    assert info.live is not None
    found = []
    for i, raw in enumerate(info.live.features(), start=1):
        feature = {
            "type": "Feature",
            "id": raw.get("id", i),
            "geometry": raw["geometry"],
            "properties": dict(raw.get("properties") or {}),
        }
        found.append(feature)
    return found


def _live_matches(feature: dict[str, Any], query: FeatureQuery) -> bool:
    if query.bbox:
        e = GEOSGeometry(json.dumps(feature["geometry"])).extent
        if not any(e[0] <= b[2] and e[2] >= b[0] and e[1] <= b[3] and e[3] >= b[1] for b in query.bbox.boxes):
            return False
    props = feature["properties"]
    for flt in query.filters:
        if str(props.get(flt.field, "")) not in flt.values:
            return False
    if query.interval:
        try:
            moment = parse_instant(str(props.get("time") or ""), end=False)
        except ValueError:  # a live source's malformed time matches no interval
            moment = None
        start, end = query.interval
        if moment is None or (start and moment < start) or (end and moment > end):
            return False
    return True


def page(info: LayerInfo, query: FeatureQuery) -> feature_pages.Page:
    """One page of the layer's features as GeoJSON texts, with whether more follow and how many
    match (None when a filtered count would run past GIS_EXACT_COUNT_MAX)."""
    if info.layer is not None:
        return feature_pages.stored_page(info, lambda: _stored_features(info.layer, query), query)
    return feature_pages.live_page([f for f in _live_features(info) if _live_matches(f, query)], query)


def features(info: LayerInfo, query: FeatureQuery) -> tuple[list[dict[str, Any]], int]:
    """One page of the layer's GeoJSON features and how many match in all (counted exactly)."""
    found = page(info, query)
    matched = found.matched
    if matched is None:
        matched = _stored_features(info.layer, query).count() if info.layer is not None else 0
    return found.features(), matched


def get_feature(info: LayerInfo, fid: str) -> dict[str, Any] | None:
    if info.layer is not None:
        if not FEATURE_ID.fullmatch(fid):
            return None
        feature = Feature.objects.filter(layer=info.layer, pk=int(fid)).first()
        return _stored_dict(feature) if feature else None
    return next((f for f in _live_features(info) if str(f["id"]) == fid), None)


def queryables(info: LayerInfo) -> list[str]:
    """The names a layer's features can be filtered on: the stored columns and every property
    key its features carry (for a live layer, the keys of its features' properties)."""
    if info.layer is None:
        return sorted({key for f in _live_features(info) for key in f["properties"]})
    table = connection.ops.quote_name(Feature._meta.db_table)
    if connection.vendor == "postgresql":
        sql = (
            f"SELECT DISTINCT jsonb_object_keys(properties) FROM {table} "
            "WHERE layer_id = %s AND jsonb_typeof(properties) = 'object'"
        )
    else:  # SQLite's JSON1
        sql = (
            f"SELECT DISTINCT j.key FROM {table}, json_each({table}.properties) AS j "
            f"WHERE {table}.layer_id = %s AND json_type({table}.properties) = 'object'"
        )
    with connection.cursor() as cursor:
        cursor.execute(sql, [info.layer.pk])
        keys = {row[0] for row in cursor.fetchall()}
    return sorted(keys | set(MODEL_FIELDS))


def safe_link(value: Any) -> str:
    """`value` when it is a web address a visitor may follow (http(s), or a path on this site),
    else "": a feature's `url` comes from imported files, so `javascript:` must never be a link."""
    text = str(value or "").strip()
    if text.startswith("/") and not text.startswith(("//", "/\\")):
        return text
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. a malformed IPv6 host
        return ""
    return text if parts.scheme in ("http", "https") and parts.netloc else ""


def all_features(info: LayerInfo) -> Iterable[dict[str, Any]]:
    """Every feature of a layer (exports), streamed in pages for stored layers."""
    if info.layer is None:
        yield from _live_features(info)
        return
    offset, size = 0, 2000
    while True:
        page, _ = features(info, FeatureQuery(limit=size, offset=offset))
        yield from page
        if len(page) < size:
            return
        offset += size


def layer_extent(info: LayerInfo) -> Box | None:
    """The layer's bounding box in WGS84, or None when empty."""
    if info.layer is not None:
        from django.contrib.gis.db.models import Extent

        extent = Feature.objects.filter(layer=info.layer).aggregate(e=Extent("geometry"))["e"]
        return tuple(extent) if extent else None  # type: ignore[return-value]
    boxes = [GEOSGeometry(json.dumps(f["geometry"])).extent for f in _live_features(info)]
    if not boxes:
        return None
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def has_time(info: LayerInfo) -> bool:
    if info.layer is not None:
        return Feature.objects.filter(layer=info.layer, time__isnull=False).exists()
    return False


# --- search and proximity --------------------------------------------------------------------


def _point_of(geometry: dict[str, Any]) -> tuple[float, float]:
    """(lat, lon) of a representative point of a GeoJSON geometry (on the shape for polygons)."""
    geom = GEOSGeometry(json.dumps(geometry))
    point = geom if geom.geom_type == "Point" else geom.point_on_surface
    return point.y, point.x


def feature_url(layer_key: str, fid: Any, *, lang: str | None = None) -> str:
    """The feature's page in ``lang`` (default: the reader's language)."""
    with override(active_language(lang)):
        return reverse("gismap:feature", kwargs={"layer": layer_key, "fid": str(fid)})


def building_url(building: PublicBuilding, *, lang: str | None = None) -> str:
    """The building's page in ``lang`` (default: the reader's language)."""
    with override(active_language(lang)):
        return building.get_absolute_url()


def _matching_ids(candidates: QuerySet, kind: str, q: str, limit: int) -> list[int]:
    """Ids of the `candidates` whose name has the words of `q` (any form, diacritics or not,
    the last words possibly unfinished), best match first."""
    if limit <= 0:
        return []
    ranked = [int(key) for key in text_search.keys(kind, q, prefix=True, limit=2000)]
    allowed = set(candidates.filter(pk__in=ranked).values_list("pk", flat=True))
    return [pk for pk in ranked if pk in allowed][:limit]


def search(
    q: str, *, limit: int = 10, include_staff: bool = False, lang: str | None = None
) -> list[dict[str, Any]]:
    """Named features and buildings whose name matches `q` without regard to diacritics or word
    forms (portal.search), or whose external id (e.g. the cadastral number) is `q`; exact id
    matches first, then names by how well they match."""
    q = q.strip()[:200]
    if not q:
        return []
    results: list[dict[str, Any]] = []
    catalog = {i.key: i for i in layer_catalog(include_staff=include_staff, lang=lang)}
    stored_keys = [k for k, i in catalog.items() if i.layer is not None]
    features = Feature.objects.filter(layer__key__in=stored_keys)
    exact = list(features.filter(external_id__iexact=q).select_related("layer").order_by("id")[:limit])
    named = features.exclude(name="").exclude(pk__in=[f.pk for f in exact])
    ids = _matching_ids(named, search_index.FEATURES, q, limit - len(exact))
    by_id = named.select_related("layer").in_bulk(ids)
    for feature in exact + [by_id[pk] for pk in ids]:
        lat, lon = _point_of(json.loads(feature.geometry.json))
        results.append(
            {
                "name": feature.name or feature.external_id,
                "kind": feature.layer.kind or "feature",
                "layer": feature.layer.key,
                "layer_title": catalog[feature.layer.key].title,
                "layer_title_lang": catalog[feature.layer.key].title_lang,
                "id": feature.pk,
                "external_id": feature.external_id,
                "lat": lat,
                "lon": lon,
                "url": feature_url(feature.layer.key, feature.pk, lang=lang),
            }
        )
    if len(results) < limit:
        buildings = PublicBuilding.objects.filter(published=True)
        ids = _matching_ids(buildings, search_index.BUILDINGS, q, limit - len(results))
        by_id = buildings.in_bulk(ids)
        for building in (by_id[pk] for pk in ids):
            results.append(
                {
                    "name": building.name,
                    "kind": "building",
                    "layer": "public-buildings",
                    "layer_title": catalog["public-buildings"].title if "public-buildings" in catalog else "",
                    "layer_title_lang": catalog["public-buildings"].title_lang
                    if "public-buildings" in catalog
                    else "",
                    "id": building.pk,
                    "external_id": building.slug,
                    "lat": building.location.y,
                    "lon": building.location.x,
                    "url": building_url(building, lang=lang),
                }
            )
    return results


NEAREST_KINDS = ("building", "wifi", "parking")


def nearest(
    kind: str, lat: float, lon: float, *, limit: int = 3, lang: str | None = None
) -> list[dict[str, Any]]:
    """The `limit` nearest public buildings, Wi-Fi hotspots or parking areas, in geodesic metres."""
    candidates: list[dict[str, Any]] = []
    if kind == "building":
        for b in PublicBuilding.objects.filter(published=True):
            candidates.append(
                {
                    "name": b.name,
                    "kind": kind,
                    "lat": b.location.y,
                    "lon": b.location.x,
                    "address": b.address,
                    "url": building_url(b, lang=lang),
                }
            )
    else:
        qs = Feature.objects.filter(layer__kind=kind, layer__public=True).select_related("layer")
        for f in qs:
            flat, flon = _point_of(json.loads(f.geometry.json))
            candidates.append(
                {
                    "name": f.name or f.external_id,
                    "kind": kind,
                    "lat": flat,
                    "lon": flon,
                    "address": str(f.properties.get("address", "")),
                    "url": feature_url(f.layer.key, f.pk, lang=lang),
                }
            )
    for c in candidates:
        c["distance_m"] = round(distance_m(lat, lon, c["lat"], c["lon"]), 1)
        c["lat"], c["lon"] = round(c["lat"], 6), round(c["lon"], 6)
    candidates.sort(key=lambda c: c["distance_m"])
    keys = ("name", "kind", "distance_m", "lat", "lon", "address", "url")
    return [{k: c[k] for k in keys} for c in candidates[:limit]]
