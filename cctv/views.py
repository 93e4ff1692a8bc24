"""Public transparency register: the camera list, one camera, the map, residents' rights and the
open-data downloads. Every view reads through the public selectors only."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from portal.core.city import get_city

from . import publishers
from .models import Camera
from .selectors import districts_with_counts, public_cameras
from .selectors.density import city_density, density_by_district


def register(request: HttpRequest) -> HttpResponse:
    """The list of cameras, filterable by district and purpose (plain GET form, no JavaScript)."""
    district = request.GET.get("district", "")
    purpose = request.GET.get("purpose", "")
    if purpose not in Camera.Purpose.values:
        purpose = ""
    cameras = public_cameras(district=district, purpose=purpose)
    return render(
        request,
        "cctv/register.html",
        {
            "cameras": cameras,
            "districts": districts_with_counts(),
            "purposes": Camera.Purpose.choices,
            "selected_district": district,
            "selected_purpose": purpose,
            "density": city_density(),
            "district_density": density_by_district(),
        },
    )


def camera(request: HttpRequest, code: str) -> HttpResponse:
    found = public_cameras().filter(code=code).first()
    if found is None:
        raise Http404
    return render(request, "cctv/camera.html", {"camera": found})


def camera_map(request: HttpRequest) -> HttpResponse:
    return render(request, "cctv/map.html", {"center": get_city().center, "count": public_cameras().count()})


def rights(request: HttpRequest) -> HttpResponse:
    return render(request, "cctv/rights.html", {"contact": settings.CCTV_PRIVACY_CONTACT})


def download_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(publishers.register_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="cctv-camera-register.csv"'
    return response


def download_geojson(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(publishers.register_geojson(), content_type="application/geo+json")
    response["Content-Disposition"] = 'attachment; filename="cctv-camera-register.geojson"'
    return response
