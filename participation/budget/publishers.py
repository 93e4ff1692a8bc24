"""Open datasets of the participatory budget (collected by opendata): proposals, and votes per
project and per district. No personal data: no e-mail, no proposer, no ballot of anyone."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.contracts import PublishedDataset, PublishedResource

from . import selectors
from .maplayers import proposal_features
from .models import Cycle, Proposal

PROPOSAL_FIELDS = [
    "id",
    "cycle",
    "district",
    "title",
    "description",
    "latitude",
    "longitude",
    "cost_estimate_ron",
    "assessed_cost_ron",
    "feasibility",
    "public_reason",
    "submitted_on",
    "answered_on",
    "implementation_status",
    "percent_done",
]


def _csv(fields: list[str], rows: list[dict[str, Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields)
    writer.writeheader()
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode()  # BOM: spreadsheet programs read the diacritics


def proposal_rows() -> list[dict[str, Any]]:
    rows = []
    for p in Proposal.objects.published().select_related("cycle", "district").order_by("cycle__year", "pk"):
        rows.append(
            {
                "id": p.pk,
                "cycle": p.cycle.year,
                "district": p.district.name,
                "title": p.title,
                "description": p.description,
                "latitude": round(p.location.y, 6),
                "longitude": round(p.location.x, 6),
                "cost_estimate_ron": p.cost_estimate,
                "assessed_cost_ron": p.assessed_cost if p.assessed_cost is not None else "",
                "feasibility": p.feasibility,
                "public_reason": p.public_reason if p.answered_at else "",
                "submitted_on": timezone.localdate(p.created_at).isoformat(),
                "answered_on": timezone.localdate(p.answered_at).isoformat() if p.answered_at else "",
                "implementation_status": p.progress,
                "percent_done": p.percent_done,
            }
        )
    return rows


def proposals_csv() -> bytes:
    return _csv(PROPOSAL_FIELDS, proposal_rows())


def proposals_geojson() -> bytes:
    features = list(proposal_features())
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False).encode()


def votes_per_project_csv() -> bytes:
    fields = ["cycle", "district", "project_id", "title", "cost_ron", "votes", "rank", "winner"]
    rows = [row for cycle in Cycle.objects.order_by("year") for row in selectors.votes_per_project(cycle)]
    return _csv(fields, rows)


def votes_per_district_csv() -> bytes:
    fields = ["cycle", "district", "budget_ron", "ballots", "votes", "winners_cost_ron"]
    rows = [row for cycle in Cycle.objects.order_by("year") for row in selectors.votes_per_district(cycle)]
    return _csv(fields, rows)


DATASETS = [
    PublishedDataset(
        key="participatory-budget-proposals",
        title=_("Participatory budget: proposals"),
        description=_(
            "Residents' published proposals for the participatory budget: place, district, cost "
            "estimate, the city's feasibility answer with its public reasons, and implementation."
        ),
        resources=[
            PublishedResource("participatory-budget-proposals.csv", "CSV", proposals_csv),
            PublishedResource("participatory-budget-proposals.geojson", "GeoJSON", proposals_geojson),
        ],
        tags=["participatory-budget", "participation", "proposals"],
        themes=["GOVE", "ECON"],
    ),
    PublishedDataset(
        key="participatory-budget-votes",
        title=_("Participatory budget: votes per project and district"),
        description=_(
            "Votes counted for every project on the ballot, with its rank and outcome under the "
            "published tie rule, and ballots and votes per district. Counts only, nobody's ballot."
        ),
        resources=[
            PublishedResource("participatory-budget-votes-per-project.csv", "CSV", votes_per_project_csv),
            PublishedResource("participatory-budget-votes-per-district.csv", "CSV", votes_per_district_csv),
        ],
        tags=["participatory-budget", "participation", "votes"],
        themes=["GOVE"],
    ),
]
