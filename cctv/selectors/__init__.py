"""Reads of the camera register. Public reads go through `public_record`/`public_feature` only,
which copy `Camera.PUBLIC_FIELDS` and nothing else."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet
from django.utils.translation import override

from portal.core.translation import active_language, localized

from ..models import Camera, District


def public_cameras(*, district: str | None = None, purpose: str | None = None) -> QuerySet[Camera]:
    """Cameras of the transparency register, optionally filtered by district slug and purpose."""
    qs = Camera.objects.public().select_related("district")
    if district:
        qs = qs.filter(district__slug=district)
    if purpose:
        qs = qs.filter(purpose=purpose)
    return qs


def public_record(camera: Camera) -> dict[str, Any]:
    """A camera's public fields as plain values (choice codes, not labels) for datasets and APIs."""
    record: dict[str, Any] = {}
    for name in Camera.PUBLIC_FIELDS:
        value = getattr(camera, name)
        if name == "district":
            value = camera.district.name
        record[name] = value
    return record


def public_feature(camera: Camera, *, with_sector: bool = False, lang: str | None = None) -> dict[str, Any]:
    """A GeoJSON Feature of the camera's public fields; the field of view as a property polygon.
    Texts are in ``lang`` (default: the active language) where translated, else in the original;
    ``what_is_filmed_lang`` says which."""
    lang = active_language(lang)
    properties = public_record(camera)
    filmed = localized(camera, "what_is_filmed", lang)
    with override(lang):
        properties.update(
            what_is_filmed=filmed.text,
            what_is_filmed_lang=filmed.lang,
            type_label=str(camera.get_camera_type_display()),
            purpose_label=str(camera.get_purpose_display()),
            status_label=str(camera.get_status_display()),
        )
    if with_sector:
        properties["field_of_view"] = {
            "type": "Polygon",
            "coordinates": [[[round(x, 7), round(y, 7)] for x, y in camera.field_of_view.coords[0]]],
        }
    return {
        "type": "Feature",
        "id": camera.code,
        "geometry": {"type": "Point", "coordinates": [camera.longitude, camera.latitude]},
        "properties": properties,
    }


def districts_with_counts() -> QuerySet[District]:
    return District.objects.annotate(camera_count=Count("cameras")).order_by("name")
