"""The city the portal serves (settings.CITY), read through one typed accessor: `get_city()`."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import translation


@dataclass(frozen=True)
class City:
    """Names, places and codes of one city; built from settings.CITY."""

    names: dict[str, str]
    authorities: dict[str, str]
    publisher: str
    number_prefix: str
    center: tuple[float, float]  # (lat, lon), WGS84
    zoom: int
    bbox: tuple[float, float, float, float]  # (west, south, east, north), WGS84
    boundary_file: str
    spatial_uri: str
    spatial_label: str
    time_zone: str
    languages: tuple[str, ...]

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def _pick(self, values: dict[str, str], lang: str | None) -> str:
        lang = lang or translation.get_language() or self.default_language
        return values.get(lang[:2]) or values.get(self.default_language) or next(iter(values.values()), "")

    def name(self, lang: str | None = None) -> str:
        """The city's name in `lang` (default: the active language), else in the city's language."""
        return self._pick(self.names, lang)

    def authority(self, lang: str | None = None) -> str:
        """The city hall's name in `lang` (default: the active language)."""
        return self._pick(self.authorities, lang)

    def area(self) -> Any:
        """The city's area as a GEOS (multi)polygon in WGS84: the boundary file, else the box."""
        from django.contrib.gis.geos import GEOSGeometry, Polygon

        if self.boundary_file:
            data = json.loads(Path(self.boundary_file).read_text(encoding="utf-8"))
            if data.get("type") == "FeatureCollection":
                data = data["features"][0]["geometry"]
            elif data.get("type") == "Feature":
                data = data["geometry"]
            geom = GEOSGeometry(json.dumps(data))
            geom.srid = 4326
            return geom
        polygon = Polygon.from_bbox(self.bbox)
        polygon.srid = 4326
        return polygon

    def contains(self, lon: float, lat: float) -> bool:
        """Whether the point (WGS84) lies in the city's area."""
        if not self.boundary_file:
            west, south, east, north = self.bbox
            return west <= lon <= east and south <= lat <= north
        from django.contrib.gis.geos import Point

        return bool(self.area().intersects(Point(lon, lat, srid=4326)))


@functools.cache
def get_city() -> City:
    """The configured city (cached; refreshed when a test overrides settings.CITY)."""
    raw: dict[str, Any] = settings.CITY
    languages = tuple(raw.get("LANGUAGES") or [code for code, _name in settings.LANGUAGES])
    lat, lon = (float(v) for v in raw["CENTER"])
    west, south, east, north = (float(v) for v in raw["BBOX"])
    return City(
        names=dict(raw["NAME"]),
        authorities=dict(raw.get("AUTHORITY") or raw["NAME"]),
        publisher=str(raw["PUBLISHER"]),
        number_prefix=str(raw["NUMBER_PREFIX"]),
        center=(lat, lon),
        zoom=int(raw.get("ZOOM", 13)),
        bbox=(west, south, east, north),
        boundary_file=str(raw.get("BOUNDARY_FILE") or ""),
        spatial_uri=str(raw.get("SPATIAL_URI") or ""),
        spatial_label=str(raw.get("SPATIAL_LABEL") or ""),
        time_zone=str(raw.get("TIME_ZONE") or settings.TIME_ZONE),
        languages=languages,
    )


@receiver(setting_changed)
def _forget_city(*, setting: str, **kwargs: Any) -> None:
    if setting == "CITY":
        get_city.cache_clear()
