"""Open data from the registry: monthly throughput in aggregate (counts and median days per
month, channel and department). No numbers, subjects, names or anything else personal."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from statistics import median

from django.utils import timezone

from portal.core.contracts import PublishedDataset, PublishedResource

from .models import Document

COLUMNS = ["month", "channel", "department", "registered", "decided", "median_processing_days"]


def monthly_throughput() -> list[dict[str, object]]:
    """Rows of registered and decided documents per month, channel and department."""
    registered: dict[tuple[str, str, str], int] = defaultdict(int)
    spans: dict[tuple[str, str, str], list[float]] = defaultdict(list)
    rows = Document.objects.select_related("department").only(
        "registered_at", "closed_at", "channel", "department__title"
    )
    for document in rows.iterator():
        department = document.department.title if document.department else ""
        month = timezone.localtime(document.registered_at).strftime("%Y-%m")
        registered[(month, document.channel, department)] += 1
        if document.closed_at:
            closed_month = timezone.localtime(document.closed_at).strftime("%Y-%m")
            days = (document.closed_at - document.registered_at).total_seconds() / 86400
            spans[(closed_month, document.channel, department)].append(days)
    keys = sorted(set(registered) | set(spans))
    return [
        {
            "month": month,
            "channel": channel,
            "department": department,
            "registered": registered.get((month, channel, department), 0),
            "decided": len(spans.get((month, channel, department), [])),
            "median_processing_days": round(median(spans[(month, channel, department)]), 1)
            if spans.get((month, channel, department))
            else "",
        }
        for month, channel, department in keys
    ]


def throughput_csv() -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(monthly_throughput())
    return buffer.getvalue().encode("utf-8")


DATASETS = [
    PublishedDataset(
        key="document-registry-throughput",
        title="Document registry: monthly throughput",
        description=(
            "Documents registered and decided by the city hall each month, by channel (online, "
            "counter, e-mail, post, chatbot) and department, with the median processing time in "
            "days. Aggregates only: no personal data."
        ),
        organization="Registratură",
        resources=[
            PublishedResource(
                name="document-registry-throughput.csv",
                format="CSV",
                produce=throughput_csv,
                description="month, channel, department, registered, decided, median_processing_days",
            )
        ],
        tags=["registratura", "e-guvernare", "servicii publice"],
        themes=["GOVE"],
        frequency="monthly",
    )
]
