"""The KPI contract: apps declare KPIS in kpis.py; snapshots store each value at one time."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from portal.kpi import registry
from portal.kpi.models import KPISnapshot
from portal.kpi.registry import KPI
from portal.kpi.selectors import history
from portal.kpi.services import take_snapshot


def test_discovery_finds_the_service_catalogue_kpis():
    kpis = registry.discover()
    assert kpis["portal.services_published"].solution == "portal"
    assert all(k.kind in ("output", "outcome") for k in kpis.values())


def test_a_kpi_with_an_unknown_solution_is_rejected():
    with pytest.raises(ValueError, match="unknown solution"):
        KPI(key="x", solution="moon", kind="output", unit="n", label="x", compute=lambda: 1)


@pytest.mark.django_db
def test_snapshot_stores_current_values(demo_city):
    from wagtail.models import Locale

    from portal.services.models import ServicePage

    published = ServicePage.objects.live().filter(locale=Locale.get_default()).count()
    result = take_snapshot()

    stored = {s.key: s for s in result.stored}
    assert stored["portal.services_published"].value == published
    assert 0 < stored["portal.services_online"].value <= 100
    assert not result.failed


@pytest.mark.django_db
def test_a_failing_kpi_is_reported_and_the_others_are_kept(monkeypatch):
    def broken():
        raise RuntimeError("source offline")

    good = KPI(key="t.good", solution="map", kind="output", unit="n", label="good", compute=lambda: 7)
    bad = KPI(key="t.bad", solution="map", kind="output", unit="n", label="bad", compute=broken)
    monkeypatch.setattr("portal.kpi.services.discover", lambda: {"t.good": good, "t.bad": bad})

    result = take_snapshot()

    assert [s.key for s in result.stored] == ["t.good"]
    assert "source offline" in result.failed["t.bad"]
    assert KPISnapshot.objects.get(key="t.good").value == 7


@pytest.mark.django_db
def test_history_and_latest(monkeypatch):
    values = iter([1, 2])
    kpi = KPI(key="t.n", solution="cctv", kind="output", unit="n", label="n", compute=lambda: next(values))
    monkeypatch.setattr("portal.kpi.services.discover", lambda: {"t.n": kpi})
    t0 = timezone.now() - dt.timedelta(days=1)
    take_snapshot(at=t0)
    take_snapshot()

    assert [s.value for s in history("t.n")] == [1, 2]


@pytest.mark.django_db
def test_snapshot_command_shows_progress(capsys, demo_city):
    call_command("snapshot_kpis")
    out = capsys.readouterr().out
    assert "[1/" in out and "portal.services_published" in out and "0 failed" in out


def test_safety_and_participation_kpis_have_solutions_of_their_own():
    kpis = registry.discover()
    by_prefix = {
        "safety.": "safety",
        "neighbours.": "safety",
        "participation.": "participation",
        "budget.": "participation",
    }
    for prefix, solution in by_prefix.items():
        declared = [k for k in kpis.values() if k.key.startswith(prefix)]
        assert declared and {k.solution for k in declared} == {solution}, prefix


@pytest.mark.django_db
def test_history_taken_under_the_old_solutions_moves_with_the_kpis():
    import importlib

    from django.apps import apps

    at = timezone.now()
    old = {"safety.call_points": "cctv", "neighbours.active_members": "cctv", "budget.votes": "portal",
           "participation.comments_answered": "portal", "cctv.cameras": "cctv"}  # fmt: skip
    for key, solution in old.items():
        KPISnapshot.objects.create(key=key, taken_at=at, solution=solution, kind="output", unit="n", value=1)
    migration = importlib.import_module("portal.kpi.migrations.0004_solutions_safety_participation")

    migration.forwards(apps, None)

    moved = dict(KPISnapshot.objects.values_list("key", "solution"))
    assert moved == {"safety.call_points": "safety", "neighbours.active_members": "safety",
                     "budget.votes": "participation", "participation.comments_answered": "participation",
                     "cctv.cameras": "cctv"}  # fmt: skip
    migration.backwards(apps, None)
    assert dict(KPISnapshot.objects.values_list("key", "solution")) == old
