"""Public pages: the register of emergency call points and the devices per district. Every view
reads through selectors.public, so no alert button can appear here."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from cctv.models import District

from .selectors.public import district_counts, public_call_points


def register(request: HttpRequest) -> HttpResponse:
    """Call points, filterable by district (plain GET form, no JavaScript), and the counts of
    call points and alert buttons per district."""
    district = request.GET.get("district", "")
    if district and not District.objects.filter(slug=district).exists():
        district = ""
    return render(
        request,
        "safety/register.html",
        {
            "call_points": public_call_points(district=district),
            "districts": District.objects.order_by("name"),
            "selected_district": district,
            "counts": district_counts(),
        },
    )
