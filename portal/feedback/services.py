"""Recording questionnaire answers."""

from __future__ import annotations

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
