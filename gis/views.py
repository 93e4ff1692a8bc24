"""Public pages of the map: the map with its layer switcher and search, the accessible list of
the same features, one page per feature, and the building pages reached from QR/NFC labels."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from portal.core.city import get_city
from portal.core.pagination import LazyRows, QueryStringPaginator
from portal.qr.services import qr_png, qr_svg

from . import selectors
from .models import PublicBuilding
from .params import FeatureQuery
from .services.usage import count_use

LIST_PAGE = 50


def _staff(request: HttpRequest) -> bool:
    return request.user.is_authenticated and request.user.has_perm("gismap.view_layer")


def _selected(request: HttpRequest, catalog: list[selectors.LayerInfo]) -> list[str]:
    asked = request.GET.getlist("layers")
    keys = [i.key for i in catalog]
    return [k for k in asked if k in keys] if asked else keys


def map_view(request: HttpRequest) -> HttpResponse:
    """The map; without JavaScript the switcher, legend and search still work as a form."""
    staff = _staff(request)
    catalog = selectors.layer_catalog(include_staff=staff)
    selected = _selected(request, catalog)
    q = request.GET.get("q", "").strip()
    results = selectors.search(q, limit=20, include_staff=staff) if q else []
    count_use(channel="page")
    config = {
        "tileUrl": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
        "center": list(get_city().center),
        "zoom": get_city().zoom + 1,
        "feature": request.GET.get("feature", ""),
        "nearestUrl": "/api/v1/gis/nearest",
        # a layer with more features than this is loaded by the part in view (see map.js)
        "featureLimit": settings.GIS_MAP_FEATURE_LIMIT,
        "layers": [
            {
                "key": i.key,
                "title": i.title,
                "titleLang": i.title_lang,
                "color": i.color,
                "geometryType": i.geometry_type,
                "cluster": i.cluster,
                "url": f"/api/v1/gis/layers/{i.key}/features?lang={translation.get_language()}",
            }
            for i in catalog
        ],
        "strings": {
            "details": _("Details"),
            "rateBuilding": _("Rate this building's services"),
            "noTiles": _(
                "The background map cannot be loaded; the layers are shown on a plain "
                "background. The list view shows the same features."
            ),
            "locating": _("Finding your position…"),
            "noLocation": _("Your position is not available."),
            "youAreHere": _("You are here"),
            "nearest": _("Nearest public buildings"),
            "metres": _("m"),
            # %(layer)s, %(shown)s and %(total)s are filled in by the map's script
            "partial": _(
                "%(layer)s: %(shown)s of %(total)s features in this view are shown. Zoom in to see them all."
            ),
            "partialUnknown": _(
                "%(layer)s: the first %(shown)s features in this view are shown; there are more. "
                "Zoom in to see them all."
            ),
        },
    }
    return render(
        request,
        "gis/map.html",
        {
            "modules": selectors.modules_with_layers(include_staff=staff),
            "selected": selected,
            "q": q,
            "results": results,
            "config": config,
        },
    )


def list_view(request: HttpRequest) -> HttpResponse:
    """The same features as a table: the accessible alternative to the map."""
    staff = _staff(request)
    catalog = selectors.layer_catalog(include_staff=staff)
    if not catalog:
        return render(request, "gis/list.html", {"catalog": [], "info": None})
    key = request.GET.get("layer") or catalog[0].key
    info = next((i for i in catalog if i.key == key), None)
    if info is None:
        raise Http404
    features = LazyRows(
        count=lambda: selectors.features(info, FeatureQuery(limit=0))[1],  # the count only
        fetch=lambda offset, limit: selectors.features(info, FeatureQuery(limit=limit, offset=offset))[0],
    )
    # Not a number: the first page; past the end (a stale or made-up link): the last page.
    page_obj = QueryStringPaginator(features, LIST_PAGE).get_page(request.GET.get("page"))
    rows, page, pages = page_obj.object_list, page_obj.number, page_obj.paginator.num_pages
    for row in rows:
        link = selectors.safe_link(row["properties"].get("url")) if info.is_live else ""
        row["url"] = link or selectors.feature_url(info.key, row["id"])
        row["point"] = selectors._point_of(row["geometry"])  # noqa: SLF001
    return render(
        request,
        "gis/list.html",
        {
            "catalog": catalog,
            "info": info,
            "rows": rows,
            "matched": page_obj.paginator.count,
            "page": page,
            "pages": pages,
            "previous": page - 1 if page > 1 else None,
            "next": page + 1 if page < pages else None,
        },
    )


def feature_view(request: HttpRequest, layer: str, fid: str) -> HttpResponse:
    info = selectors.get_layer(layer, include_staff=_staff(request))
    feature = selectors.get_feature(info, fid) if info else None
    if info is None or feature is None:
        raise Http404
    if info.key == "public-buildings":
        return redirect("gismap:building", slug=fid)
    properties = dict(feature["properties"])
    name = properties.pop("name", "") or properties.get("external_id") or fid
    link = selectors.safe_link(properties.get("url"))
    if link:  # shown as a link; any other `url` stays among the facts, as text
        properties.pop("url")
    lat, lon = selectors._point_of(feature["geometry"])  # noqa: SLF001
    return render(
        request,
        "gis/feature.html",
        {
            "info": info,
            "feature": feature,
            "name": name,
            "link": link,
            "properties": {k: v for k, v in properties.items() if v not in ("", None, [])},
            "lat": lat,
            "lon": lon,
            "map_url": f"{reverse('gismap:map')}?feature={info.key}:{fid}",
        },
    )


def building_view(request: HttpRequest, slug: str) -> HttpResponse:
    """A plain, screen-reader-first page: what a visitor needs before and at the door."""
    building = get_object_or_404(
        PublicBuilding.objects.prefetch_related("entrances", "opening_hours", "services"),
        slug=slug,
        published=True,
    )
    language = translation.get_language()
    services = [s for s in building.services.all() if s.live]
    localized = []
    for service in services:
        translated = (
            service.get_translations(inclusive=True).live().filter(locale__language_code=language).first()
        )
        localized.append((translated or service).specific)
    return render(
        request,
        "gis/building.html",
        {
            "building": building,
            "services": localized,
            "map_url": f"{reverse('gismap:map')}?feature=public-buildings:{building.slug}",
        },
    )


def building_short(request: HttpRequest, slug: str) -> HttpResponse:
    """The language-neutral address printed in a building's QR/NFC label."""
    language = translation.get_language_from_request(request)
    with translation.override(language):
        return redirect(reverse("gismap:building", kwargs={"slug": slug}))


def label_url(building: PublicBuilding) -> str:
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/b/{building.slug}"


def building_qr(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    building = get_object_or_404(PublicBuilding, slug=slug, published=True)
    if fmt == "svg":
        return HttpResponse(qr_svg(label_url(building)), content_type="image/svg+xml")
    return HttpResponse(qr_png(label_url(building)), content_type="image/png")


@permission_required("gismap.change_publicbuilding")
def building_label(request: HttpRequest, slug: str) -> HttpResponse:
    """The printable QR/NFC label for staff to put at the entrance."""
    building = get_object_or_404(PublicBuilding, slug=slug)
    return render(
        request,
        "gis/building_label.html",
        {"building": building, "qr": qr_svg(label_url(building)), "url": label_url(building)},
    )
