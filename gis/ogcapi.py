"""OGC API – Features (Part 1: Core, GeoJSON, OpenAPI 3.0) under /ogcapi/, serving every public
layer of the catalogue (stored and live) as a collection. Plain views: the standard fixes the
paths, parameters and response shapes, so a dispatcher is clearer than a generic API framework."""

from __future__ import annotations

import json
from functools import partial
from typing import Any

from django.db.models import Max, Min
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from portal.core.translation import active_language

from . import feature_pages, selectors
from .models import Feature
from .params import CRS84, InvalidParameter, feature_query
from .services.usage import count_use

CONFORMANCE = [
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
]
JSON, GEOJSON, HTML = "application/json", "application/geo+json", "text/html"
OPENAPI = "application/vnd.oai.openapi+json;version=3.0"
DEFAULT_LIMIT = 10
RESERVED = {"bbox", "limit", "offset", "datetime", "f", "bbox-crs", "crs"}


def _base(request: HttpRequest) -> str:
    return request.build_absolute_uri("/ogcapi").rstrip("/")


def _wants_html(request: HttpRequest) -> bool:
    f = request.GET.get("f")
    if f:
        return f == "html"
    accept = request.headers.get("Accept", "")
    return "text/html" in accept and "json" not in accept


def _json(body: Any, *, status: int = 200, content_type: str = JSON) -> HttpResponse:
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False), status=status, content_type=f"{content_type}; charset=utf-8"
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _error(status: int, code: str, description: str) -> HttpResponse:
    return _json({"code": code, "description": description}, status=status)


def _respond(
    request: HttpRequest, body: dict[str, Any], *, title: str, content_type: str = JSON
) -> HttpResponse:
    if request.GET.get("f") not in (None, "", "json", "html"):
        return _error(400, "InvalidParameterValue", "f must be json or html")
    if _wants_html(request):
        return render(
            request,
            "gis/ogcapi.html",
            {"title": title, "body": body, "pretty": json.dumps(body, indent=2, ensure_ascii=False)},
        )
    return _json(body, content_type=content_type)


def _link(href: str, rel: str, type_: str, title: str = "") -> dict[str, str]:
    link = {"href": href, "rel": rel, "type": type_}
    if title:
        link["title"] = title
    return link


def _self_links(url: str, type_: str) -> list[dict[str, str]]:
    return [
        _link(f"{url}?f=json", "self" if type_ != HTML else "alternate", type_),
        _link(f"{url}?f=html", "alternate", HTML, "HTML"),
    ]


def _lang(request: HttpRequest) -> str:
    """The language asked with ?lang=, else the request's (Accept-Language), else the default."""
    return active_language(request.GET.get("lang"))


@require_GET
def landing(request: HttpRequest) -> HttpResponse:
    base = _base(request)
    body = {
        "title": "Arad Digital – OGC API Features",
        "description": "The city's map layers as OGC API – Features collections (WGS84, GeoJSON).",
        "links": [
            _link(f"{base}/?f=json", "self", JSON, "This document"),
            _link(f"{base}/?f=html", "alternate", HTML, "This document as HTML"),
            _link(f"{base}/api", "service-desc", OPENAPI, "The OpenAPI definition"),
            _link(f"{base}/api?f=html", "service-doc", HTML, "The API documentation"),
            _link(f"{base}/conformance", "conformance", JSON, "Conformance classes"),
            _link(f"{base}/collections", "data", JSON, "Collections"),
        ],
    }
    return _respond(request, body, title=body["title"])


@require_GET
def conformance(request: HttpRequest) -> HttpResponse:
    return _respond(request, {"conformsTo": CONFORMANCE}, title="Conformance")


def _collection(request: HttpRequest, info: selectors.LayerInfo) -> dict[str, Any]:
    base = _base(request)
    url = f"{base}/collections/{info.key}"
    extent = selectors.layer_extent(info)
    collection: dict[str, Any] = {
        "id": info.key,
        "title": info.title,
        "description": info.description,
        # the language each text is in: the asked one (?lang=, else Accept-Language), or the original's
        "title_lang": info.title_lang,
        "description_lang": info.description_lang,
        "itemType": "feature",
        "crs": [CRS84],
        "storageCrs": CRS84,
        "keywords": [info.module_key],
        "license": info.license,
        "attribution": str(info.attribution),
        "links": [
            _link(url, "self", JSON),
            _link(f"{url}?f=html", "alternate", HTML),
            _link(f"{url}/items", "items", GEOJSON, "Items as GeoJSON"),
            _link(f"{url}/items?f=html", "items", HTML, "Items as HTML"),
        ],
    }
    if extent:
        collection["extent"] = {"spatial": {"bbox": [list(extent)], "crs": CRS84}}
        if info.layer is not None and selectors.has_time(info):
            span = Feature.objects.filter(layer=info.layer).aggregate(a=Min("time"), b=Max("time"))
            collection["extent"]["temporal"] = {
                "interval": [[span["a"].isoformat(), span["b"].isoformat()]],
                "trs": "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian",
            }
    return collection


@require_GET
def collections(request: HttpRequest) -> HttpResponse:
    base = _base(request)
    body = {
        "links": [
            _link(f"{base}/collections", "self", JSON),
            _link(f"{base}/collections?f=html", "alternate", HTML),
        ],
        "collections": [_collection(request, i) for i in selectors.layer_catalog(lang=_lang(request))],
    }
    return _respond(request, body, title="Collections")


@require_GET
def collection(request: HttpRequest, collection_id: str) -> HttpResponse:
    info = selectors.get_layer(collection_id, lang=_lang(request))
    if info is None:
        return _error(404, "NotFound", f"No collection {collection_id!r}")
    body = _collection(request, info)
    return _respond(request, body, title=body["title"])


@require_GET
def items(request: HttpRequest, collection_id: str) -> HttpResponse:
    info = selectors.get_layer(collection_id, lang=_lang(request))
    if info is None:
        return _error(404, "NotFound", f"No collection {collection_id!r}")
    fields = partial(selectors.queryables, info)  # read only when a filter names a field
    try:
        query = feature_query(request.GET, fields=fields, reserved=RESERVED, default_limit=DEFAULT_LIMIT)
    except InvalidParameter as exc:
        return _error(400, "InvalidParameterValue", str(exc))
    limit, offset = query.limit, query.offset
    page = selectors.page(info, query)
    count_use(channel="ogcapi")
    url = f"{_base(request)}/collections/{info.key}/items"
    params = request.GET.copy()
    params.pop("f", None)

    def href(new_offset: int, f: str = "json") -> str:
        p = params.copy()
        p["offset"], p["limit"], p["f"] = str(new_offset), str(limit), f
        return f"{url}?{p.urlencode()}"

    links = [
        _link(href(offset), "self", GEOJSON),
        _link(href(offset, "html"), "alternate", HTML),
        _link(f"{_base(request)}/collections/{info.key}", "collection", JSON),
    ]
    if page.more:
        links.append(_link(href(offset + limit), "next", GEOJSON, "Next page"))
    if offset > 0:
        links.append(_link(href(max(0, offset - limit)), "prev", GEOJSON, "Previous page"))
    # numberMatched is left out when counting every match would cost too much (OGC allows it)
    extra: dict[str, Any] = {} if page.matched is None else {"numberMatched": page.matched}
    extra |= {
        "numberReturned": len(page.items),
        "timeStamp": timezone.now().isoformat().replace("+00:00", "Z"),
        "links": links,
    }
    if request.GET.get("f") not in (None, "", "json", "html"):
        return _error(400, "InvalidParameterValue", "f must be json or html")
    if _wants_html(request):
        body = {"type": "FeatureCollection", "features": page.features(), **extra}
        return _respond(request, body, title=str(info.title), content_type=GEOJSON)
    response = HttpResponse(
        feature_pages.collection_json(page, extra), content_type=f"{GEOJSON}; charset=utf-8"
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def item(request: HttpRequest, collection_id: str, fid: str) -> HttpResponse:
    info = selectors.get_layer(collection_id, lang=_lang(request))
    feature = selectors.get_feature(info, fid) if info else None
    if info is None or feature is None:
        return _error(404, "NotFound", f"No feature {fid!r} in {collection_id!r}")
    url = f"{_base(request)}/collections/{info.key}"
    body = {
        **feature,
        "links": [
            _link(f"{url}/items/{fid}", "self", GEOJSON),
            _link(f"{url}/items/{fid}?f=html", "alternate", HTML),
            _link(url, "collection", JSON),
        ],
    }
    return _respond(request, body, title=str(feature["properties"].get("name") or fid), content_type=GEOJSON)


@require_GET
def openapi(request: HttpRequest) -> HttpResponse:
    from .openapi import document

    body = document(_base(request), [i.key for i in selectors.layer_catalog()])
    return _respond(request, body, title="OpenAPI", content_type=OPENAPI.split(";")[0])
