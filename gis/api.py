"""GIS map: routes of the public API under /api/v1/gis/ (see portal/api.py): the layer list,
GeoJSON per layer (bbox, paging, property filters) and the chatbot's nearest/places lookups."""

from __future__ import annotations

from functools import partial
from typing import Any, ClassVar, Literal

from django.http import HttpRequest, HttpResponse
from django.utils.translation import override
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from portal.core.api import Error
from portal.core.translation import active_language

from . import feature_pages, selectors
from .params import InvalidParameter, feature_query
from .services.usage import count_use

router = Router(tags=["gis"])

RESERVED = {"bbox", "bbox-crs", "crs", "limit", "offset", "datetime", "f", "lang"}
DEFAULT_LIMIT = 1000


def _staff(request: HttpRequest) -> bool:
    return request.user.is_authenticated and request.user.has_perm("gismap.view_layer")


class LayerOut(Schema):
    key: str
    title: str
    title_lang: str = Field(description="The language `title` is in: the asked one, or the original's.")
    description: str
    description_lang: str
    module: str
    module_title: str
    module_title_lang: str
    geometry_type: str
    color: str
    icon: str
    license: str
    attribution: str
    source: str
    kind: str
    cluster: bool
    features_url: str


@router.get(
    "/layers",
    response=list[LayerOut],
    summary="Thematic layers of the map",
    description="Titles and descriptions in `lang` (ro, en, hu; default: the Accept-Language "
    "header, else Romanian) where translated, else in the original; `*_lang` says which.",
)
def layers(request: HttpRequest, lang: str | None = None) -> list[dict]:
    fields = (
        "key",
        "title",
        "title_lang",
        "description",
        "description_lang",
        "module_title",
        "module_title_lang",
        "geometry_type",
        "color",
        "icon",
        "license",
        "attribution",
        "source",
        "kind",
        "cluster",
    )
    return [
        {
            **{k: getattr(i, k) for k in fields},
            "module": i.module_key,
            "features_url": f"/api/v1/gis/layers/{i.key}/features",
        }
        for i in selectors.layer_catalog(include_staff=_staff(request), lang=lang)
    ]


class GeoJsonFeature(Schema):
    type: Literal["Feature"]
    id: int | str
    geometry: dict[str, Any] | None
    properties: dict[str, Any]


class FeatureCollection(Schema):
    media_type: ClassVar[str] = "application/geo+json"

    type: Literal["FeatureCollection"]
    numberMatched: int | None = Field(
        description="How many features match; null when a filtered count would exceed "
        "GIS_EXACT_COUNT_MAX (the `more` flag still says whether another page follows)."
    )
    numberReturned: int
    more: bool = Field(description="Whether a page follows this one (at offset + limit).")
    features: list[GeoJsonFeature]


@router.get(
    "/layers/{key}/features",
    summary="A layer's features as GeoJSON",
    description="A GeoJSON FeatureCollection. `bbox` is west,south,east,north in WGS84 degrees "
    "(longitudes within ±180, latitudes within ±90; west > east crosses the antimeridian); "
    "`limit` (1 to 10000, larger values are served as 10000) and `offset` page through it (an "
    "offset past the end gives an empty page); `datetime` is an RFC 3339 instant or `start/end` "
    "interval on the features' time; `lang` (ro, en, hu) is the language of a live layer's texts "
    "and links. Any other parameter filters on a field of the "
    "layer: `name`, `external_id` or a feature property, as `field=value` or "
    "`field__in=a,b` (e.g. `?nr_cad=30711`); an unknown field or operator is a 400.",
    response={200: FeatureCollection, 400: Error, 404: Error},
)
def layer_features(
    request: HttpRequest, key: str, bbox: str | None = None, limit: int = DEFAULT_LIMIT, offset: int = 0
) -> HttpResponse:
    info = selectors.get_layer(key, include_staff=_staff(request))
    if info is None:
        raise HttpError(404, "Unknown layer")
    fields = partial(selectors.queryables, info)  # read only when a filter names a field
    try:
        query = feature_query(request.GET, fields=fields, reserved=RESERVED, default_limit=DEFAULT_LIMIT)
    except InvalidParameter as exc:
        raise HttpError(400, str(exc)) from exc
    with override(active_language(request.GET.get("lang"))):  # live layers' texts and links
        page = selectors.page(info, query)
    count_use(channel="api")
    extra = {"numberMatched": page.matched, "numberReturned": len(page.items), "more": page.more}
    return HttpResponse(
        feature_pages.collection_json(page, extra), content_type="application/geo+json; charset=utf-8"
    )


class NearestOut(Schema):
    name: str
    kind: str
    distance_m: float
    lat: float
    lon: float
    address: str
    url: str


class NearestQuery(Schema):
    kind: Literal["building", "wifi", "parking"]
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    limit: int = 3
    lang: Literal["ro", "en", "hu"] = "ro"


@router.get(
    "/nearest",
    response=list[NearestOut],
    summary="Nearest public buildings, Wi-Fi hotspots or parking areas",
)
def nearest(request: HttpRequest, params: Query[NearestQuery]) -> list[dict]:
    """Geodesic metres on WGS84, nearest first; URLs are absolute, in the asked language.
    Positions outside WGS84 (and NaN) are refused with 422 by NearestQuery's declared ranges."""
    found = selectors.nearest(
        params.kind, params.lat, params.lon, limit=max(1, min(params.limit, 50)), lang=params.lang
    )
    for item in found:
        item["url"] = request.build_absolute_uri(item["url"])
    return found


class PlaceOut(Schema):
    name: str
    kind: str
    lat: float
    lon: float
    layer_title: str
    layer_title_lang: str = Field(description="The language `layer_title` is in.")


@router.get("/places", response=list[PlaceOut], summary="Named places on the map")
def places(request: HttpRequest, q: str, limit: int = 5, lang: str | None = None) -> list[dict]:
    """Features and buildings by name or external id (e.g. cadastral number), for 'near <place>';
    the layer's title in `lang` (ro, en, hu; default: Accept-Language) where translated."""
    return [
        {
            "name": r["name"],
            "kind": r["kind"],
            "lat": round(r["lat"], 6),
            "lon": round(r["lon"], 6),
            "layer_title": r["layer_title"],
            "layer_title_lang": r["layer_title_lang"],
        }
        for r in selectors.search(q, limit=max(1, min(limit, 50)), lang=lang)
    ]
