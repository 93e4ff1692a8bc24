"""CSV of the dashboards' current figures and of the KPI history (the published dataset)."""

from __future__ import annotations

import csv
import io
import json

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .dashboard import SolutionView, solutions
from .models import FundingCommitment, KPISnapshot

# The roadmap's progress categories as the dashboard names them.
CATEGORY_LABELS = {
    "completed": gettext_lazy("Completed"),
    "in_progress": gettext_lazy("In progress, on schedule"),
    "delayed": gettext_lazy("Delayed"),
    "not_started": gettext_lazy("Not started"),
    "cancelled": gettext_lazy("Cancelled"),
}


def _csv(header: list[str], rows: list[list[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode()


def dashboard_rows(views: list[SolutionView]) -> list[list[object]]:
    """One row per figure: KPIs, NPS, funding per source and roadmap percentages; labels and
    units in the active language. A figure an app already declares as a KPI (e.g. `chatbot.nps`)
    is listed once, as that KPI."""
    sources = dict(FundingCommitment.Source.choices)
    rows: list[list[object]] = []
    declared = {v.kpi.key for s in views for v in s.kpis}
    for s in views:
        for v in s.kpis:
            rows.append(
                [s.key, v.kpi.key, str(v.kpi.label), v.kpi.kind, str(v.kpi.unit), v.value, v.kpi.target]
            )
        if f"{s.key}.nps" not in declared:
            nps = _("Net Promoter Score")
            rows.append([s.key, f"{s.key}.nps", nps, "outcome", _("NPS"), s.nps.score, None])
        rows.append(
            [
                s.key,
                f"{s.key}.nps_responses",
                _("Questionnaire answers"),
                "output",
                _("answers"),
                s.nps.responses,
                None,
            ]
        )
        for source, amount in s.funding.items():
            rows.append(
                [
                    s.key,
                    f"{s.key}.funding.{source}",
                    _("Funding committed: %(source)s") % {"source": sources.get(source, source)},
                    "output",
                    _("RON"),
                    amount,
                    None,
                ]
            )
        if s.progress:
            for kind, percent in s.progress.percents.items():
                rows.append(
                    [
                        s.key,
                        f"{s.key}.roadmap.{kind}",
                        _("Activities: %(status)s") % {"status": CATEGORY_LABELS.get(kind, kind)},
                        "output",
                        _("%"),
                        percent,
                        None,
                    ]
                )
            rows.append(
                [
                    s.key,
                    f"{s.key}.roadmap.months",
                    _("Months ahead (+) or behind (-)"),
                    "outcome",
                    _("months"),
                    s.progress.months,
                    None,
                ]
            )
    return rows


def dashboard_csv() -> bytes:
    return _csv(
        ["solution", "indicator", "label", "kind", "unit", "value", "target"],
        dashboard_rows(solutions(with_history=False)),
    )


def history_csv() -> bytes:
    rows = KPISnapshot.objects.order_by("taken_at", "key").values_list(
        "taken_at", "solution", "key", "kind", "unit", "value"
    )
    return _csv(
        ["taken_at", "solution", "indicator", "kind", "unit", "value"],
        [[at.isoformat(), *rest] for at, *rest in rows],
    )


def history_json() -> bytes:
    rows = KPISnapshot.objects.order_by("taken_at", "key").values_list(
        "taken_at", "solution", "key", "kind", "unit", "value"
    )
    data = [
        {
            "taken_at": at.isoformat(),
            "solution": s,
            "indicator": k,
            "kind": kind,
            "unit": u,
            "value": None if v is None else float(v),
        }
        for at, s, k, kind, u, v in rows
    ]
    return json.dumps(data, ensure_ascii=False).encode()
