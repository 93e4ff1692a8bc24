"""Residents' addresses are erased once the city owes them nothing; their comments stay."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from participation.consultations.models import Participant
from participation.consultations.services.retention import erase_idle_participants
from portal.core.contracts import retention_rules

from .factories import (
    AgendaItemFactory,
    CommentFactory,
    ConsultationFactory,
    MeetingFactory,
    ParticipantFactory,
)

pytestmark = pytest.mark.django_db


def test_idle_addresses_are_erased_and_comments_stay():
    now = timezone.now()
    long_ago = now - dt.timedelta(days=400)
    answered = ConsultationFactory(report_published_at=long_ago)
    unanswered = ConsultationFactory()
    idle = ParticipantFactory(confirmed_at=long_ago)
    CommentFactory(participant=idle, consultation=answered, status="approved")
    waiting = ParticipantFactory(confirmed_at=long_ago)
    CommentFactory(participant=waiting, consultation=unanswered, status="approved")
    recent = ParticipantFactory()
    speaker = ParticipantFactory(confirmed_at=long_ago)
    item = AgendaItemFactory(meeting=MeetingFactory())
    item.speakers.create(participant=speaker, name="Ion", topic="Buget")

    (rule,) = [r for r in retention_rules() if r.key == "participation-emails"]
    assert rule.purge(now) == 1
    assert erase_idle_participants(now=now) == 0  # a second run changes nothing
    idle.refresh_from_db()
    assert idle.email.endswith("@erased.invalid") and idle.comments.count() == 1
    kept = set(Participant.objects.exclude(pk=idle.pk).values_list("email", flat=True))
    assert kept == {waiting.email, recent.email, speaker.email}
