"""Form widgets shared by the admin screens."""

from typing import Any

from django import forms
from django.contrib.gis.geos import GEOSGeometry, Point
from django.utils.translation import gettext_lazy as _


class LatLonWidget(forms.MultiWidget):
    """A point as two labelled number boxes (latitude, longitude, WGS84).

    Keyboard- and screen-reader friendly and needs no tile server, unlike a map picker;
    the map has its own drawing widget for features; this one is for single addresses.
    """

    template_name = "core/widgets/latlon.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        number = {"step": "0.000001", "inputmode": "decimal"}
        super().__init__(
            [
                forms.NumberInput(attrs={**number, "min": -90, "max": 90}),
                forms.NumberInput(attrs={**number, "min": -180, "max": 180}),
            ],
            attrs,
        )
        self.labels = [_("Latitude (°N)"), _("Longitude (°E)")]

    def decompress(self, value: Any) -> list[float | None]:
        if not value:
            return [None, None]
        if isinstance(value, str):
            value = GEOSGeometry(value)
        return [round(value.y, 6), round(value.x, 6)]

    def value_from_datadict(self, data: Any, files: Any, name: str) -> str | None:
        lat, lon = super().value_from_datadict(data, files, name)
        if lat in (None, "") and lon in (None, ""):
            return None
        try:
            return Point(float(lon), float(lat), srid=4326).ewkt
        except (TypeError, ValueError):
            return f"invalid:{lat},{lon}"  # the geometry field reports it as invalid input

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        for sub, label in zip(context["widget"]["subwidgets"], self.labels, strict=True):
            sub["label"] = label
        return context
