"""Load the demo participatory budget: `manage.py load_demo_budget`. Idempotent: cycles are found
by year, proposals by title and cycle, participants by their example.org address."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.contrib.gis.geos import Point
from django.db import transaction
from django.utils import timezone

from cctv.models import District

from ..models import Ballot, Cycle, DistrictBudget, ImplementationUpdate, Participant, Proposal, Vote
from . import data


def _cycle(year: int, starts: list[dt.date]) -> Cycle:
    names = ["proposals_start", "review_start", "voting_start", "results_start", "implementation_start"]
    cycle, _ = Cycle.objects.update_or_create(
        year=year,
        defaults={"title": data.CYCLE_TITLE.ro, "max_spend_per_ballot": data.MAX_SPEND_PER_BALLOT}
        | dict(zip(names, starts, strict=True)),
    )
    for slug, amount in data.BUDGETS.items():
        district = District.objects.filter(slug=slug).first()
        if district is None:
            district = District.objects.create(slug=slug, name=slug.replace("-", " ").title())
        DistrictBudget.objects.update_or_create(cycle=cycle, district=district, defaults={"amount": amount})
    return cycle


def _participant(n: int, district: District | None) -> Participant:
    participant, _ = Participant.objects.get_or_create(
        email=f"demo.rezident{n}@example.org",
        defaults={
            "confirmed_at": timezone.now(),
            "residence_declared_at": timezone.now(),
            "district": district,
            "age_group": data.AGE_GROUPS[n % len(data.AGE_GROUPS)],
        },
    )
    return participant


def _proposal(cycle: Cycle, spec: data.ProposalData, proposer: Participant) -> Proposal:
    district = District.objects.get(slug=spec.district)
    proposal, _ = Proposal.objects.update_or_create(
        cycle=cycle,
        title=spec.title[spec.lang],
        defaults={
            "district": district,
            "proposer": proposer,
            "description": spec.description[spec.lang],
            "location": Point(spec.lon, spec.lat, srid=4326),
            "cost_estimate": spec.cost,
            "created_at": timezone.make_aware(dt.datetime(cycle.proposals_start.year, 1, 1))
            + dt.timedelta(days=cycle.proposals_start.timetuple().tm_yday + len(spec.key)),
            "moderation": "published",
            "feasibility": spec.feasibility,
            "assessed_cost": spec.assessed_cost,
            "public_reason": spec.reason,
            "answered_at": timezone.now(),
            "progress": spec.progress,
            "percent_done": spec.percent,
        },
    )
    return proposal


@transaction.atomic
def load_demo_budget(progress: Callable[[str], None] | None = None) -> dict[str, int]:
    """Create or refresh last year's cycle (results and implementation) and this year's (voting)."""
    from gis.models import Module

    Module.objects.update_or_create(
        key="participation",
        defaults={
            "title": data.MAP_MODULE.ro,
            "title_en": data.MAP_MODULE.en,
            "title_hu": data.MAP_MODULE.hu,
        },
    )
    today = timezone.localdate()
    last = today.year - 1
    previous = _cycle(
        last,
        [
            dt.date(last, 2, 1),
            dt.date(last, 4, 1),
            dt.date(last, 6, 1),
            dt.date(last, 7, 1),
            dt.date(last, 9, 1),
        ],
    )
    offsets = (-60, -30, -5, 20, 40)
    current = _cycle(today.year, [today + dt.timedelta(days=d) for d in offsets])
    if progress:
        progress("cycles and district budgets")
    voters = {}
    for spec in data.PREVIOUS:
        proposer = _participant(len(voters), District.objects.get(slug=spec.district))
        proposal = _proposal(previous, spec, proposer)
        for i in range(spec.votes):
            voter = _participant(100 + i + 10 * data.PREVIOUS.index(spec), proposal.district)
            ballot, _ = Ballot.objects.get_or_create(
                cycle=previous, participant=voter, defaults={"district": proposal.district}
            )
            Vote.objects.get_or_create(ballot=ballot, proposal=proposal)
            voters[voter.pk] = voter
        for n, text in enumerate(spec.updates):
            ImplementationUpdate.objects.update_or_create(
                proposal=proposal,
                text=text,
                defaults={
                    "progress": spec.progress,
                    "percent_done": min(spec.percent, (n + 1) * 100 // len(spec.updates)),
                    "notified_at": timezone.now(),
                },
            )
    for spec in data.CURRENT:
        _proposal(
            current,
            spec,
            _participant(200 + data.CURRENT.index(spec), District.objects.get(slug=spec.district)),
        )
    if progress:
        progress("proposals, ballots and implementation updates")
    return {
        "cycles": Cycle.objects.count(),
        "proposals": Proposal.objects.count(),
        "ballots": Ballot.objects.count(),
        "updates": ImplementationUpdate.objects.count(),
    }
