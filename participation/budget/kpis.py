"""KPIs of the participatory budget (with citizen participation): participants, proposals,
votes and the share of winning projects implemented. Groups under 5 people are never shown."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from portal.kpi.registry import KPI

from . import selectors
from .models import Vote


def _cycle():
    return selectors.current_cycle()


def _participants() -> int | None:
    cycle = _cycle()
    return len(selectors.participant_ids(cycle)) if cycle else None


def _by(attribute: str):
    def breakdown() -> list[tuple[str, int]]:
        cycle = _cycle()
        return selectors.participants_by(cycle, attribute) if cycle else []

    return breakdown


def _proposals() -> int | None:
    cycle = _cycle()
    return cycle.proposals.count() if cycle else None


def _votes() -> int | None:
    cycle = _cycle()
    return Vote.objects.filter(ballot__cycle=cycle).count() if cycle else None


KPIS = [
    KPI(
        key="budget.participants",
        solution="participation",
        kind="outcome",
        unit=_("people"),
        label=_("Participatory budget: people taking part this cycle"),
        compute=_participants,
        breakdown=_by("district"),
    ),
    KPI(
        key="budget.participants_by_age",
        solution="participation",
        kind="outcome",
        unit=_("people"),
        label=_("Participatory budget: people taking part, by age group"),
        compute=_participants,
        breakdown=_by("age_group"),
        breakdown_by=_("Age group"),
    ),
    KPI(
        key="budget.proposals",
        solution="participation",
        kind="output",
        unit=_("proposals"),
        label=_("Participatory budget: proposals this cycle"),
        compute=_proposals,
    ),
    KPI(
        key="budget.votes",
        solution="participation",
        kind="output",
        unit=_("votes"),
        label=_("Participatory budget: votes this cycle"),
        compute=_votes,
    ),
    KPI(
        key="budget.winners_implemented",
        solution="participation",
        kind="outcome",
        unit=_("%"),
        label=_("Participatory budget: winning projects implemented"),
        compute=selectors.share_implemented,
        target=100,
    ),
]
