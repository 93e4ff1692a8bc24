"""Taking KPI snapshots."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from .models import KPISnapshot
from .registry import discover, source_text

log = logging.getLogger(__name__)


@dataclass
class SnapshotResult:
    taken_at: dt.datetime
    stored: list[KPISnapshot] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)


@transaction.atomic
def take_snapshot(
    *,
    at: dt.datetime | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> SnapshotResult:
    """Compute every registered KPI and store one snapshot row each, all with the same time.

    A KPI whose computation fails is reported and skipped, so one broken app cannot stop the
    others' history; taking a snapshot twice at the same time replaces the first.
    """
    result = SnapshotResult(taken_at=at or timezone.now())
    kpis = list(discover().values())
    for done, kpi in enumerate(kpis, start=1):
        try:
            with transaction.atomic():
                value = kpi.compute()
                snapshot, _ = KPISnapshot.objects.update_or_create(
                    key=kpi.key,
                    taken_at=result.taken_at,
                    defaults={
                        "solution": kpi.solution,
                        "kind": kpi.kind,
                        "unit": source_text(kpi.unit),
                        "value": None if value is None else Decimal(str(value)),
                    },
                )
            result.stored.append(snapshot)
        except Exception as exc:  # noqa: BLE001 - reported per KPI, see docstring
            log.exception("KPI %s failed", kpi.key)
            result.failed[kpi.key] = f"{type(exc).__name__}: {exc}"
        if progress:
            progress(done, len(kpis), kpi.key)
    return result
