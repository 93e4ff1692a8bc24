"""Casting a ballot: one per person and cycle, for feasible projects of the voter's district,
within the district's budget and the cycle's maximum spend per ballot."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ..models import Ballot, Cycle, DistrictBudget, Participant, Phase, Proposal, Vote
from .errors import AlreadyVoted, BudgetError


def cast_ballot(*, participant: Participant, cycle: Cycle, proposal_ids: list[int]) -> Ballot:
    """Record the ballot. The database's unique constraint on (cycle, participant) refuses a
    second ballot even when two arrive at the same moment: AlreadyVoted."""
    if cycle.phase() != Phase.VOTING:
        raise BudgetError(_("Voting is not open now."))
    if not participant.may_take_part:
        raise BudgetError(_("Declare your residence before taking part."))
    chosen = set(proposal_ids)
    if not chosen:
        raise BudgetError(_("Choose at least one project."))
    projects = list(
        Proposal.objects.on_ballot().filter(cycle=cycle, district=participant.district, pk__in=chosen)
    )
    if len(projects) != len(chosen):
        raise BudgetError(_("Some of the projects chosen are not on your district's ballot."))
    total = sum(p.cost for p in projects)
    budget = DistrictBudget.objects.filter(cycle=cycle, district=participant.district).first()
    if budget is None:
        raise BudgetError(_("This district has no budget in this cycle."))
    limit = min(budget.amount, cycle.max_spend_per_ballot)
    if total > limit:
        raise BudgetError(
            _("The projects chosen cost %(total)s RON; a ballot may spend at most %(limit)s RON.")
            % {"total": total, "limit": limit}
        )
    try:
        with transaction.atomic():
            ballot = Ballot.objects.create(
                cycle=cycle, participant=participant, district=participant.district
            )
            Vote.objects.bulk_create([Vote(ballot=ballot, proposal=p) for p in projects])
    except IntegrityError as error:
        raise AlreadyVoted(_("You have already voted in this cycle; each person votes once.")) from error
    return ballot
