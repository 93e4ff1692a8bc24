"""Camera density per road kilometre and coverage of the city's parking areas.

Road lengths come from the map's road network layer when gis has one (geodesic length of the
roads inside each district's boundary), otherwise from the lengths staff enter per district.
gis is optional here: its models are read through `_gis_features` only, which falls back.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.gis.geos import MultiPolygon
from django.db.models import Count, Q

from gis import geodesy

from ..models import Camera, District

LAYER = "layer"
ENTERED = "entered"


@dataclass(frozen=True)
class Density:
    name: str
    slug: str
    cameras: int
    road_km: float | None
    source: str  # LAYER or ENTERED

    @property
    def per_km(self) -> float | None:
        """Cameras per road kilometre, rounded to 3 decimals; None when the length is unknown."""
        if not self.road_km:
            return None
        return round(self.cameras / self.road_km, 3)


def _gis_features(**filters: Any) -> list[Any]:
    """Features of gis layers matching `filters` (on the layer), or [] when gis has none."""
    config = next((c for c in apps.get_app_configs() if c.name == "gis"), None)
    try:
        Feature = config.get_model("Feature") if config else None
    except LookupError:
        Feature = None
    if Feature is None:
        return []
    lookups = {f"layer__{key}": value for key, value in filters.items()}
    return list(Feature.objects.filter(**lookups).only("geometry", "properties"))


def road_network() -> list[Any]:
    """Line geometries of the road network layer (CCTV_ROAD_LAYER_KEY), if gis has it."""
    return [f.geometry for f in _gis_features(key=settings.CCTV_ROAD_LAYER_KEY)]


def density_by_district() -> list[Density]:
    """Cameras in service per road km in each district."""
    roads = road_network()
    rows = []
    districts = District.objects.annotate(
        in_service=Count("cameras", filter=Q(cameras__status__in=Camera.IN_SERVICE))
    ).order_by("name")
    for district in districts:
        if roads and district.boundary is not None:
            inside = district.boundary.prepared  # one prepared polygon tested against every road
            metres = sum(
                geodesy.length_m(road.intersection(district.boundary))
                for road in roads
                if inside.intersects(road)
            )
            km, source = metres / 1000, LAYER
        else:
            km, source = (float(district.road_km) if district.road_km is not None else None), ENTERED
        rows.append(Density(district.name, district.slug, district.in_service, km, source))
    return rows


def city_density() -> Density:
    """Cameras in service per road km city-wide: the whole road layer, or the districts' entered
    lengths (counting only cameras in districts whose length is known, so the ratio is fair)."""
    roads = road_network()
    in_service = Camera.objects.in_service()
    if roads:
        km = sum(geodesy.length_m(road) for road in roads) / 1000
        return Density("city", "city", in_service.count(), km, LAYER)
    known = District.objects.exclude(road_km__isnull=True)
    total = sum((d.road_km for d in known), Decimal(0))
    cameras = in_service.filter(district__in=known).count()
    return Density("city", "city", cameras, float(total) if known else None, ENTERED)


@dataclass(frozen=True)
class Coverage:
    areas: int
    covered_areas: int
    spaces: int
    covered_spaces: int

    @property
    def percent(self) -> float | None:
        """% of parking spaces inside some camera's field of view; None without parking data."""
        if not self.spaces:
            return None
        return round(100 * self.covered_spaces / self.spaces, 1)


def parking_coverage() -> Coverage:
    """Parking areas of the map (gis layers of kind "parking") seen by a camera in service."""
    areas = _gis_features(kind="parking")
    sectors = [camera.field_of_view for camera in Camera.objects.in_service()]
    seen = MultiPolygon(sectors, srid=4326).unary_union if sectors else None
    covered_areas = spaces = covered_spaces = 0
    for area in areas:
        try:
            n = max(1, int((area.properties or {}).get("spaces") or 1))
        except (TypeError, ValueError):
            n = 1
        spaces += n
        if seen is not None and seen.intersects(area.geometry):
            covered_areas += 1
            covered_spaces += n
    return Coverage(len(areas), covered_areas, spaces, covered_spaces)
