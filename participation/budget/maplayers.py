"""Published participatory-budget proposals as a live map layer shown by gis (no personal data)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.core.contracts import LiveLayer

from .models import Proposal


def proposal_feature(proposal: Proposal) -> dict[str, Any]:
    return {
        "type": "Feature",
        "id": proposal.pk,
        "geometry": {"type": "Point", "coordinates": [proposal.location.x, proposal.location.y]},
        "properties": {
            "name": proposal.title,
            "cycle": proposal.cycle.year,
            "district": proposal.district.name,
            "cost_ron": proposal.cost,
            "feasibility": proposal.feasibility,
            "progress": proposal.progress,
            "url": reverse("budget:proposal", args=[proposal.pk]),
        },
    }


def proposal_features() -> Iterator[dict[str, Any]]:
    for proposal in Proposal.objects.published().select_related("cycle", "district").order_by("pk"):
        yield proposal_feature(proposal)


LAYERS = [
    LiveLayer(
        key="budget-proposals",
        title=_("Participatory budget proposals"),
        module="participation",
        geometry_type="Point",
        features=proposal_features,
        description=_("Residents' proposals for the participatory budget: district, cost and status."),
        color="#6a3d9a",
    )
]
