"""With STORAGE_BACKEND=s3 a GIS editor's upload is kept in the private bucket of a real S3 API
server on loopback until the import job (on whichever node runs it) has read it, then deleted."""

from __future__ import annotations

import pytest

from gis.models import Feature, ImportJob, Layer
from tests.factories import LayerFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def layer(db) -> Layer:
    return LayerFactory(key="parcels", title="Parcele", geometry_type="Polygon", kind="cadastre")


def test_an_upload_goes_through_the_private_bucket(
    client, layer, stereo70_gpkg, s3, django_capture_on_commit_callbacks
):
    editor = UserFactory(username="gis-editor", groups=["GIS editors"])
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=False) as queued:
        with stereo70_gpkg.open("rb") as upload:
            response = client.post(
                "/admin/gis/import/", {"layer": layer.pk, "file": upload, "id_field": "nr_cad"}
            )
    assert response.status_code == 302
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.PENDING
    assert s3.server.keys(s3.private) == [job.path]  # waiting in object storage for a worker
    assert job.path.startswith("gis-imports/") and job.path.endswith("/parcels.gpkg")

    for callback in queued:  # the worker's turn
        callback()
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert job.created == Feature.objects.filter(layer=layer).count() > 0
    assert s3.server.keys(s3.private) == []  # read, then deleted
