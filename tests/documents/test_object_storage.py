"""With STORAGE_BACKEND=s3 a request's attachments go to the private bucket of a real S3 API
server on loopback (moto's), never to this machine's disk; the filer and the registry's staff
get them through a short-lived signed URL after the portal's checks, and nobody else gets them."""

from __future__ import annotations

import time

import pytest
import requests
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from portal.documents.models import Document
from tests.documents.conftest import PDF_BYTES
from tests.factories import UserFactory
from tests.object_storage import use_s3

pytestmark = pytest.mark.django_db


def _file_request(client: Client, city) -> Document:
    upload = SimpleUploadedFile("cerere semnată.pdf", PDF_BYTES, content_type="application/pdf")
    response = client.post(
        city.service.url, {"name": "Ion Pop", "email": "ion@example.org", "attachments": [upload]}
    )
    assert response.status_code == 302
    return Document.objects.get()


def test_attachments_live_in_the_private_bucket_and_reach_only_the_filer_and_staff(
    client, city, clerk, s3, settings
):
    document = _file_request(client, city)
    item = document.attachments.get()
    assert s3.server.keys(s3.private) == [item.file.name]  # in object storage, private bucket
    assert s3.server.keys(s3.public) == []
    assert not (settings.PRIVATE_MEDIA_ROOT / item.file.name).exists()  # nothing on this node's disk

    # The filer's browser: the receipt, its PDF and the file sent.
    receipt = client.get(f"/ro/receipt/{document.token}/")
    file_url = f"/ro/receipt/{document.token}/files/{item.pk}"
    assert receipt.status_code == 200 and file_url in receipt.content.decode()
    pdf = client.get(f"/ro/receipt/{document.token}.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    response = client.get(file_url)
    assert response.status_code == 302 and "no-store" in response["Cache-Control"]
    signed = response["Location"]
    assert signed.startswith(f"{s3.server.endpoint}/{s3.private}/") and "X-Amz-Expires=60" in signed
    fetched = requests.get(signed, timeout=10)
    assert fetched.status_code == 200 and fetched.content == PDF_BYTES
    assert "attachment" in fetched.headers["Content-Disposition"]
    assert fetched.headers["Content-Type"] == "application/pdf"
    # The object itself, asked for without a signature, is refused by the S3 server.
    assert requests.get(signed.split("?")[0], timeout=10).status_code == 403

    # Anyone else: no receipt, no file (the same answer as for a file that does not exist).
    stranger = Client()
    assert stranger.get(f"/ro/receipt/{document.token}.pdf").status_code == 404
    assert stranger.get(file_url).status_code == 404
    stranger.force_login(UserFactory(username="curious", password="x-Long-pass-42"))
    assert stranger.get(f"/admin/registry/attachments/{item.pk}/").status_code in (302, 403)

    # The registry's staff, in the admin.
    staff = Client()
    staff.force_login(clerk)
    response = staff.get(f"/admin/registry/attachments/{item.pk}/")
    assert response.status_code == 302
    assert requests.get(response["Location"], timeout=10).content == PDF_BYTES

    # Streamed through the portal instead, for an object store browsers cannot reach.
    settings.PRIVATE_MEDIA_REDIRECT = False
    response = client.get(file_url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Disposition"].startswith("attachment")

    # Erasing the personal data deletes the object from the bucket.
    item.file.delete(save=False)
    assert s3.server.keys(s3.private) == []


def test_a_signed_url_stops_working_when_it_expires(client, city, settings, signing_s3_server):
    """Against s3rver, which refuses expired presigned URLs as S3 does (moto's server does not)."""
    buckets = use_s3(settings, signing_s3_server)
    settings.PRIVATE_MEDIA_URL_EXPIRE = 2
    document = _file_request(client, city)
    item = document.attachments.get()
    signed = client.get(f"/ro/receipt/{document.token}/files/{item.pk}")["Location"]
    assert signed.startswith(f"{buckets.server.endpoint}/{buckets.private}/")
    assert requests.get(signed, timeout=10).content == PDF_BYTES
    time.sleep(3)
    expired = requests.get(signed, timeout=10)
    assert expired.status_code == 403 and "Request has expired" in expired.text
