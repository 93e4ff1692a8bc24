"""Erasing residents' e-mail addresses once nothing is left to tell them."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q

from ..models import Comment, Participant

ERASED_DOMAIN = "erased.invalid"


@transaction.atomic
def erase_idle_participants(*, now: dt.datetime) -> int:
    """Replace the address of every participant idle for the retention period: confirmed that
    long ago, every consultation they commented on answered that long ago (an unanswered one
    still owes them an e-mail), and every meeting they asked to speak at or wrote to held that
    long ago. Comments, answers and requests stay, without the address: the KPIs and open data
    keep counting them. Returns how many addresses were erased."""
    cutoff = now - dt.timedelta(days=settings.CONSULTATIONS_PARTICIPANT_RETENTION_DAYS)
    candidates = (
        Participant.objects.exclude(email__endswith=f"@{ERASED_DOMAIN}")
        .filter(confirmed_at__lt=cutoff)
        .exclude(
            pk__in=Comment.objects.filter(consultation__report_published_at__isnull=True).values(
                "participant_id"
            )
        )
        .annotate(
            last_report=Max("comments__consultation__report_published_at"),
            last_speak=Max("speaker_requests__item__meeting__starts_at"),
            last_question=Max("written_questions__item__meeting__starts_at"),
        )
        .filter(Q(last_report__isnull=True) | Q(last_report__lt=cutoff))
        .filter(Q(last_speak__isnull=True) | Q(last_speak__lt=cutoff))
        .filter(Q(last_question__isnull=True) | Q(last_question__lt=cutoff))
    )
    erased = 0
    for participant in candidates:
        participant.email = f"participant-{participant.pk}@{ERASED_DOMAIN}"
        participant.save(update_fields=["email"])
        erased += 1
    return erased
