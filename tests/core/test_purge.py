"""The one personal-data purge job: every app's retention rule, with a count per rule."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from portal.core.contracts import retention_rules
from portal.core.tasks import purge_personal_data
from portal.feedback.models import FeedbackResponse
from portal.feedback.services import record_feedback

pytestmark = pytest.mark.django_db


def test_every_app_with_personal_data_declares_a_rule():
    assert {rule.key for rule in retention_rules()} >= {
        "documents",
        "chatbot-transcripts",
        "feedback-comments",
        "opendata-request-emails",
    }


def test_command_runs_every_rule_and_prints_a_count_per_app(capsys, settings):
    settings.FEEDBACK_COMMENT_RETENTION_DAYS = 10
    old = record_feedback(solution="map", score=7, comment="Ana Pop")
    FeedbackResponse.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=11))

    call_command("purge_personal_data")

    lines = capsys.readouterr().out.splitlines()
    for rule in retention_rules():
        expected = 1 if rule.key == "feedback-comments" else 0
        assert any(line.startswith(f"{rule.key}: {expected} ") for line in lines), (rule.key, lines)
    assert lines[-1] == "Total: 1 record(s)."
    assert FeedbackResponse.objects.get(pk=old.pk).comment == ""


def test_the_job_is_scheduled_daily(settings):
    job = settings.CELERY_BEAT_SCHEDULE["purge-personal-data-daily"]
    assert job["task"] == purge_personal_data.name and job["schedule"] == 24 * 3600
    assert purge_personal_data.delay().get() == {rule.key: 0 for rule in retention_rules()}
