"""Bulk import: 500 cameras from CSV, bad rows reported, all or nothing, idempotent by code."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from cctv.models import Camera, StatusChange
from cctv.services.importer import ImportFileError, import_cameras
from tests.factories import make_csv, row


@pytest.mark.django_db
def test_500_cameras_import_and_reimport_is_idempotent(districts):
    data = make_csv([row(i) for i in range(1, 501)])

    report = import_cameras(data=data, filename="cameras.csv")

    assert report.ok and report.saved
    assert (report.total, report.created, report.updated, report.unchanged) == (500, 500, 0, 0)
    assert Camera.objects.count() == 500
    assert StatusChange.objects.count() == 500
    camera = Camera.objects.get(code="AR-CAM-0002")
    assert camera.camera_type == "360" and camera.district.slug == "gai"
    assert (camera.latitude, camera.longitude) == (46.1712, 21.29)

    again = import_cameras(data=data, filename="cameras.csv")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 500)

    changed = make_csv([row(1, name="Bulevardul Revoluției 1", status="faulty")])
    third = import_cameras(data=changed, filename="cameras.csv")
    assert (third.created, third.updated) == (0, 1)
    assert Camera.objects.get(code="AR-CAM-0001").name == "Bulevardul Revoluției 1"
    assert Camera.objects.count() == 500


@pytest.mark.django_db
def test_bad_rows_are_reported_and_nothing_is_saved(districts):
    rows = [row(i) for i in range(1, 501)]
    rows[9] = row(10, lat="not-a-number")  # row 10: bad coordinates
    rows[19] = row(20, lat="46.18", lon="25.60")  # row 20: outside the city
    rows[29] = row(30, camera_type="laser")  # row 30: unknown type
    rows[39] = row(5)  # row 40: duplicate code of row 5
    rows[49] = row(50, district="Atlantis")  # row 50: unknown district
    rows[59] = row(60, retention_days="")  # row 60: required

    report = import_cameras(data=make_csv(rows), filename="cameras.csv")

    assert not report.saved
    found = {(e.row, e.field) for e in report.errors}
    assert found == {
        (10, "location"),
        (20, "location"),
        (30, "camera_type"),
        (40, "code"),
        (50, "district"),
        (60, "retention_days"),
    }
    messages = {e.row: e.message for e in report.errors}
    assert "duplicate of row 5" in messages[40]
    assert "unknown type 'laser'" in messages[30]
    assert "outside the city area" in messages[20]
    assert Camera.objects.count() == 0 and StatusChange.objects.count() == 0


@pytest.mark.django_db
def test_a_bad_row_in_an_update_leaves_existing_cameras_untouched(districts):
    import_cameras(data=make_csv([row(1), row(2)]), filename="c.csv")
    report = import_cameras(data=make_csv([row(1, name="Changed"), row(2, fov_deg="999")]), filename="c.csv")

    assert [(e.row, e.field) for e in report.errors] == [(2, "fov_deg")]
    assert Camera.objects.get(code="AR-CAM-0001").name == "Strada Test 1"


@pytest.mark.django_db
def test_geojson_import_and_command(districts, tmp_path):
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [21.3123, 46.1866]},
            "properties": {k: v for k, v in row(1).items() if k not in ("lat", "lon")},
        },
        {
            "type": "Feature",
            "geometry": None,
            "properties": {k: v for k, v in row(2).items() if k not in ("lat", "lon")},
        },
    ]
    path = tmp_path / "cameras.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))

    with pytest.raises(CommandError, match="1 error"):
        call_command("import_cameras", str(path))
    assert not Camera.objects.exists()

    path.write_text(json.dumps({"type": "FeatureCollection", "features": features[:1]}))
    call_command("import_cameras", str(path))
    assert Camera.objects.get().longitude == 21.3123


@pytest.mark.django_db
def test_a_json_array_of_rows_imports_like_a_csv(districts):
    rows = [{**row(1), "lat": 46.1866, "lon": 21.3123, "retention_days": 30}, row(2)]

    report = import_cameras(data=json.dumps(rows).encode(), filename="cameras.json")

    assert report.ok and report.created == 2
    assert Camera.objects.get(code="AR-CAM-0001").longitude == 21.3123


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body, expected",
    [
        ('["AR-CAM-0001", "AR-CAM-0002"]', "one object per camera"),
        ("[[1, 2]]", "one object per camera"),
        ("42", "FeatureCollection or an array"),
        ('{"type": "Feature"}', "FeatureCollection or an array"),
        ("[" * 100_000, "Not valid JSON"),
    ],
)
def test_json_that_is_not_rows_is_refused_clearly(districts, body, expected):
    with translation.override("en"), pytest.raises(ImportFileError, match=expected):
        import_cameras(data=body.encode(), filename="cameras.json")


@pytest.mark.django_db
def test_geojson_with_odd_features_reports_rows_instead_of_crashing(districts):
    doc = {"type": "FeatureCollection", "features": ["x", {"properties": [1], "geometry": "y"}]}

    report = import_cameras(data=json.dumps(doc).encode(), filename="c.geojson")

    assert report.total == 2 and not report.saved
    assert {e.field for e in report.errors} >= {"code", "location"}


@pytest.mark.django_db
def test_the_admin_import_answers_a_json_array_of_strings_with_a_message(districts, operator_client):
    upload = SimpleUploadedFile("cameras.json", b'["AR-CAM-0001"]', content_type="application/json")

    response = operator_client.post("/admin/cctv/import/", {"file": upload})

    assert response.status_code == 200
    assert "câte un obiect pentru fiecare cameră" in response.content.decode()  # translated
    assert not Camera.objects.exists()


@pytest.mark.django_db
def test_the_admin_import_refuses_a_file_over_the_limit_unread(districts, operator_client, settings):
    data = make_csv([row(i) for i in range(1, 40)])
    settings.CCTV_IMPORT_MAX_BYTES = len(data) - 1

    response = operator_client.post("/admin/cctv/import/", {"file": SimpleUploadedFile("c.csv", data)})

    assert response.status_code == 200
    assert "Fișierul este prea mare" in response.content.decode()  # translated
    assert not Camera.objects.exists()

    settings.CCTV_IMPORT_MAX_BYTES = len(data)
    response = operator_client.post("/admin/cctv/import/", {"file": SimpleUploadedFile("c.csv", data)})
    assert Camera.objects.count() == 39
