"""Imports through GDAL: reprojection from Stereo 70, repair or rejection of invalid rows with a
report, idempotent upsert by external id, and the other formats (Shapefile zip, KML, CSV)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from django.contrib.gis.gdal import CoordTransform, OGRGeometry, SpatialReference

from gis.geodesy import distance_m
from gis.models import Feature, ImportJob, Layer
from gis.services.importer import import_dir, run_import, start_import
from portal.core.storage import private_storage
from tests.factories import ImportJobFactory, LayerFactory, UserFactory

from .conftest import parcel_rows, to_stereo70, write_vector


@pytest.fixture
def layer(db) -> Layer:
    return LayerFactory(key="parcels", title="Parcele", geometry_type="Polygon", kind="cadastre")


def wgs84_of(east: float, north: float) -> tuple[float, float]:
    point = OGRGeometry(f"POINT ({east} {north})", srs=SpatialReference(3844))
    point.transform(CoordTransform(SpatialReference(3844), SpatialReference(4326)))
    return point.y, point.x


def test_stereo70_geopackage_lands_at_the_right_place_and_reimport_is_idempotent(
    layer, stereo70_gpkg, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        job = start_import(layer=layer, upload=stereo70_gpkg, id_field="nr_cad")
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE, job.error
    assert (job.total, job.created, job.updated, job.rejected) == (6, 6, 0, 0)
    for row in parcel_rows():
        feature = Feature.objects.get(layer=layer, external_id=row["nr_cad"])
        centroid = feature.geometry.centroid
        lat, lon = wgs84_of(*row["centre"])
        assert distance_m(centroid.y, centroid.x, lat, lon) < 1.0
        assert feature.name == row["name"] and feature.properties["suprafata"] == 1600
    # The first parcel's corner is the city centre itself, within a metre.
    first = Feature.objects.get(layer=layer, external_id="300001").geometry
    assert min(distance_m(46.1866, 21.3123, y, x) for x, y in first.coords[0]) < 1.0

    with django_capture_on_commit_callbacks(execute=True):
        again = start_import(layer=layer, upload=stereo70_gpkg, id_field="nr_cad")
    again.refresh_from_db()
    assert (again.created, again.updated) == (0, 6)
    assert Feature.objects.filter(layer=layer).count() == 6
    layer.refresh_from_db()
    assert layer.source == Layer.Source.IMPORTED


def test_invalid_rows_are_repaired_or_rejected_with_a_report(layer, tmp_path):
    east, north = to_stereo70(46.1866, 21.3123)
    bowtie = [[east, north], [east + 40, north + 40], [east + 40, north], [east, north + 40], [east, north]]
    extra = [
        {
            "type": "Feature",
            "properties": {"nr_cad": "BOW", "name": "Bowtie"},
            "geometry": {"type": "Polygon", "coordinates": [bowtie]},
        },
        {"type": "Feature", "properties": {"nr_cad": "NOGEOM", "name": "Fără geometrie"}, "geometry": None},
    ]
    path = write_vector(tmp_path, parcel_rows(2), driver="GPKG", suffix=".gpkg", extra=extra)
    job = ImportJobFactory(layer=layer, path=path, id_field="nr_cad")
    job = run_import(job=job)
    assert (job.created, job.repaired, job.rejected) == (3, 1, 1)
    outcomes = {r["external_id"]: r for r in job.report}
    assert outcomes["BOW"]["status"] == "repaired"
    assert "Self-intersection" in outcomes["BOW"]["message"]
    assert outcomes["NOGEOM"]["status"] == "rejected" and outcomes["NOGEOM"]["row"] == 4
    repaired = Feature.objects.get(external_id="BOW").geometry
    assert repaired.valid and repaired.geom_type == "MultiPolygon"


def test_wrong_source_crs_is_rejected_row_by_row(layer, stereo70_gpkg):
    job = ImportJobFactory(layer=layer, path=stereo70_gpkg, source_srid=4326)
    job = run_import(job=job)
    assert job.rejected == 6 and job.created == 0
    assert "WGS84" in job.report[0]["message"]


def test_zipped_shapefile_kml_and_csv(layer, tmp_path: Path):
    shp_dir = tmp_path / "shp"
    shp_dir.mkdir()
    write_vector(shp_dir, parcel_rows(3), driver="ESRI Shapefile", suffix=".shp")
    archive = tmp_path / "parcels.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for part in shp_dir.glob("parcels.*"):
            zf.write(part, part.name)
    kml_dir = tmp_path / "kml"
    kml_dir.mkdir()
    kml = write_vector(kml_dir, parcel_rows(2), driver="KML", suffix=".kml")
    csv_path = tmp_path / "wifi.csv"
    csv_path.write_text(
        "id;name;lat;lon\nw1;Piața Avram Iancu;46.1697;21.3183\n"
        "w2;Parcul Eminescu;46,1748;21,3227\nw3;Greșit;abc;21.3\n",
        encoding="utf-8",
    )

    shp_job = run_import(job=ImportJobFactory(layer=layer, path=archive, id_field="nr_cad"))
    assert shp_job.created == 3, shp_job.error
    kml_job = run_import(job=ImportJobFactory(layer=layer, path=kml, name_field="Name"))
    # the same cadastral numbers (id field guessed): the KML updates the Shapefile's parcels
    assert (kml_job.created, kml_job.updated) == (0, 2), kml_job.error
    assert Feature.objects.filter(layer=layer).count() == 3
    csv_job = run_import(job=ImportJobFactory(layer=layer, path=csv_path, id_field="id"))
    assert (csv_job.created, csv_job.rejected) == (2, 1), csv_job.report
    point = Feature.objects.get(external_id="w2").geometry
    assert (round(point.y, 4), round(point.x, 4)) == (46.1748, 21.3227)


def test_replace_retires_features_missing_from_the_file(layer, tmp_path):
    first = write_vector(tmp_path, parcel_rows(4), driver="GPKG", suffix=".gpkg")
    run_import(job=ImportJobFactory(layer=layer, path=first, id_field="nr_cad"))
    (tmp_path / "two").mkdir()
    second = write_vector(tmp_path / "two", parcel_rows(2), driver="GPKG", suffix=".gpkg")
    run_import(
        job=ImportJobFactory(layer=layer, path=second, id_field="nr_cad"),
        replace=True,
    )
    assert sorted(Feature.objects.values_list("external_id", flat=True)) == ["300001", "300002"]


def test_unreadable_file_fails_the_job_clearly(layer, tmp_path):
    bad = tmp_path / "bad.gpkg"
    bad.write_text("not a geopackage")
    job = run_import(job=ImportJobFactory(layer=layer, path=bad))
    assert job.status == ImportJob.Status.FAILED and "GDAL" in job.error


def _uploaded_folders() -> set[Path]:
    return set(import_dir().glob("*")) if import_dir().exists() else set()


def test_an_upload_is_deleted_after_a_finished_import(
    layer, stereo70_gpkg, django_capture_on_commit_callbacks
):
    before = _uploaded_folders()
    with django_capture_on_commit_callbacks(execute=True):
        job = start_import(layer=layer, upload=stereo70_gpkg, id_field="nr_cad")
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert job.path.startswith("gis-imports/")  # a name in the private storage
    assert not private_storage().exists(job.path) and _uploaded_folders() == before
    assert stereo70_gpkg.exists()  # the command's own input is the user's: left alone


@pytest.mark.parametrize(
    "name, content",
    [("bad.gpkg", b"not a geopackage"), ("bad.zip", b"PK not a zip"), ("bad.csv", b"lat;lon\n\xff\xfe;1\n")],
)
def test_a_failed_import_is_deleted_and_its_error_shows_no_server_path(
    layer, tmp_path, django_capture_on_commit_callbacks, name, content
):
    source = tmp_path / name
    source.write_bytes(content)
    before = _uploaded_folders()
    with django_capture_on_commit_callbacks(execute=True):
        job = start_import(layer=layer, upload=source)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED and job.error
    assert str(import_dir()) not in job.error and "gis-imports" not in job.error
    assert not private_storage().exists(job.path) and _uploaded_folders() == before


def test_an_unexpected_failure_fails_the_job_and_still_cleans_up(
    layer, stereo70_gpkg, django_capture_on_commit_callbacks, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("database went away at /secret/place")

    monkeypatch.setattr("gis.services.importer._save_chunk", broken)
    with django_capture_on_commit_callbacks(execute=True):
        job = start_import(layer=layer, upload=stereo70_gpkg)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED and "/secret" not in job.error
    assert not private_storage().exists(job.path)


def test_the_admin_refuses_an_upload_over_the_limit(client, layer, stereo70_gpkg, settings):

    editor = UserFactory(username="gis-editor", groups=["GIS editors"])
    client.force_login(editor)
    settings.GIS_IMPORT_MAX_BYTES = stereo70_gpkg.stat().st_size - 1
    before = _uploaded_folders()

    with stereo70_gpkg.open("rb") as upload:
        response = client.post("/admin/gis/import/", {"layer": layer.pk, "file": upload})

    assert response.status_code == 200
    assert "Fișierul este prea mare" in response.content.decode()  # translated
    assert not ImportJob.objects.exists() and _uploaded_folders() == before
