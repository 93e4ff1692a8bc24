"""The demo plan: every solution's roadmap and funding, loaded once however often it runs."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from portal.kpi.demo import data
from portal.kpi.models import Activity, FundingCommitment, Initiative
from portal.kpi.registry import SOLUTIONS


@pytest.mark.django_db
def test_demo_plan_is_loaded_once_for_known_solutions(capsys):
    call_command("load_demo_kpi")
    call_command("load_demo_kpi")
    assert "[2/2]" in capsys.readouterr().out
    assert Initiative.objects.count() == len(data.ROADMAP)
    assert Activity.objects.count() == sum(len(spec.activities) for spec in data.ROADMAP)
    assert FundingCommitment.objects.count() == len(data.FUNDING)
    solutions = set(Initiative.objects.values_list("solution", flat=True))
    assert solutions <= set(SOLUTIONS)
    assert solutions == {spec.solution for spec in data.ROADMAP}
    first = data.ROADMAP[0].activities[0]
    activity = Activity.objects.get(initiative__title=data.ROADMAP[0].title, title=first.title)
    assert (activity.status, activity.planned_end, activity.actual_end) == (
        first.status,
        first.planned_end,
        first.actual_end,
    )
