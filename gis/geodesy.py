"""Geodesic calculations on the WGS84 ellipsoid (Vincenty's formulae), with no projection.

"Nearest" answers are in true metres without PROJ's Python bindings; cameras' fields of view
are drawn as sectors whose arc lies at the true range from the camera, and road lengths are
measured along the ellipsoid, so densities do not depend on a local CRS.
"""

from __future__ import annotations

import math

from django.contrib.gis.geos import GEOSGeometry, LineString, MultiLineString, Polygon

A = 6378137.0  # WGS84 semi-major axis (m)
F = 1 / 298.257223563  # WGS84 flattening
B = A * (1 - F)


def _series(cos2_alpha: float) -> tuple[float, float]:
    """Vincenty's A and B series coefficients for a geodesic with this cos²(azimuth at equator)."""
    u2 = cos2_alpha * (A**2 - B**2) / B**2
    big_a = 1 + u2 / 16384 * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)))
    big_b = u2 / 1024 * (256 + u2 * (-128 + u2 * (74 - 47 * u2)))
    return big_a, big_b


def _delta_sigma(big_b: float, sin_sigma: float, cos_sigma: float, cos_2sm: float) -> float:
    """Vincenty's Δσ, shared by the inverse and the direct formula."""
    return (
        big_b
        * sin_sigma
        * (
            cos_2sm
            + big_b
            / 4
            * (
                cos_sigma * (-1 + 2 * cos_2sm**2)
                - big_b / 6 * cos_2sm * (-3 + 4 * sin_sigma**2) * (-3 + 4 * cos_2sm**2)
            )
        )
    )


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Geodesic distance in metres between two WGS84 points (Vincenty inverse)."""
    if (lat1, lon1) == (lat2, lon2):
        return 0.0
    L = math.radians(lon2 - lon1)
    U1 = math.atan((1 - F) * math.tan(math.radians(lat1)))
    U2 = math.atan((1 - F) * math.tan(math.radians(lat2)))
    sinU1, cosU1, sinU2, cosU2 = math.sin(U1), math.cos(U1), math.sin(U2), math.cos(U2)
    lam = L
    for _ in range(200):
        sin_lam, cos_lam = math.sin(lam), math.cos(lam)
        sin_sigma = math.hypot(cosU2 * sin_lam, cosU1 * sinU2 - sinU1 * cosU2 * cos_lam)
        if sin_sigma == 0:
            return 0.0
        cos_sigma = sinU1 * sinU2 + cosU1 * cosU2 * cos_lam
        sigma = math.atan2(sin_sigma, cos_sigma)
        sin_alpha = cosU1 * cosU2 * sin_lam / sin_sigma
        cos2_alpha = 1 - sin_alpha**2
        cos_2sm = cos_sigma - 2 * sinU1 * sinU2 / cos2_alpha if cos2_alpha else 0.0
        C = F / 16 * cos2_alpha * (4 + F * (4 - 3 * cos2_alpha))
        previous = lam
        lam = L + (1 - C) * F * sin_alpha * (
            sigma + C * sin_sigma * (cos_2sm + C * cos_sigma * (-1 + 2 * cos_2sm**2))
        )
        if abs(lam - previous) < 1e-12:
            break
    big_a, big_b = _series(cos2_alpha)
    return B * big_a * (sigma - _delta_sigma(big_b, sin_sigma, cos_sigma, cos_2sm))


def destination(lat: float, lon: float, bearing_deg: float, distance: float) -> tuple[float, float]:
    """The (lat, lon) reached going `distance` metres from a point on a bearing (Vincenty direct)."""
    alpha1 = math.radians(bearing_deg)
    sin_a1, cos_a1 = math.sin(alpha1), math.cos(alpha1)
    tanU1 = (1 - F) * math.tan(math.radians(lat))
    cosU1 = 1 / math.sqrt(1 + tanU1**2)
    sinU1 = tanU1 * cosU1
    sigma1 = math.atan2(tanU1, cos_a1)
    sin_alpha = cosU1 * sin_a1
    cos2_alpha = 1 - sin_alpha**2
    big_a, big_b = _series(cos2_alpha)
    sigma = distance / (B * big_a)
    for _ in range(200):
        cos_2sm = math.cos(2 * sigma1 + sigma)
        sin_sigma, cos_sigma = math.sin(sigma), math.cos(sigma)
        previous = sigma
        sigma = distance / (B * big_a) + _delta_sigma(big_b, sin_sigma, cos_sigma, cos_2sm)
        if abs(sigma - previous) < 1e-12:
            break
    sin_sigma, cos_sigma = math.sin(sigma), math.cos(sigma)
    cos_2sm = math.cos(2 * sigma1 + sigma)
    x = sinU1 * sin_sigma - cosU1 * cos_sigma * cos_a1
    lat2 = math.atan2(sinU1 * cos_sigma + cosU1 * sin_sigma * cos_a1, (1 - F) * math.hypot(sin_alpha, x))
    lam = math.atan2(sin_sigma * sin_a1, cosU1 * cos_sigma - sinU1 * sin_sigma * cos_a1)
    C = F / 16 * cos2_alpha * (4 + F * (4 - 3 * cos2_alpha))
    L = lam - (1 - C) * F * sin_alpha * (
        sigma + C * sin_sigma * (cos_2sm + C * cos_sigma * (-1 + 2 * cos_2sm**2))
    )
    return math.degrees(lat2), lon + math.degrees(L)


def sector(
    lat: float, lon: float, *, direction: float, fov: float, range_m: float, step_deg: float = 5
) -> Polygon:
    """The area a camera sees: a circular sector (a full disc for fov >= 360) in WGS84."""
    if fov >= 360:
        bearings = [i * step_deg for i in range(int(360 / step_deg))]
        ring = [destination(lat, lon, b, range_m) for b in bearings]
    else:
        steps = max(2, math.ceil(fov / step_deg))
        start = direction - fov / 2
        arc = [destination(lat, lon, start + fov * i / steps, range_m) for i in range(steps + 1)]
        ring = [(lat, lon), *arc]
    coords = [(x, y) for y, x in ring]
    coords.append(coords[0])
    return Polygon(coords, srid=4326)


def length_m(geometry: GEOSGeometry) -> float:
    """Geodesic length in metres of a (multi)line in WGS84; other geometries measure 0."""
    if isinstance(geometry, LineString):
        pts = list(geometry.coords)
        pairs = zip(pts, pts[1:], strict=False)
        return sum(distance_m(y1, x1, y2, x2) for (x1, y1, *_), (x2, y2, *_) in pairs)
    if isinstance(geometry, MultiLineString) or geometry.geom_type == "GeometryCollection":
        return sum(length_m(part) for part in geometry)
    return 0.0
