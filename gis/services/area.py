"""Why an imported geometry outside the city's area (City.touches, the test every importer
applies) probably got there: X and Y (or longitude and latitude) swapped, or Stereo 70 metres
read as degrees. Each hint is checked against the same area."""

from __future__ import annotations

from django.contrib.gis.gdal import CoordTransform, GDALException, OGRGeometry, SpatialReference
from django.utils.translation import gettext as _

from portal.core.city import City, get_city

STEREO70 = 3844


def _lands_in(x: float, y: float, srs: SpatialReference, city: City) -> bool:
    try:
        point = OGRGeometry(f"POINT ({x!r} {y!r})")
        point.transform(CoordTransform(srs, SpatialReference(4326)))
    except GDALException:
        return False
    return city.contains(point.x, point.y)


def likely_cause(geometry: OGRGeometry, source: SpatialReference) -> str:
    """What probably put `geometry` (in its `source` CRS) outside the city's area, as advice."""
    area = get_city()
    try:
        centre = geometry.centroid
        x, y = centre.x, centre.y
    except (GDALException, AttributeError, TypeError):
        return _("is the source CRS right?")
    if _lands_in(y, x, source, area):
        if source.geographic:
            return _("longitude and latitude look swapped.")
        return _("X and Y look swapped (in the Romanian convention X is the northing and Y the easting).")
    if source.srid != STEREO70:
        stereo70 = SpatialReference(STEREO70)
        if _lands_in(x, y, stereo70, area):
            return _("the coordinates look like Stereo 70 metres: give the source CRS EPSG:3844.")
        if _lands_in(y, x, stereo70, area):
            return _(
                "the coordinates look like Stereo 70 metres with X and Y swapped (X is the "
                "northing): give the source CRS EPSG:3844 and swap the columns."
            )
    return _("is the source CRS right?")
