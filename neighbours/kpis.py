"""KPIs of the vigilant neighbours (reported with the public safety network): active members,
with a bar per district, and the notices sent. Counts only; nobody is identified."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from portal.kpi.registry import KPI

from .selectors import active_members, active_members_by_district, notices_sent

KPIS = [
    KPI(
        key="neighbours.active_members",
        solution="safety",
        kind="outcome",
        unit=_("residents"),
        label=_("Vigilant neighbours (active members)"),
        compute=active_members,
        breakdown=active_members_by_district,
    ),
    KPI(
        key="neighbours.notices_sent",
        solution="safety",
        kind="output",
        unit=_("notices"),
        label=_("Safety notices sent to neighbours"),
        compute=notices_sent,
    ),
]
