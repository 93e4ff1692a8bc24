"""Test data for the participatory budget, built through the app's own services where a rule
applies (proposals, ballots), so tests exercise the same paths as residents."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from participation.budget.models import Cycle, DistrictBudget, Participant, Phase
from portal.core.city import get_city
from tests.factories import DistrictFactory

# Days from today at which each phase starts, so that the cycle is in `phase` today.
_OFFSETS = {
    Phase.PROPOSALS: (0, 10, 20, 30, 40),
    Phase.REVIEW: (-10, 0, 20, 30, 40),
    Phase.VOTING: (-20, -10, 0, 30, 40),
    Phase.RESULTS: (-30, -20, -10, 0, 40),
    Phase.IMPLEMENTATION: (-40, -30, -20, -10, 0),
}


def phase_dates(phase: str) -> dict[str, dt.date]:
    today = timezone.localdate()
    names = ["proposals_start", "review_start", "voting_start", "results_start", "implementation_start"]
    return {name: today + dt.timedelta(days=days) for name, days in zip(names, _OFFSETS[phase], strict=True)}


class CycleFactory(DjangoModelFactory):
    class Meta:
        model = Cycle

    year = factory.LazyFunction(lambda: timezone.localdate().year)
    title = "Bugetare participativă"
    max_spend_per_ballot = 500_000
    proposals_start = factory.LazyFunction(lambda: phase_dates(Phase.PROPOSALS)["proposals_start"])
    review_start = factory.LazyFunction(lambda: phase_dates(Phase.PROPOSALS)["review_start"])
    voting_start = factory.LazyFunction(lambda: phase_dates(Phase.PROPOSALS)["voting_start"])
    results_start = factory.LazyFunction(lambda: phase_dates(Phase.PROPOSALS)["results_start"])
    implementation_start = factory.LazyFunction(lambda: phase_dates(Phase.PROPOSALS)["implementation_start"])


def move_to(cycle: Cycle, phase: str) -> Cycle:
    """Set the cycle's dates so that today falls in `phase`."""
    for name, value in phase_dates(phase).items():
        setattr(cycle, name, value)
    cycle.save()
    return cycle


class DistrictBudgetFactory(DjangoModelFactory):
    class Meta:
        model = DistrictBudget

    cycle = factory.SubFactory(CycleFactory)
    district = factory.SubFactory(DistrictFactory)
    amount = 1_000_000


class ParticipantFactory(DjangoModelFactory):
    """A participant with a confirmed address and a declared residence (pass `district`)."""

    class Meta:
        model = Participant

    email = factory.Sequence(lambda n: f"rezident{n}@example.org")
    confirmed_at = factory.LazyFunction(timezone.now)
    residence_declared_at = factory.LazyFunction(timezone.now)
    age_group = "25-39"


def city_point(dlat: float = 0.0, dlon: float = 0.0) -> tuple[float, float]:
    """A point near the city's centre (lat, lon), from the city's own settings."""
    lat, lon = get_city().center
    return lat + dlat, lon + dlon


def make_proposal(cycle, district, participant, *, title="Bănci noi în parc", cost=100_000, **answer):
    """A proposal submitted in the proposals phase, published, and answered when `answer` says so
    (feasibility, assessed_cost, public_reason); the cycle's phase is put back afterwards."""
    from participation.budget import services

    dates = {name: getattr(cycle, name) for name in phase_dates(Phase.PROPOSALS)}
    move_to(cycle, Phase.PROPOSALS)
    lat, lon = city_point(0.001 * cycle.proposals.count(), 0.001)
    proposal = services.submit_proposal(
        participant=participant,
        cycle=cycle,
        district=district,
        title=title,
        description="Descriere.",
        address="",
        lat=lat,
        lon=lon,
        cost_estimate=cost,
    )
    for name, value in dates.items():
        setattr(cycle, name, value)
    cycle.save()
    proposal.moderation = "published"
    for name, value in answer.items():
        setattr(proposal, name, value)
    proposal.save()
    return proposal
