"""Cameras per road km (entered lengths and a gis road layer, geodesic) and parking coverage."""

import math

import pytest
from django.contrib.gis.geos import LineString, MultiPolygon, Point, Polygon

from cctv.kpis import KPIS
from cctv.models import Camera
from cctv.selectors.density import city_density, density_by_district, parking_coverage
from gis import geodesy
from tests.factories import CameraFactory, FeatureFactory, LayerFactory

WGS84_A, WGS84_F = 6378137.0, 1 / 298.257223563


def meridian_arc_m(lat1: float, lat2: float) -> float:
    """Hand formula for a short north–south line: meridian radius of curvature × Δφ."""
    e2 = WGS84_F * (2 - WGS84_F)
    phi = math.radians((lat1 + lat2) / 2)
    m = WGS84_A * (1 - e2) / (1 - e2 * math.sin(phi) ** 2) ** 1.5
    return m * math.radians(abs(lat2 - lat1))


def test_geodesy_matches_vincentys_published_example_and_the_meridian_arc():
    # Flinders Peak to Buninyong (Vincenty 1975): 54 972.271 m
    d = geodesy.distance_m(-37.95103341666667, 144.42486788888888, -37.65282113888889, 143.92649552777777)
    assert d == pytest.approx(54972.271, abs=0.001)
    line = LineString((21.30, 46.18), (21.30, 46.19), srid=4326)
    assert geodesy.length_m(line) == pytest.approx(meridian_arc_m(46.18, 46.19), abs=0.01)
    lat, lon = geodesy.destination(46.1866, 21.3123, 90, 100)
    assert geodesy.distance_m(46.1866, 21.3123, lat, lon) == pytest.approx(100, abs=1e-6)


@pytest.mark.django_db
def test_density_from_entered_road_lengths(districts):
    for i in range(8):
        CameraFactory(district=districts["centru"], code=f"C{i}")
    CameraFactory(district=districts["centru"], code="C-faulty", status=Camera.Status.FAULTY)
    CameraFactory(district=districts["centru"], code="C-installed", status=Camera.Status.INSTALLED)
    CameraFactory(district=districts["centru"], code="C-planned", status=Camera.Status.PLANNED)
    CameraFactory(district=districts["centru"], code="C-gone", status=Camera.Status.DECOMMISSIONED)
    for i in range(3):
        CameraFactory(district=districts["gai"], code=f"G{i}")
    for i in range(4):
        CameraFactory(district=districts["bujac"], code=f"B{i}")  # no road length: left out of the city ratio

    rows = {r.slug: r for r in density_by_district()}
    assert (rows["centru"].cameras, rows["centru"].per_km) == (10, 0.25)  # 10 / 40
    assert rows["gai"].per_km == 0.118  # 3 / 25.5 = 0.1176
    assert rows["bujac"].per_km is None
    city = city_density()
    assert (city.cameras, city.road_km, city.per_km) == (13, 65.5, 0.198)  # 13 / 65.5 = 0.19847
    kpis = {k.key: k for k in KPIS}
    assert kpis["cctv.density_per_road_km"].compute() == 0.198
    assert kpis["cctv.cameras"].compute() == 17


@pytest.mark.django_db
def test_density_from_the_gis_road_layer_is_geodesic_and_clipped_to_districts(districts):
    layer = LayerFactory(key="road-network", geometry_type="LineString")
    centru = districts["centru"]
    centru.boundary = MultiPolygon(Polygon.from_bbox((21.29, 46.175, 21.31, 46.185)), srid=4326)
    centru.save()
    FeatureFactory(
        layer=layer, name="North–south", geometry=LineString((21.30, 46.17), (21.30, 46.19), srid=4326)
    )
    for i in range(5):
        CameraFactory(district=centru, code=f"C{i}")

    inside_km = meridian_arc_m(46.175, 46.185) / 1000  # the half inside Centru ≈ 1.1116 km
    row = {r.slug: r for r in density_by_district()}["centru"]
    assert row.source == "layer"
    assert row.road_km == pytest.approx(inside_km, abs=1e-5)
    assert row.per_km == round(5 / inside_km, 3)
    city = city_density()
    assert city.road_km == pytest.approx(meridian_arc_m(46.17, 46.19) / 1000, abs=1e-5)
    assert city.per_km == round(5 / city.road_km, 3)


@pytest.mark.django_db
def test_parking_coverage_counts_spaces_inside_a_field_of_view(districts):
    layer = LayerFactory(key="parking-test", kind="parking", geometry_type="Point")
    camera = CameraFactory(district=districts["centru"], code="P1", direction_deg=0, fov_deg=90, range_m=100)
    lat, lon = camera.location.y, camera.location.x
    north = geodesy.destination(lat, lon, 0, 50)
    south = geodesy.destination(lat, lon, 180, 50)
    FeatureFactory(
        layer=layer, name="North", geometry=Point(north[1], north[0], srid=4326), properties={"spaces": 30}
    )
    FeatureFactory(
        layer=layer, name="South", geometry=Point(south[1], south[0], srid=4326), properties={"spaces": 10}
    )

    coverage = parking_coverage()
    assert (coverage.areas, coverage.covered_areas, coverage.spaces, coverage.covered_spaces) == (
        2,
        1,
        40,
        30,
    )
    assert coverage.percent == 75.0
