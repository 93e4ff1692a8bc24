"""Every PDF a clerk downloads from the registry, opened as the clerk opens it: through the admin
URL, logged in with the registry role. Each must answer a PDF that parses and whose QR decodes
(with an independent decoder) to the address it promises."""

from __future__ import annotations

import pytest

from portal.documents import services
from portal.documents.selectors import tracking_url
from tests.qr_decoding import decode_qr_pdf, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued(city, clerk):
    """A request filed online and carried through the workflow until its permit is issued."""
    document = services.register_document(
        channel="online", subject="Certificat de urbanism", service=city.service, sender_name="Ana Pop"
    )
    for status in ("in_review", "approved", "issued"):
        services.change_status(document=document, status=status, actor=clerk)
    document.refresh_from_db()
    return document


def _open(client, url: str) -> tuple[bytes, str]:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/pdf", url
    content = response.content
    return content, pdf_text(content)


def test_every_registry_download_is_a_readable_pdf_with_a_working_qr(client, clerk, issued):
    client.force_login(clerk)
    base = f"/admin/registry/{issued.pk}"

    receipt, text = _open(client, f"{base}/receipt.pdf")
    assert issued.number in text and issued.pin in text
    assert decode_qr_pdf(receipt) == tracking_url(issued.token)

    label, text = _open(client, f"{base}/label.pdf")
    assert issued.number in text
    assert decode_qr_pdf(label) == tracking_url(issued.token)

    sheet, text = _open(client, f"/admin/registry/labels.pdf?id={issued.pk}")
    assert issued.number in text
    assert decode_qr_pdf(sheet) == tracking_url(issued.token)

    permit, text = _open(client, f"{base}/permit.pdf")
    assert issued.number in text
    assert decode_qr_pdf(permit) == services.permit_url(issued)


def test_the_permit_download_is_refused_before_a_permit_is_issued(client, clerk, city):
    document = services.register_document(channel="counter", subject="Cerere", sender_name="Ion Ilie")
    client.force_login(clerk)
    response = client.get(f"/admin/registry/{document.pk}/permit.pdf")
    assert response.status_code in (302, 403)  # Wagtail turns PermissionDenied into a redirect
    assert response.get("Content-Type") != "application/pdf"
