"""Whatever a visitor posts to the participation forms, the answer is a redirect or a clear 4xx."""

from __future__ import annotations

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from participation.consultations.identity import SESSION_KEY

from .factories import AgendaItemFactory, ConsultationFactory, ParticipantFactory, SectionFactory

pytestmark = pytest.mark.django_db

TEXT = st.one_of(
    st.text(max_size=300), st.sampled_from(["", " ", "0", "-1", "99999999999999999999", "x" * 6000])
)


@pytest.fixture
def signed_in():
    client = Client()
    participant = ParticipantFactory()
    session = client.session
    session[SESSION_KEY] = participant.pk
    session.save()
    return client


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=TEXT, section=TEXT, name=TEXT, text=TEXT)
def test_forms_never_fail_with_a_server_error(signed_in, django_settings_limits, body, section, name, text):
    consultation, item = django_settings_limits
    statuses = [
        signed_in.post(
            f"/ro/participation/consultations/{consultation.slug}/comment/",
            {"body": body, "section": section},
        ).status_code,
        signed_in.post(
            f"/ro/participation/consultations/{consultation.slug}/answers/", {f"q{section}": text}
        ).status_code,
        signed_in.post(
            f"/en/participation/meetings/{item.meeting.slug}/items/{item.pk}/speak/",
            {"name": name, "topic": text},
        ).status_code,
        signed_in.post("/hu/participation/confirm-email/", {"email": name, "next": text}).status_code,
    ]
    assert all(s in (200, 302, 400, 429) for s in statuses), statuses


@pytest.fixture
def django_settings_limits(settings):
    settings.CONSULTATIONS_LIMITS = {
        "post_per_address": 10**6,
        "confirm_per_address": 10**6,
        "confirm_per_email": 10**6,
    }
    consultation = ConsultationFactory()
    SectionFactory(consultation=consultation)
    return consultation, AgendaItemFactory()
