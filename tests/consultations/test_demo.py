"""The demo participation data loads twice to the same state and its pages show in every language."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from participation.consultations.demo.data import CONSULTATIONS, MEETINGS
from participation.consultations.models import Comment, Consultation, Meeting

pytestmark = pytest.mark.django_db


def test_demo_loads_idempotently_and_renders(client):
    call_command("load_demo_consultations", verbosity=0)
    counts = (Consultation.objects.count(), Meeting.objects.count(), Comment.objects.count())
    call_command("load_demo_consultations", verbosity=0)
    assert (Consultation.objects.count(), Meeting.objects.count(), Comment.objects.count()) == counts
    assert counts[:2] == (len(CONSULTATIONS), len(MEETINGS))
    states = {c.state() for c in Consultation.objects.all()}
    assert {"open", "answered", "upcoming"} <= states
    for lang in ("ro", "en", "hu"):
        for consultation in Consultation.objects.all():
            response = client.get(f"/{lang}/participation/consultations/{consultation.slug}/")
            assert response.status_code == 200
            assert consultation.localized("title").text in response.content.decode()
        for meeting in Meeting.objects.all():
            assert client.get(f"/{lang}/participation/meetings/{meeting.slug}/").status_code == 200
    answered = Consultation.objects.get(report_published_at__isnull=False)
    body = client.get(f"/en/participation/consultations/{answered.slug}/").content.decode()
    assert "The city's answer" in body or "The city&#x27;s answer" in body
