"""Open-data KPIs from the city's plan: datasets published, downloads by category, dataset
requests received and fulfilled, and satisfaction from the shared questionnaire."""

from __future__ import annotations

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from portal.feedback import selectors as feedback
from portal.kpi.registry import KPI, interpolate_lazy

from .models import THEMES, Dataset, DatasetRequest, Resource


def datasets_published() -> int:
    return Dataset.objects.public().count()


def downloads(theme: str | None = None) -> int:
    qs = Resource.objects.filter(dataset__state=Dataset.State.ACTIVE)
    if theme:
        qs = qs.filter(dataset__themes__code=theme)
    return qs.aggregate(n=Sum("downloads"))["n"] or 0


def _downloads_of(code: str):
    return lambda: downloads(code)


KPIS = [
    KPI(
        "opendata_datasets_published",
        "opendata",
        "output",
        _("datasets"),
        _("Datasets published"),
        datasets_published,
    ),
    KPI("opendata_downloads", "opendata", "outcome", _("downloads"), _("Downloads of open data"), downloads),
    *[
        KPI(
            f"opendata_downloads_{code.lower()}",
            "opendata",
            "outcome",
            _("downloads"),
            interpolate_lazy(_("Downloads: %(theme)s"), theme=label),
            _downloads_of(code),
        )
        for code, label in THEMES.items()
    ],
    KPI(
        "opendata_requests_received",
        "opendata",
        "output",
        _("requests"),
        _("Dataset requests received"),
        lambda: DatasetRequest.objects.count(),
    ),
    KPI(
        "opendata_requests_fulfilled",
        "opendata",
        "outcome",
        _("requests"),
        _("Dataset requests fulfilled"),
        lambda: DatasetRequest.objects.filter(status=DatasetRequest.Status.FULFILLED).count(),
    ),
    KPI(
        "opendata_satisfaction",
        "opendata",
        "outcome",
        _("score 0–10"),
        _("Open data: satisfaction"),
        lambda: feedback.mean_score(solution="opendata"),
    ),
    KPI(
        "opendata_nps",
        "opendata",
        "outcome",
        _("NPS"),
        _("Open data: Net Promoter Score"),
        lambda: feedback.nps(solution="opendata").score,
    ),
]
