"""Reads of the participatory budget: the current cycle, ballots, transparent results, the
implementation tracker and anonymous statistics (groups under 5 people are never shown)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, QuerySet
from django.utils import timezone

from cctv.models import District

from .models import Ballot, Cycle, DistrictBudget, Participant, Phase, Progress, Proposal, ProposalPhoto

MIN_GROUP = 5  # the smallest group of people shown in any statistic


def current_cycle() -> Cycle | None:
    """The cycle of this year, else the latest that has started, else the next one."""
    today = timezone.localdate()
    started = Cycle.objects.filter(proposals_start__lte=today).order_by("-year").first()
    return started or Cycle.objects.order_by("year").first()


def proposal_photo(pk: int) -> ProposalPhoto | None:
    return ProposalPhoto.objects.select_related("proposal").filter(pk=pk).first()


def may_moderate(user: Any) -> bool:
    """Whether `user` works the moderation queue, where photos are seen before publishing."""
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.has_perm("budget.moderate_proposal") or user.has_perm("budget.change_proposal"))
    )


def public_proposals(cycle: Cycle, *, district: str = "") -> QuerySet[Proposal]:
    found = cycle.proposals.published().select_related("district").annotate(supporters=Count("follows"))
    if district:
        found = found.filter(district__slug=district)
    return found.order_by("district__name", "created_at")


def ballot_options(cycle: Cycle, district: District) -> QuerySet[Proposal]:
    return cycle.proposals.on_ballot().filter(district=district).order_by("created_at")


def district_budget(cycle: Cycle, district: District) -> DistrictBudget | None:
    return cycle.budgets.filter(district=district).first()


def has_voted(cycle: Cycle, participant: Participant | None) -> bool:
    return participant is not None and Ballot.objects.filter(cycle=cycle, participant=participant).exists()


# --- results -----------------------------------------------------------------------------------


@dataclass
class ResultRow:
    proposal: Proposal
    votes: int
    cost: int
    winner: bool = False


@dataclass
class DistrictResult:
    district: District
    budget: int
    rows: list[ResultRow] = field(default_factory=list)

    @property
    def spent(self) -> int:
        return sum(row.cost for row in self.rows if row.winner)


def rank_key(row: ResultRow) -> tuple:
    """The published tie rule: more votes first; on equal votes the lower cost, then the earlier
    submission (then the lower number, so the order is always total)."""
    return (-row.votes, row.cost, row.proposal.created_at, row.proposal.pk)


def results(cycle: Cycle) -> list[DistrictResult]:
    """Per district, the feasible projects in ranking order with their votes; going down the
    list each project with votes wins if it still fits in what is left of the district's budget."""
    found = []
    for budget in cycle.budgets.select_related("district"):
        projects = ballot_options(cycle, budget.district).annotate(count=Count("votes"))
        rows = sorted((ResultRow(p, p.count, p.cost) for p in projects), key=rank_key)
        left = budget.amount
        for row in rows:
            if row.votes > 0 and row.cost <= left:
                row.winner, left = True, left - row.cost
        found.append(DistrictResult(budget.district, budget.amount, rows))
    return found


def winning_projects(cycle: Cycle) -> list[Proposal]:
    """The winners, once results are public (empty before)."""
    if not cycle.results_public():
        return []
    return [row.proposal for result in results(cycle) for row in result.rows if row.winner]


def is_winner(proposal: Proposal) -> bool:
    return any(p.pk == proposal.pk for p in winning_projects(proposal.cycle))


# --- statistics (KPIs and open data) -----------------------------------------------------------


def participant_ids(cycle: Cycle) -> set[int]:
    """Everyone who proposed or voted in the cycle, each once."""
    voters = set(Ballot.objects.filter(cycle=cycle).values_list("participant_id", flat=True))
    proposers = set(cycle.proposals.exclude(proposer=None).values_list("proposer_id", flat=True))
    return voters | proposers


def participants_by(cycle: Cycle, attribute: str) -> list[tuple[str, int]]:
    """Participants of the cycle grouped by `district` or `age_group`; a group under MIN_GROUP
    is left out (with the others it still counts in the total)."""
    people = Participant.objects.filter(pk__in=participant_ids(cycle))
    if attribute == "district":
        counts = Counter(people.exclude(district=None).values_list("district__name", flat=True))
    else:
        labels = dict(Participant._meta.get_field("age_group").choices)
        counts = Counter(
            str(labels[v]) for v in people.exclude(age_group="").values_list("age_group", flat=True)
        )
    return sorted((name, n) for name, n in counts.items() if n >= MIN_GROUP)


def votes_per_project(cycle: Cycle) -> list[dict[str, Any]]:
    """Open-data rows: every project on a ballot with its district, cost, votes and outcome."""
    rows = []
    public = cycle.results_public()
    for result in results(cycle):
        for rank, row in enumerate(result.rows, start=1):
            rows.append(
                {
                    "cycle": cycle.year,
                    "district": result.district.name,
                    "project_id": row.proposal.pk,
                    "title": row.proposal.title,
                    "cost_ron": row.cost,
                    "votes": row.votes,
                    "rank": rank,
                    "winner": row.winner if public else "",
                }
            )
    return rows


def votes_per_district(cycle: Cycle) -> list[dict[str, Any]]:
    ballots = dict(
        Ballot.objects.filter(cycle=cycle).values_list("district__name").annotate(n=Count("id")).order_by()
    )
    return [
        {
            "cycle": cycle.year,
            "district": result.district.name,
            "budget_ron": result.budget,
            "ballots": ballots.get(result.district.name, 0),
            "votes": sum(row.votes for row in result.rows),
            "winners_cost_ron": result.spent if cycle.results_public() else "",
        }
        for result in results(cycle)
    ]


def share_implemented() -> float | None:
    """Of the winning projects of every cycle with public results, the % completed."""
    winners = [p for cycle in Cycle.objects.all() for p in winning_projects(cycle)]
    if not winners:
        return None
    return round(100 * sum(p.progress == Progress.DONE for p in winners) / len(winners), 1)


def in_phase(cycle: Cycle | None, phase: str) -> bool:
    return cycle is not None and cycle.phase() == Phase(phase)
