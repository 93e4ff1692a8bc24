"""Net Promoter Score and satisfaction figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Avg, Count, Q

from .models import FeedbackResponse


@dataclass(frozen=True)
class NPS:
    responses: int
    promoters: int  # 9–10
    passives: int  # 7–8
    detractors: int  # 0–6

    @property
    def score(self) -> float | None:
        """% promoters minus % detractors, from -100 to 100; None without answers."""
        if not self.responses:
            return None
        return round(100 * (self.promoters - self.detractors) / self.responses, 1)


def nps(*, solution: str | None = None, since: dt.datetime | None = None) -> NPS:
    qs = FeedbackResponse.objects.all()
    if solution:
        qs = qs.filter(solution=solution)
    if since:
        qs = qs.filter(created_at__gte=since)
    counts = qs.aggregate(
        n=Count("id"),
        promoters=Count("id", filter=Q(score__gte=9)),
        passives=Count("id", filter=Q(score__in=(7, 8))),
        detractors=Count("id", filter=Q(score__lte=6)),
    )
    return NPS(counts["n"], counts["promoters"], counts["passives"], counts["detractors"])


def mean_score(*, solution: str | None = None) -> float | None:
    """Average 0–10 score, a plain satisfaction figure beside the NPS."""
    qs = FeedbackResponse.objects.all()
    if solution:
        qs = qs.filter(solution=solution)
    value = qs.aggregate(avg=Avg("score"))["avg"]
    return None if value is None else round(value, 2)
