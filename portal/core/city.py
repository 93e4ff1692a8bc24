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
        """The city's area as a GEOS (multi)polygon in WGS84: the boundary file, else the box.
        A copy: callers may transform it."""
        if self.boundary_file:
            return _boundary(self.boundary_file).clone()
        from django.contrib.gis.geos import Polygon

        polygon = Polygon.from_bbox(self.bbox)
        polygon.srid = 4326
        return polygon

    def touches(self, geometry: Any) -> bool:
        """Whether a WGS84 GEOS geometry lies at least partly in the city's area: the one test
        every importer applies (cameras, map features), so they accept the same places. With
        no boundary file, its extent must overlap the box, edges included."""
        if not self.boundary_file:
            xmin, ymin, xmax, ymax = geometry.extent
            west, south, east, north = self.bbox
            return xmin <= east and xmax >= west and ymin <= north and ymax >= south
        return bool(_prepared_boundary(self.boundary_file).intersects(geometry))

    def contains(self, lon: float, lat: float) -> bool:
        """Whether the point (WGS84) lies in the city's area."""
        from django.contrib.gis.geos import Point

        return self.touches(Point(lon, lat, srid=4326))


def _boundary(path: str) -> Any:
    """The boundary file's (multi)polygon, parsed once per version of the file (keyed by its
    modification time, so an edited file is read again)."""
    return _parse_boundary(path, Path(path).stat().st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _parse_boundary(path: str, mtime_ns: int) -> Any:
    from django.contrib.gis.geos import GEOSGeometry

    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if data.get("type") == "FeatureCollection":
        data = data["features"][0]["geometry"]
    elif data.get("type") == "Feature":
        data = data["geometry"]
    geom = GEOSGeometry(json.dumps(data))
    geom.srid = 4326
    return geom


def _prepared_boundary(path: str) -> Any:
    """The boundary prepared for fast repeated tests (thousands of rows in one import)."""
    return _prepare(path, Path(path).stat().st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _prepare(path: str, mtime_ns: int) -> Any:
    return _parse_boundary(path, mtime_ns).prepared


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
