"""The personal-data purge: one job runs every app's retention rules (see contracts)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from .contracts import RetentionRule, retention_rules


def purge_personal_data(
    *, now: dt.datetime | None = None, rules: list[RetentionRule] | None = None
) -> dict[str, int]:
    """Run each app's retention rule at `now`; returns the records changed per rule key. Each
    rule commits on its own: a rule that fails leaves the ones before it done."""
    now = now or timezone.now()
    return {rule.key: rule.purge(now) for rule in (retention_rules() if rules is None else rules)}
