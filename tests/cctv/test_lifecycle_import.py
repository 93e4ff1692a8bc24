"""An import changes a camera's status only along the lifecycle, like every other change: a step
the lifecycle forbids is a row error with its reason and the file is not saved."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone, translation

from cctv.models import Camera
from cctv.services.importer import import_cameras
from tests.factories import make_csv, row


def _imported(districts, status: str) -> Camera:
    report = import_cameras(data=make_csv([row(1, status=status)]), filename="c.csv")
    assert report.saved, report.errors
    return Camera.objects.get(code=row(1)["code"])


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("current", "wanted"),
    [("decommissioned", "operational"), ("planned", "faulty"), ("planned", "operational")],
)
def test_a_step_the_lifecycle_forbids_is_refused_with_its_reason(districts, current, wanted):
    camera = _imported(districts, current)
    history = list(camera.status_changes.values_list("from_status", "to_status"))

    data = make_csv([row(2), row(1, status=wanted, name="Renamed in the same row")])
    report = import_cameras(data=data, filename="c.csv")

    assert not report.saved
    assert [(e.row, e.code, e.field) for e in report.errors] == [(2, camera.code, "status")]
    message = report.errors[0].message
    assert str(Camera.Status(current).label) in message and str(Camera.Status(wanted).label) in message
    camera.refresh_from_db()
    assert camera.status == current and camera.name != "Renamed in the same row"
    assert list(camera.status_changes.values_list("from_status", "to_status")) == history
    assert not Camera.objects.filter(code=row(2)["code"]).exists()  # all or nothing


@pytest.mark.django_db
def test_an_allowed_step_is_recorded_with_its_date_and_the_other_fields(districts):
    camera = _imported(districts, "installed")
    assert camera.operational_on is None

    data = make_csv([row(1, status="operational", name="Piața Avram Iancu")])
    report = import_cameras(data=data, filename="c.csv")

    assert report.saved and (report.updated, report.unchanged) == (1, 0)
    camera.refresh_from_db()
    assert camera.status == "operational" and camera.name == "Piața Avram Iancu"
    step = camera.status_changes.order_by("id").last()
    assert (step.from_status, step.to_status) == ("installed", "operational")
    assert camera.operational_on == timezone.localdate(step.at)

    only_status = import_cameras(
        data=make_csv([row(1, status="faulty", name="Piața Avram Iancu")]), filename="c.csv"
    )
    assert only_status.saved and (only_status.updated, only_status.unchanged) == (1, 0)
    assert Camera.objects.get(pk=camera.pk).status == "faulty"


@pytest.mark.django_db
def test_the_command_reports_the_refused_step_and_saves_nothing(districts, tmp_path):
    camera = _imported(districts, "decommissioned")
    path = tmp_path / "cameras.csv"
    path.write_bytes(make_csv([row(1, status="operational")]))

    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing saved"), translation.override("en"):
        call_command("import_cameras", str(path), stderr=err)

    assert (
        f"({camera.code}): status: A camera cannot go from “decommissioned” to “operational”"
        in err.getvalue()
    )
    assert "it can only go to: nothing (this is final)" in err.getvalue()
    camera.refresh_from_db()
    assert camera.status == "decommissioned"


@pytest.mark.django_db
def test_the_admin_import_shows_the_reason_translated(districts, operator_client):
    camera = _imported(districts, "planned")
    upload = SimpleUploadedFile("c.csv", make_csv([row(1, status="faulty")]))

    response = operator_client.post("/admin/cctv/import/", {"file": upload})

    html = response.content.decode()
    assert response.status_code == 200
    assert "O cameră nu poate trece din starea „planificată” în „defectă”" in html
    assert "poate trece doar în: achiziționată, scoasă din uz" in html
    camera.refresh_from_db()
    assert camera.status == "planned"


def _edit_form_data(camera: Camera, **changes) -> dict[str, str]:
    """The admin edit form as the browser posts it, with the camera's current values."""
    data = {
        "location_0": str(camera.latitude),
        "location_1": str(camera.longitude),
        "district": str(camera.district_id),
    }
    for name in (
        *("code", "name", "road_segment", "mounting", "direction_deg", "fov_deg", "range_m"),
        *("camera_type", "purpose", "what_is_filmed", "operator", "owner", "legal_basis"),
        *("retention_days", "dpia_reference", "contact", "status", "procurement_reference"),
        *("funding_source", "stream_url", "vms_secret", "notes"),
    ):
        data[name] = str(getattr(camera, name))
    data.update(changes)
    return data


@pytest.mark.django_db
def test_the_admin_edit_form_follows_the_same_lifecycle(districts, operator_client):
    camera = _imported(districts, "decommissioned")
    url = f"/admin/snippets/cctv/camera/edit/{camera.pk}/"
    assert operator_client.get(url).status_code == 200

    refused = operator_client.post(url, _edit_form_data(camera, status="operational"))

    assert refused.status_code == 200
    assert "O cameră nu poate trece din starea „scoasă din uz” în „funcțională”" in refused.content.decode()
    camera.refresh_from_db()
    assert camera.status == "decommissioned"

    other = Camera.objects.get(pk=camera.pk)
    Camera.objects.filter(pk=other.pk).update(status="installed", decommissioned_on=None)
    other.refresh_from_db()
    allowed = operator_client.post(url, _edit_form_data(other, status="operational", name="Piața UTA"))

    assert allowed.status_code == 302, allowed.content.decode()[:2000]
    other.refresh_from_db()
    assert (other.status, other.name) == ("operational", "Piața UTA")
    step = other.status_changes.order_by("id").last()
    assert (step.from_status, step.to_status) == ("installed", "operational")
    assert other.operational_on == timezone.localdate(step.at)
