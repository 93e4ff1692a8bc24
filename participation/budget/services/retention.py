"""Erasing budget participants' e-mail addresses once the cycles they took part in owe them
nothing more."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import CharField, Q, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from .. import selectors
from ..models import Cycle, Participant, Progress

ERASED_DOMAIN = "erased.invalid"


def _projects_still_reported(cutoff: dt.datetime) -> set[int]:
    """Winning projects whose followers are still owed news: not completed, or with an update
    published after `cutoff`."""
    owed: set[int] = set()
    for cycle in Cycle.objects.all():
        for project in selectors.winning_projects(cycle):
            if project.progress != Progress.DONE or project.updates.filter(published_at__gte=cutoff).exists():
                owed.add(project.pk)
    return owed


@transaction.atomic
def erase_idle_participants(*, now: dt.datetime) -> int:
    """Replace the address of every participant idle for BUDGET_PARTICIPANT_RETENTION_DAYS:
    confirmed that long ago, every cycle they proposed, voted or followed in published its
    results that long ago, and no project they follow still being reported on. Ballots,
    proposals, district and age group stay without the address: results, KPIs and open data
    keep counting them. Returns how many addresses were erased."""
    cutoff = now - dt.timedelta(days=settings.BUDGET_PARTICIPANT_RETENTION_DAYS)
    cutoff_day = timezone.localdate(cutoff)
    recent = Q(ballots__cycle__results_start__gte=cutoff_day)
    recent |= Q(proposals__cycle__results_start__gte=cutoff_day)
    recent |= Q(follows__proposal__cycle__results_start__gte=cutoff_day)
    recent |= Q(follows__proposal__in=_projects_still_reported(cutoff))
    idle = (
        Participant.objects.exclude(email__endswith=f"@{ERASED_DOMAIN}")
        .filter(confirmed_at__lt=cutoff)
        .exclude(pk__in=Participant.objects.filter(recent).values("pk"))
    )
    placeholder = Concat(
        Value("participant-"), Cast("pk", CharField()), Value(f"@{ERASED_DOMAIN}"), output_field=CharField()
    )
    return idle.update(email=placeholder)
