"""Load the demo plan: `manage.py load_demo_kpi`. Idempotent: initiatives are matched by solution
and title, activities by initiative and title, funding by solution, source and funder."""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction

from ..models import Activity, FundingCommitment, Initiative
from . import data


@transaction.atomic
def load_demo_kpi(*, progress: Callable[[str], None] | None = None) -> dict[str, int]:
    """Create or update the roadmap activities and funding commitments of every solution."""
    say = progress or (lambda message: None)
    activities = 0
    for spec in data.ROADMAP:
        initiative, _ = Initiative.objects.update_or_create(solution=spec.solution, title=spec.title)
        for order, activity in enumerate(spec.activities):
            Activity.objects.update_or_create(
                initiative=initiative,
                title=activity.title,
                defaults={
                    "status": activity.status,
                    "planned_start": activity.planned_start,
                    "planned_end": activity.planned_end,
                    "actual_start": activity.actual_start,
                    "actual_end": activity.actual_end,
                    "sort_order": order,
                },
            )
            activities += 1
    say(f"{activities} roadmap activities")
    for funding in data.FUNDING:
        FundingCommitment.objects.update_or_create(
            solution=funding.solution,
            source=funding.source,
            funder=funding.funder,
            defaults={"amount": funding.amount, "committed_on": funding.committed_on},
        )
    say(f"{len(data.FUNDING)} funding commitments")
    return {"activities": activities, "funding": len(data.FUNDING)}
