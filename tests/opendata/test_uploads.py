"""Staff uploads: streamed into the datastore (bounded memory), capped in size, cleaned up on
failure, and reported without server paths."""

from __future__ import annotations

import io
import tracemalloc
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.utils import translation

from opendata.admin_forms import ResourceForm
from opendata.errors import ValidationFailed
from opendata.models import Dataset, Resource
from opendata.services import catalogue, csvcheck
from opendata.services.community import create_token
from tests.factories import ResourceFactory


@pytest.fixture(autouse=True)
def _english() -> None:
    translation.activate("en")


@pytest.fixture
def resource(small_catalogue) -> Resource:
    resource = ResourceFactory(dataset=Dataset.objects.get(name="linii-autobuz"), name="linii")
    catalogue.attach_file(resource=resource, filename="linii.csv", content=b"line,stops\n1,20\n2,31\n")
    resource.refresh_from_db()
    return resource


def _big_csv(path: Path, rows: int) -> int:
    with path.open("w", encoding="utf-8") as out:
        out.write("station,reading,day,note\n")
        for i in range(rows):
            out.write(
                f"AR-{i % 17},{i * 0.25:.2f},2026-{1 + i % 12:02d}-{1 + i % 28:02d},row {i} of the file\n"
            )
    return path.stat().st_size


def test_a_big_csv_is_validated_and_read_in_bounded_memory(tmp_path) -> None:
    rows = 20_000
    size = _big_csv(tmp_path / "big.csv", rows)
    with (tmp_path / "big.csv").open("rb") as handle:
        tracemalloc.start()
        try:
            report = csvcheck.validate_csv(handle)
            last = None
            for last in csvcheck.iter_records(handle, report):  # noqa: B007 - the stream is the point
                pass
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert report.valid and report.row_count == rows
    assert [f["type"] for f in report.fields] == ["text", "numeric", "date", "text"]
    assert last == {
        "station": "AR-7",
        "reading": 4999.75,
        "day": "2026-08-08",
        "note": "row 19999 of the file",
    }
    # Read whole (bytes, text and rows as dictionaries), the peak was several times the file's
    # size; streamed, it is a few rows, whatever the size.
    assert peak < 256 * 1024 < size, (peak, size)


def test_a_csv_file_is_streamed_into_the_datastore(small_catalogue, tmp_path) -> None:
    resource = ResourceFactory(dataset=Dataset.objects.get(name="aer-urban"), name="readings")
    rows = 2_500  # more than two batches
    size = _big_csv(tmp_path / "big.csv", rows)
    with (tmp_path / "big.csv").open("rb") as handle:
        report = catalogue.attach_file(resource=resource, filename="big.csv", content=handle)
    assert report is not None and report.valid
    assert resource.datastore_rows.count() == rows and resource.size == size
    assert resource.datastore_rows.get(row=rows).data["note"] == f"row {rows - 1} of the file"
    assert resource.fields[1] == {"id": "reading", "type": "numeric", "description": "", "unit": ""}


def test_an_oversized_upload_is_refused_and_nothing_is_stored(resource) -> None:
    before = resource.upload.name
    with override_settings(OPENDATA_UPLOAD_MAX_BYTES=100):
        with pytest.raises(ValidationFailed) as caught:
            catalogue.attach_file(
                resource=resource, filename="big.csv", content=b"line,stops\n" + b"1,2\n" * 50
            )
    assert "larger than" in caught.value.errors["upload"][0]
    resource.refresh_from_db()
    assert resource.upload.name == before and resource.datastore_rows.count() == 2
    assert default_storage.listdir(f"opendata/{resource.pk}")[1] == [Path(before).name]


def test_a_failed_import_is_cleaned_up_and_its_error_shows_no_path(resource, monkeypatch) -> None:
    before = resource.upload.name

    def broken(**kwargs) -> int:
        raise OSError(f"[Errno 28] No space left on device: '{default_storage.path(before)}'")

    monkeypatch.setattr(csvcheck, "ingest", broken)
    with pytest.raises(ValidationFailed) as caught:
        catalogue.attach_file(resource=resource, filename="../../etc/new.csv", content=b"line,stops\n3,4\n")
    message = caught.value.errors["upload"][0]
    assert "new.csv" in message and "/" not in message
    resource.refresh_from_db()
    assert resource.upload.name == before and resource.datastore_rows.count() == 2
    assert default_storage.listdir(f"opendata/{resource.pk}")[1] == [Path(before).name]


def test_the_action_api_refuses_an_oversized_upload(resource, publisher) -> None:
    _, plain = create_token(user=publisher, name="tests")
    upload = io.BytesIO(b"line,stops\n" + b"1,2\n" * 100)
    upload.name = "linii.csv"
    with override_settings(OPENDATA_UPLOAD_MAX_BYTES=200):
        response = Client().post(
            "/api/3/action/resource_create",
            {"package_id": "linii-autobuz", "upload": upload},
            headers={"Authorization": plain, "Accept-Language": "en"},
        )
    assert response.status_code == 409
    assert "larger than" in response.json()["error"]["upload"][0]
    assert Dataset.objects.get(name="linii-autobuz").resources.count() == 1


def test_the_admin_form_refuses_an_oversized_upload(resource) -> None:
    upload = SimpleUploadedFile("linii.csv", b"line,stops\n" + b"1,2\n" * 100, content_type="text/csv")
    data = {"dataset": resource.dataset_id, "name": "x", "format": "CSV", "fields": "[]", "position": 0}
    with override_settings(OPENDATA_UPLOAD_MAX_BYTES=200):
        form = ResourceForm(data=data, files={"upload": upload})
        assert not form.is_valid()
    assert "larger than" in form.errors["upload"][0]
