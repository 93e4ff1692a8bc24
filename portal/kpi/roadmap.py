"""Roadmap progress: % of activities completed, delayed, in progress, not started or cancelled,
and how many months ahead (+) or behind (−) schedule a solution is.

Rules (as of a day `today`):
- cancelled / completed: the recorded status;
- delayed: not finished and either its planned end has passed, or it has not started although
  its planned start has passed;
- in progress: started and within its planned end; not started: the rest.
Schedule variance of an activity, in months of 30.4375 days: planned end − actual end when
completed (early is positive); for an open activity past its planned end, planned end − today
(negative); 0 for an open activity still within schedule; cancelled ones do not count. A
solution's variance is the mean over its counted activities.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from .models import Activity

DAYS_PER_MONTH = 365.25 / 12
CATEGORIES = ("completed", "in_progress", "delayed", "not_started", "cancelled")


def category(activity: Activity, today: dt.date) -> str:
    """The progress category of one activity (see the module's rules)."""
    status = activity.status
    if status == Activity.Status.CANCELLED:
        return "cancelled"
    if status == Activity.Status.COMPLETED:
        return "completed"
    started = status == Activity.Status.IN_PROGRESS or activity.actual_start is not None
    if activity.planned_end < today:
        return "delayed"
    if not started:
        if activity.planned_start is not None and activity.planned_start < today:
            return "delayed"
        return "not_started"
    return "in_progress"


def variance_days(activity: Activity, today: dt.date) -> int | None:
    """Days ahead (+) or behind (−) schedule; None for cancelled activities."""
    kind = category(activity, today)
    if kind == "cancelled":
        return None
    if kind == "completed":
        return (activity.planned_end - activity.actual_end).days
    if activity.planned_end < today:
        return (activity.planned_end - today).days
    return 0


@dataclass
class Progress:
    total: int = 0
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    variances: list[int] = field(default_factory=list)

    def percent(self, kind: str) -> float | None:
        if not self.total:
            return None
        return round(100 * self.counts[kind] / self.total, 1)

    @property
    def percents(self) -> dict[str, float | None]:
        return {kind: self.percent(kind) for kind in CATEGORIES}

    @property
    def months(self) -> float | None:
        """Mean months ahead (+) or behind (−), 1 decimal; None without scheduled activities."""
        if not self.variances:
            return None
        return round(sum(self.variances) / len(self.variances) / DAYS_PER_MONTH, 1)


def progress_of(activities: Iterable[Activity], today: dt.date) -> Progress:
    result = Progress()
    for activity in activities:
        result.total += 1
        result.counts[category(activity, today)] += 1
        days = variance_days(activity, today)
        if days is not None:
            result.variances.append(days)
    return result


def progress_by_solution(today: dt.date) -> dict[str, Progress]:
    """Roadmap progress of every solution that has activities."""
    grouped: dict[str, list[Activity]] = {}
    for activity in Activity.objects.select_related("initiative"):
        grouped.setdefault(activity.initiative.solution, []).append(activity)
    return {solution: progress_of(items, today) for solution, items in grouped.items()}
