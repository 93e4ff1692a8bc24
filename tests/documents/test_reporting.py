"""KPIs, the open dataset (aggregates only) and the idempotent demo loader."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from portal.core.contracts import published_datasets
from portal.documents import services
from portal.documents.demo.data import DEMO_NUMBER
from portal.documents.models import Document
from portal.kpi.registry import discover

pytestmark = pytest.mark.django_db


def test_kpis_and_published_throughput(city, clerk):
    # Registered and decided within one month (the dataset counts by month), whatever today is.
    start = timezone.now().replace(day=1) - dt.timedelta(days=25)
    online = services.register_document(
        channel="online", subject="A", service=city.service, sender_name="Ana Secretă", registered_at=start
    )
    services.register_document(channel="counter", subject="B", sender_name="Ion Secret")
    services.change_status(document=online, status="in_review", actor=clerk, at=start)
    services.change_status(document=online, status="approved", actor=clerk, at=start + dt.timedelta(days=4))
    services.record_scan(online)

    kpis = discover()
    assert kpis["portal.documents_registered_online"].compute() == 1
    assert kpis["portal.documents_registered_counter"].compute() == 1
    assert kpis["portal.documents_share_online"].compute() == 50.0
    assert kpis["portal.documents_median_processing_days"].compute() == 4.0
    assert kpis["portal.documents_tracking_scans"].compute() == 1
    assert kpis["portal.documents_overdue"].compute() == 0

    dataset = next(d for d in published_datasets() if d.key == "document-registry-throughput")
    csv = dataset.resources[0].produce().decode()
    assert csv.splitlines()[0] == "month,channel,department,registered,decided,median_processing_days"
    assert ",online,Direcția Urbanism,1,1,4.0" in csv
    assert "Secret" not in csv and online.number not in csv


def test_demo_documents_are_idempotent_and_include_the_chatbots_example(city):
    out = io.StringIO()
    call_command("load_demo_documents", stdout=out)
    call_command("load_demo_documents", stdout=io.StringIO())
    example = Document.objects.get(number=DEMO_NUMBER)
    assert (example.status, len(example.pin)) == ("in_review", settings.DOCUMENTS_PIN_DIGITS)
    assert example.number in out.getvalue() and example.pin in out.getvalue()
    assert Document.objects.count() == 5
    assert set(Document.objects.values_list("channel", flat=True)) == {"online", "counter", "email", "post"}
    issued = Document.objects.get(status="issued")
    assert issued.permit_token
    if timezone.localtime().year == 2026:  # new numbers continue after the demo's
        assert services.register_document(channel="post", subject="Nou").sequence == 124
