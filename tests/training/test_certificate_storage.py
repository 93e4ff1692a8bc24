"""With STORAGE_BACKEND=s3 a certificate's PDF is made once into the private bucket of a real S3
API server on loopback; its holder gets it by a signed URL, others get nothing, and deleting the
certificate deletes the stored PDF."""

from __future__ import annotations

import pytest
import requests
from django.test import Client

from tests.factories import CertificateFactory, UserFactory
from tests.qr_decoding import pdf_text
from tests.training.conftest import course
from training import services

pytestmark = pytest.mark.django_db


def test_a_certificate_pdf_is_kept_in_the_private_bucket_for_its_holder(city, s3):
    holder = services.register_learner(
        username="ana", email="ana@example.org", password="x-Long-pass-42", full_name="Ana Pop"
    )
    other = UserFactory(username="ion", password="x-Long-pass-42")
    certificate = CertificateFactory(
        user=holder, course=course("securitate-online-pentru-tineri"), holder_name="Ana Pop"
    )
    url = f"/ro/learning/certificates/{certificate.code}.pdf"

    stranger = Client()
    stranger.force_login(other)
    assert stranger.get(url).status_code == 404
    assert s3.server.keys(s3.private) == []  # nothing made for a stranger

    owner = Client()
    owner.force_login(holder)
    response = owner.get(url)
    assert response.status_code == 302
    fetched = requests.get(response["Location"], timeout=10)
    assert fetched.status_code == 200 and fetched.headers["Content-Type"] == "application/pdf"
    assert "Ana Pop" in pdf_text(fetched.content)
    assert s3.server.keys(s3.private) == [f"training/certificates/{certificate.code}/ro.pdf"]
    # A second download (from any node) hands out the same stored document.
    again = requests.get(owner.get(url)["Location"], timeout=10)
    assert again.content == fetched.content

    certificate.delete()
    assert s3.server.keys(s3.private) == []
