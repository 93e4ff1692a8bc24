"""Budget participants' addresses are erased once the city owes them nothing; their ballots,
proposals and the results stay."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from participation.budget import selectors, services
from participation.budget.models import ImplementationUpdate, Participant, Phase, Progress
from participation.budget.services.retention import erase_idle_participants
from portal.core.contracts import retention_rules

from .factories import ParticipantFactory, make_proposal, move_to

pytestmark = pytest.mark.django_db


def _votes(cycle) -> list[tuple[int, int]]:
    return [(row.proposal.pk, row.votes) for result in selectors.results(cycle) for row in result.rows]


def test_addresses_go_after_the_results_and_the_last_news_of_followed_projects(
    settings, cycle, district, resident
):
    settings.BUDGET_PARTICIPANT_RETENTION_DAYS = 365
    project = make_proposal(cycle, district, resident, feasibility="feasible", public_reason="Fezabil.")
    move_to(cycle, Phase.VOTING)
    voter = ParticipantFactory(district=district)
    services.cast_ballot(participant=voter, cycle=cycle, proposal_ids=[project.pk])
    move_to(cycle, Phase.RESULTS)
    assert selectors.is_winner(project)
    votes = _votes(cycle)
    later = timezone.now() + dt.timedelta(days=400)  # the results are over a year old by then
    newcomer = ParticipantFactory(confirmed_at=later - dt.timedelta(days=10))
    (rule,) = [r for r in retention_rules() if r.key == "budget-participant-emails"]

    # the proposer follows the winning project, still to be built: still owed its news
    assert rule.purge(later) == 1
    voter.refresh_from_db()
    assert voter.email.endswith("@erased.invalid") and voter.ballots.count() == 1
    kept = set(Participant.objects.exclude(pk=voter.pk).values_list("email", flat=True))
    assert kept == {resident.email, newcomer.email}

    done = ImplementationUpdate.objects.create(
        proposal=project, text="Gata.", progress=Progress.DONE, percent_done=100, published_at=later
    )
    services.publish_update(update=done)
    assert erase_idle_participants(now=later) == 0  # its last news is recent
    a_year_after = later + dt.timedelta(days=366)
    assert erase_idle_participants(now=a_year_after) == 2  # the proposer and the newcomer
    resident.refresh_from_db()
    assert resident.email.endswith("@erased.invalid") and resident.proposals.get() == project
    assert erase_idle_participants(now=a_year_after) == 0  # nothing more to do
    assert _votes(cycle) == votes
    assert not Participant.objects.exclude(email__endswith="@erased.invalid").exists()


def test_a_cycle_whose_results_are_recent_keeps_every_address(settings, cycle, district, resident):
    settings.BUDGET_PARTICIPANT_RETENTION_DAYS = 30
    make_proposal(cycle, district, resident)
    move_to(cycle, Phase.RESULTS)  # results published today
    Participant.objects.update(confirmed_at=timezone.now() - dt.timedelta(days=60))

    assert erase_idle_participants(now=timezone.now()) == 0
    assert erase_idle_participants(now=timezone.now() + dt.timedelta(days=25)) == 0
    assert erase_idle_participants(now=timezone.now() + dt.timedelta(days=32)) == 1
