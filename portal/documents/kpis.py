"""KPIs of the document registry: volume by channel, digital take-up, processing time,
overdue documents and visits of the tracking pages (the QR codes' use)."""

from __future__ import annotations

from statistics import median

from django.utils.translation import gettext_lazy as _

from portal.kpi.registry import KPI, interpolate_lazy

from .models import DIGITAL_CHANNELS, Channel, Document


def _by_channel(channel: str) -> int:
    return Document.objects.filter(channel=channel).count()


def share_online() -> float | None:
    """Per cent of documents filed without coming to the counter (online form or chatbot)."""
    total = Document.objects.count()
    if not total:
        return None
    return round(100 * Document.objects.filter(channel__in=DIGITAL_CHANNELS).count() / total, 1)


def median_processing_days() -> float | None:
    """Median days from registration to the decision, over decided documents."""
    spans = [
        (closed - registered).total_seconds() / 86400
        for registered, closed in Document.objects.filter(closed_at__isnull=False).values_list(
            "registered_at", "closed_at"
        )
    ]
    return round(median(spans), 1) if spans else None


def tracking_scans() -> int:
    from django.db.models import Sum

    return Document.objects.aggregate(total=Sum("tracking_scans"))["total"] or 0


KPIS = [
    *[
        KPI(
            key=f"portal.documents_registered_{channel.value}",
            solution="portal",
            kind="output",
            unit=_("documents"),
            label=interpolate_lazy(_("Documents registered: %(channel)s"), channel=channel.label),
            compute=lambda channel=channel.value: _by_channel(channel),
        )
        for channel in Channel
    ],
    KPI(
        key="portal.documents_share_online",
        solution="portal",
        kind="outcome",
        unit=_("%"),
        label=_("Share of documents filed online (digital take-up)"),
        compute=share_online,
    ),
    KPI(
        key="portal.documents_median_processing_days",
        solution="portal",
        kind="outcome",
        unit=_("days"),
        label=_("Median processing time"),
        compute=median_processing_days,
    ),
    KPI(
        key="portal.documents_overdue",
        solution="portal",
        kind="outcome",
        unit=_("documents"),
        label=_("Documents past their legal term"),
        compute=lambda: Document.objects.overdue().count(),
    ),
    KPI(
        key="portal.documents_tracking_scans",
        solution="portal",
        kind="outcome",
        unit=_("visits"),
        label=_("Tracking-page visits (QR scans)"),
        compute=tracking_scans,
    ),
]
