"""The legal deadlines the consultation model enforces."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from participation.consultations import services
from participation.consultations.models import Consultation, minimum_days_open

from .factories import ConsultationFactory, ParticipantFactory, SectionFactory

pytestmark = pytest.mark.django_db


def _consultation(days: int) -> Consultation:
    opens = timezone.localdate()
    return Consultation(
        title="Regulament",
        slug="regulament",
        kind="regulation",
        summary="Proiect.",
        opens_on=opens,
        closes_on=opens + dt.timedelta(days=days),
    )


def test_the_legal_minimum_is_thirty_days_by_default():
    assert minimum_days_open() == 30
    _consultation(30).full_clean()
    with pytest.raises(ValidationError) as error:
        _consultation(29).full_clean()
    assert "closes_on" in error.value.message_dict
    assert "30" in error.value.message_dict["closes_on"][0]


def test_the_minimum_follows_the_setting(settings):
    settings.CONSULTATIONS_MIN_DAYS_OPEN = 45
    with pytest.raises(ValidationError):
        _consultation(44).full_clean()
    _consultation(45).full_clean()


def test_a_period_that_ends_before_it_starts_is_refused():
    with pytest.raises(ValidationError):
        _consultation(-3).full_clean()


@pytest.mark.parametrize("shift", [-1, +1], ids=["before-opening", "after-closing"])
def test_no_comment_is_accepted_outside_the_period(shift):
    today = timezone.localdate()
    if shift < 0:
        item = ConsultationFactory(opens_on=today + dt.timedelta(days=1))
    else:
        item = ConsultationFactory(
            opens_on=today - dt.timedelta(days=40), closes_on=today - dt.timedelta(days=1)
        )
    with pytest.raises(services.PeriodClosed):
        services.submit_comment(consultation=item, participant=ParticipantFactory(), body="Prea târziu?")
    assert not item.comments.exists()


def test_the_last_day_still_accepts_comments():
    today = timezone.localdate()
    item = ConsultationFactory(opens_on=today - dt.timedelta(days=30), closes_on=today)
    section = SectionFactory(consultation=item)
    comment = services.submit_comment(
        consultation=item, participant=ParticipantFactory(), body="La timp.", section=section
    )
    assert comment.status == "pending"


def test_post_moderation_publishes_at_once_and_a_refusal_needs_a_reason():
    item = ConsultationFactory(moderation="post")
    comment = services.submit_comment(consultation=item, participant=ParticipantFactory(), body="Bună idee.")
    assert comment.status == "approved"
    with pytest.raises(services.ParticipationError):
        services.moderate_comment(comment=comment, approve=False, reason=" ")
    services.moderate_comment(comment=comment, approve=False, reason="Conține date personale.")
    comment.refresh_from_db()
    assert (comment.status, comment.rejection_reason) == ("rejected", "Conține date personale.")


def test_a_report_waits_for_the_consultation_to_close():
    item = ConsultationFactory(report="Am modificat art. 2.")
    with pytest.raises(services.ParticipationError):
        services.publish_report(consultation=item, page_url=lambda lang: "http://x/")
    item.refresh_from_db()
    assert item.report_published_at is None
