"""District boundaries imported from GeoJSON, GeoPackage and zipped Shapefile through the map's
importer, or drawn in the admin; density per district then comes from the road layer clipped to
each boundary, in the KPI breakdown and on the public register."""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.gis.geos import LineString
from django.core.files.uploadedfile import SimpleUploadedFile

from cctv.kpis import KPIS
from cctv.models import District
from cctv.selectors.density import LAYER, density_by_district
from cctv.services.districts import DistrictFileError, import_districts
from portal.core.city import get_city
from tests.factories import CameraFactory, DistrictFactory, FeatureFactory, LayerFactory, UserFactory

from .test_density import meridian_arc_m

IMPORT_URL = "/admin/cctv/districts/import/"


def _ring(west: float, south: float, east: float, north: float) -> list[list[float]]:
    return [[west, south], [east, south], [east, north], [west, north], [west, south]]


@pytest.fixture
def plan(db):
    """Two districts side by side around the city's centre and two north–south roads, one in
    each; returns the features (GeoJSON) and the expected road km inside each district."""
    lat, lon = get_city().center
    west = {"nume": "Vest", "ring": _ring(lon - 0.01, lat - 0.01, lon, lat + 0.01)}
    east = {"nume": "Est", "ring": _ring(lon, lat - 0.01, lon + 0.01, lat + 0.01)}
    layer = LayerFactory(key=settings.CCTV_ROAD_LAYER_KEY, title="Roads", geometry_type="LineString")
    # one road runs through Vest beyond both edges, the other starts inside Est
    FeatureFactory(
        layer=layer, geometry=LineString((lon - 0.005, lat - 0.02), (lon - 0.005, lat + 0.02), srid=4326)
    )
    FeatureFactory(
        layer=layer, geometry=LineString((lon + 0.005, lat - 0.005), (lon + 0.005, lat + 0.02), srid=4326)
    )
    features = [
        {
            "type": "Feature",
            "properties": {"nume": d["nume"], "cod": d["nume"].upper()},
            "geometry": {"type": "Polygon", "coordinates": [d["ring"]]},
        }
        for d in (west, east)
    ]
    expected_km = {
        "Vest": meridian_arc_m(lat - 0.01, lat + 0.01) / 1000,
        "Est": meridian_arc_m(lat - 0.005, lat + 0.01) / 1000,
    }
    return features, expected_km


def _geojson(features: list[dict]) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


def _ogr(tmp_path: Path, features: list[dict], *, driver: str, name: str, srid: int = 4326) -> Path:
    """`features` written by ogr2ogr in `driver`'s format (reprojected to EPSG:`srid`)."""
    source = tmp_path / "source.geojson"
    source.write_bytes(_geojson(features))
    target = tmp_path / name
    subprocess.run(
        ["ogr2ogr", "-f", driver, "-t_srs", f"EPSG:{srid}", "-nln", "districts", str(target), str(source)],
        check=True,
        capture_output=True,
    )
    return target


def _cameras(*, vest: int, est: int) -> None:
    for i in range(vest):
        CameraFactory(district=District.objects.get(name="Vest"), code=f"V{i}")
    for i in range(est):
        CameraFactory(district=District.objects.get(name="Est"), code=f"E{i}")


def _assert_density(expected_km: dict[str, float], *, vest: int, est: int, abs_km: float = 1e-6) -> None:
    rows = {r.name: r for r in density_by_district()}
    for name, cameras in (("Vest", vest), ("Est", est)):
        assert rows[name].source == LAYER
        assert rows[name].road_km == pytest.approx(expected_km[name], abs=abs_km)
        assert rows[name].per_km == pytest.approx(cameras / expected_km[name], abs=2e-3)
    breakdown = dict(next(k for k in KPIS if k.key == "cctv.density_per_road_km").breakdown())
    assert breakdown["Vest"] == rows["Vest"].per_km and breakdown["Est"] == rows["Est"].per_km


def test_geojson_import_guesses_the_name_field_and_density_follows_the_roads(plan, operator_client):
    features, expected_km = plan
    upload = SimpleUploadedFile("districts.geojson", _geojson(features), content_type="application/geo+json")

    response = operator_client.post(IMPORT_URL, {"file": upload})

    assert response.status_code == 200, response.content.decode()[:2000]
    assert "nume" in response.content.decode()  # the guessed field is named in the report
    assert set(District.objects.values_list("name", flat=True)) == {"Vest", "Est"}
    _cameras(vest=6, est=2)
    _assert_density(expected_km, vest=6, est=2)
    page = operator_client.get("/en/cameras/").content.decode()
    vest = next(r for r in density_by_district() if r.name == "Vest")
    assert 'id="density-vest"' in page and f"{vest.per_km:.3f}" in page


def test_geopackage_import_with_a_chosen_name_field_updates_existing_districts(plan, tmp_path):
    features, expected_km = plan
    for f in features:
        f["properties"]["district_label"] = f["properties"].pop("nume")
    DistrictFactory(name="Vest", slug="vest", road_km=12)
    gpkg = _ogr(tmp_path, features, driver="GPKG", name="districts.gpkg")

    with pytest.raises(DistrictFileError, match="district_label|nume"):
        import_districts(upload=gpkg)  # no field with a name it knows
    report = import_districts(upload=gpkg, name_field="district_label")

    assert (report.created, report.updated, report.errors) == (["Est"], ["Vest"], [])
    assert District.objects.get(name="Vest").road_km == 12  # kept for when the road layer goes
    _cameras(vest=3, est=5)
    _assert_density(expected_km, vest=3, est=5)


def test_zipped_shapefile_in_stereo70_is_reprojected(plan, tmp_path):
    features, expected_km = plan
    shp_dir = tmp_path / "shp"
    shp_dir.mkdir()
    _ogr(shp_dir, features, driver="ESRI Shapefile", name="districts.shp", srid=3844)
    archive = tmp_path / "districts.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for part in shp_dir.glob("districts.*"):
            zf.write(part, part.name)

    report = import_districts(upload=archive)

    assert report.saved and sorted(report.created) == ["Est", "Vest"]
    _cameras(vest=4, est=4)
    # the round trip through Stereo 70 moves the edges by millimetres, not more
    _assert_density(expected_km, vest=4, est=4, abs_km=1e-3)


def test_bad_rows_are_reported_one_by_one_and_nothing_is_saved(plan, operator_client):
    features, _ = plan
    lat, lon = get_city().center
    features.append(
        {
            "type": "Feature",
            "properties": {"nume": "Drum"},
            "geometry": {"type": "LineString", "coordinates": [[lon, lat], [lon + 0.01, lat]]},
        }
    )
    features.append({"type": "Feature", "properties": {"nume": ""}, "geometry": features[0]["geometry"]})
    features.append(
        {
            "type": "Feature",
            "properties": {"nume": "Departe"},
            "geometry": {"type": "Polygon", "coordinates": [_ring(2.0, 48.0, 2.1, 48.1)]},
        }
    )
    upload = SimpleUploadedFile("districts.geojson", _geojson(features))

    response = operator_client.post(IMPORT_URL, {"file": upload})

    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="import-problems"' in html
    assert "LineString" in html and "nume" in html and "Departe" in html
    assert html.count("<tr><td>") == 3  # rows 3, 4 and 5
    assert not District.objects.exists()


@pytest.mark.parametrize(
    "name,data",
    [
        ("d.gpkg", b"not a geopackage"),
        ("d.zip", b"PK not a zip"),
        ("d.txt", b"x"),
        ("d.geojson", b'{"type": "FeatureCollection", "features": []}'),
    ],
)
def test_unreadable_files_answer_400_with_the_reason(db, operator_client, name, data):
    response = operator_client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, data)})

    assert response.status_code == 400
    assert 'id="import-error"' in response.content.decode()
    assert "/tmp" not in response.content.decode()
    assert not District.objects.exists()


def test_a_district_drawn_in_the_admin_gets_density_from_the_roads(plan, operator_client):
    features, expected_km = plan
    drawn = json.dumps({"type": "MultiPolygon", "coordinates": [features[0]["geometry"]["coordinates"]]})

    response = operator_client.post(
        "/admin/snippets/cctv/district/add/",
        {"name": "Vest", "slug": "vest", "road_km": "", "boundary": drawn},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    vest = District.objects.get(slug="vest")
    form = operator_client.get(f"/admin/snippets/cctv/district/edit/{vest.pk}/").content.decode()
    assert "leaflet" in form.lower() and "cdn" not in form.lower()
    east = DistrictFactory(name="Est", slug="est", road_km=None)
    ring = ", ".join(f"{x} {y}" for x, y in features[1]["geometry"]["coordinates"][0])
    wkt = f"SRID=4326;MULTIPOLYGON((({ring})))"
    response = operator_client.post(
        f"/admin/snippets/cctv/district/edit/{east.pk}/",
        {"name": "Est", "slug": "est", "road_km": "", "boundary": wkt},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    listing = operator_client.get("/admin/snippets/cctv/district/")
    assert listing.status_code == 200 and "Est" in listing.content.decode()
    _cameras(vest=2, est=1)
    _assert_density(expected_km, vest=2, est=1)


def test_gis_editors_may_import_districts(plan, client, django_user_model):
    user = UserFactory(username="gis-editor", groups=["GIS editors"])
    client.force_login(user)
    features, _ = plan

    response = client.post(IMPORT_URL, {"file": SimpleUploadedFile("d.geojson", _geojson(features))})

    assert response.status_code == 200
    assert District.objects.count() == 2


def test_kml_with_heights_is_stored_flat(plan, tmp_path):
    features, expected_km = plan
    for f in features:
        f["geometry"]["coordinates"] = [[[x, y, 110.0] for x, y in f["geometry"]["coordinates"][0]]]
        f["properties"] = {"Name": f["properties"]["nume"]}  # KML's <name>
    kml = _ogr(tmp_path, features, driver="KML", name="districts.kml")

    report = import_districts(upload=kml)

    assert report.saved and not report.errors
    assert not District.objects.get(name="Vest").boundary.hasz
    _cameras(vest=1, est=1)
    _assert_density(expected_km, vest=1, est=1)
