"""With STORAGE_BACKEND=s3 a dataset's resource file goes to the public bucket of a real S3 API
server on loopback, is read from there into the datastore, and is downloaded (and counted)
through the portal; replacing the file deletes the old object."""

from __future__ import annotations

import pytest
from django.test import Client

from opendata.models import Dataset
from opendata.selectors.dictize import download_url
from opendata.services import catalogue
from tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db

CSV = b"line,stops\n1,20\n2,31\n"


def test_a_resource_file_lives_in_the_public_bucket(small_catalogue, s3, django_capture_on_commit_callbacks):
    resource = ResourceFactory(dataset=Dataset.objects.get(name="linii-autobuz"), name="linii")
    report = catalogue.attach_file(resource=resource, filename="linii.csv", content=CSV)
    resource.refresh_from_db()
    assert report is not None and report.valid and resource.datastore_rows.count() == 2
    assert s3.server.keys(s3.public) == [resource.upload.name] and s3.server.keys(s3.private) == []

    response = Client().get(download_url(resource, site=""))
    assert response.status_code == 200 and b"".join(response.streaming_content) == CSV
    resource.refresh_from_db()
    assert resource.downloads == 1

    with django_capture_on_commit_callbacks(execute=True):
        catalogue.attach_file(resource=resource, filename="linii.csv", content=CSV + b"3,12\n")
    resource.refresh_from_db()
    assert s3.server.keys(s3.public) == [resource.upload.name]  # the old object went
    assert resource.datastore_rows.count() == 3
