"""The questionnaire's retention rule: old comments go; scores, NPS and recent comments stay."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from portal.feedback.models import FeedbackResponse
from portal.feedback.selectors import mean_score, nps
from portal.feedback.services import purge_comments, record_feedback

pytestmark = pytest.mark.django_db


def test_old_comments_are_erased_scores_and_recent_comments_kept(settings):
    settings.FEEDBACK_COMMENT_RETENTION_DAYS = 90
    old = record_feedback(solution="map", score=3, comment="Sunt Ana, 0740 123 456", context="/ro/harta/")
    recent = record_feedback(solution="map", score=10, comment="Foarte util")
    FeedbackResponse.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=91))
    before = (nps(solution="map"), mean_score(solution="map"))

    assert purge_comments(now=timezone.now()) == 1

    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.comment, old.score, old.solution, old.context) == ("", 3, "map", "/ro/harta/")
    assert recent.comment == "Foarte util"
    assert (nps(solution="map"), mean_score(solution="map")) == before
    assert purge_comments(now=timezone.now()) == 0  # idempotent
