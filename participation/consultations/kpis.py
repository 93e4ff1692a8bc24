"""KPIs of public participation: whether the city answers what residents say, and how many
residents take part in each consultation."""

from django.utils.translation import gettext_lazy as _

from portal.kpi.registry import KPI

from . import selectors

KPIS = [
    KPI(
        key="participation.comments_answered",
        solution="participation",
        kind="outcome",
        unit=_("%"),
        label=_("Consultation comments answered by the city"),
        compute=lambda: selectors.share_of_comments_answered(),
        target=100,
    ),
    KPI(
        key="participation.participants_per_consultation",
        solution="participation",
        kind="output",
        unit=_("people"),
        label=_("Residents taking part per public consultation"),
        compute=lambda: selectors.participants_per_consultation(),
        breakdown=lambda: selectors.participants_by_consultation(),
        breakdown_by=_("Consultation"),
    ),
]
