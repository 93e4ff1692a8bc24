"""Public reads: call points only (alert buttons never leave the staff screens) and aggregate
counts per district. Every public page, layer, API and dataset reads through this module."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils.translation import override

from cctv.models import District
from portal.core.translation import active_language

from ..models import Device


def public_call_points(*, district: str | None = None) -> QuerySet[Device]:
    """Call points shown to residents, optionally in one district (by slug)."""
    qs = Device.objects.public().select_related("district")
    if district:
        qs = qs.filter(district__slug=district)
    return qs


def public_record(device: Device) -> dict[str, Any]:
    """A call point's public fields as plain values; refuses anything that is not public."""
    if device.kind != Device.Kind.CALL_POINT:
        raise ValueError("only call points are public")
    record: dict[str, Any] = {}
    for name in Device.PUBLIC_FIELDS:
        value = getattr(device, name)
        if name == "district":
            value = device.district.name if device.district else ""
        record[name] = value
    return record


def public_feature(device: Device, *, lang: str | None = None) -> dict[str, Any]:
    """A GeoJSON Feature of a call point's public fields, labels in `lang`."""
    properties = public_record(device)
    with override(active_language(lang)):
        properties.update(
            kind_label=str(device.get_kind_display()), status_label=str(device.get_status_display())
        )
    return {
        "type": "Feature",
        "id": device.code,
        "geometry": {"type": "Point", "coordinates": [device.longitude, device.latitude]},
        "properties": properties,
    }


def district_counts() -> list[dict[str, Any]]:
    """Devices in service per district (counts only; no place of any alert button)."""
    in_service = Q(safety_devices__status__in=Device.IN_SERVICE)
    rows = District.objects.annotate(
        call_points=Count(
            "safety_devices", filter=in_service & Q(safety_devices__kind=Device.Kind.CALL_POINT)
        ),
        alert_buttons=Count(
            "safety_devices", filter=in_service & Q(safety_devices__kind=Device.Kind.ALERT_BUTTON)
        ),
    ).order_by("name")
    return [
        {"district": d.name, "call_points": d.call_points, "alert_buttons": d.alert_buttons} for d in rows
    ]
