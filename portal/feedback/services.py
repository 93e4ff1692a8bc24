"""Recording questionnaire answers."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from portal.kpi.registry import SOLUTIONS

from .models import FeedbackResponse


@transaction.atomic
def record_feedback(
    *, solution: str, score: int, comment: str = "", context: str = "", language: str = ""
) -> FeedbackResponse:
    """Store one answer; raises ValidationError for an unknown solution or a score outside 0–10."""
    if solution not in SOLUTIONS:
        raise ValidationError({"solution": f"Unknown solution {solution!r}."})
    response = FeedbackResponse(
        solution=solution,
        score=score,
        comment=comment.strip()[:2000],
        context=context[:200],
        language=language[:8],
    )
    response.full_clean()
    response.save()
    return response


@transaction.atomic
def purge_comments(*, now: dt.datetime) -> int:
    """Erase the free-text comments older than FEEDBACK_COMMENT_RETENTION_DAYS (they may name
    people); solution, score, context and language stay for the NPS. Returns how many."""
    cutoff = now - dt.timedelta(days=settings.FEEDBACK_COMMENT_RETENTION_DAYS)
    return FeedbackResponse.objects.filter(created_at__lte=cutoff).exclude(comment="").update(comment="")
