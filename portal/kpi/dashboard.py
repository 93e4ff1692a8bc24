"""What the KPI dashboards show, per solution: every app's KPIs (current value, target, history,
breakdown), satisfaction (NPS from the shared questionnaire), funding committed by source and
roadmap progress. Shared by the public page, the staff page and the CSV export."""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Sum
from django.utils import timezone

from portal.feedback.selectors import NPS, nps

from .models import FundingCommitment, KPISnapshot
from .registry import KPI, SOLUTIONS, discover
from .roadmap import Progress, progress_by_solution

log = logging.getLogger(__name__)


@dataclass
class KPIView:
    kpi: KPI
    value: float | None
    error: str = ""
    history: list[tuple[dt.datetime, float]] = field(default_factory=list)
    breakdown: list[tuple[str, float]] = field(default_factory=list)


@dataclass
class SolutionView:
    key: str
    title: str
    kpis: list[KPIView]
    nps: NPS
    funding: dict[str, Decimal]
    funding_total: Decimal
    progress: Progress | None


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


def kpi_views(*, with_history: bool = True) -> list[KPIView]:
    """Every KPI's current value (computed now; a failing one is shown as unavailable)."""
    kpis = list(discover().values())
    history: dict[str, list[tuple[dt.datetime, float]]] = defaultdict(list)
    if with_history:
        rows = KPISnapshot.objects.filter(value__isnull=False).order_by("taken_at")
        for key, at, value in rows.values_list("key", "taken_at", "value"):
            history[key].append((at, float(value)))
    views = []
    for kpi in kpis:
        try:
            view = KPIView(kpi, _number(kpi.compute()), history=history.get(kpi.key, []))
            if kpi.breakdown is not None:
                view.breakdown = [(str(label), float(v)) for label, v in kpi.breakdown() if v is not None]
        except Exception as exc:  # noqa: BLE001 - one app's failure must not hide the dashboard
            log.exception("KPI %s failed", kpi.key)
            view = KPIView(kpi, None, error=type(exc).__name__)
        views.append(view)
    return views


def funding_by_solution() -> dict[str, dict[str, Decimal]]:
    totals: dict[str, dict[str, Decimal]] = defaultdict(
        lambda: dict.fromkeys(FundingCommitment.Source.values, Decimal(0))
    )
    rows = FundingCommitment.objects.values("solution", "source").annotate(total=Sum("amount"))
    for row in rows:
        # SQLite sums decimals as floats: bring every total back to cents.
        totals[row["solution"]][row["source"]] = Decimal(str(row["total"])).quantize(Decimal("0.01"))
    return totals


def solutions(*, today: dt.date | None = None, with_history: bool = True) -> list[SolutionView]:
    """One entry per solution of the plan, in the plan's order."""
    today = today or timezone.localdate()
    by_solution: dict[str, list[KPIView]] = defaultdict(list)
    for view in kpi_views(with_history=with_history):
        by_solution[view.kpi.solution].append(view)
    funding = funding_by_solution()
    progress = progress_by_solution(today)
    result = []
    for key, title in SOLUTIONS.items():
        money = funding.get(key) or dict.fromkeys(FundingCommitment.Source.values, Decimal(0))
        result.append(
            SolutionView(
                key=key,
                title=str(title),
                kpis=sorted(by_solution.get(key, []), key=lambda v: (v.kpi.kind != "output", v.kpi.key)),
                nps=nps(solution=key),
                funding=money,
                funding_total=sum(money.values(), Decimal(0)),
                progress=progress.get(key),
            )
        )
    return result
