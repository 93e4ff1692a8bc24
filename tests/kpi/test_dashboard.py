"""KPI dashboards: roadmap percentages, months ahead/behind, funding, NPS and density shown on the
public and staff pages and in the CSV, checked against hand-computed values."""

import csv
import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from django.utils import translation

from portal.feedback.services import record_feedback
from portal.kpi.models import Activity
from portal.kpi.registry import discover
from portal.kpi.roadmap import progress_of
from tests.factories import (
    ActivityFactory,
    CameraFactory,
    DistrictFactory,
    FundingCommitmentFactory,
    InitiativeFactory,
    UserFactory,
)

TODAY = dt.date(2026, 6, 15)
D = dt.date


def activity(status, planned_end, *, planned_start=None, actual_start=None, actual_end=None):
    return Activity(
        title="a",
        status=status,
        planned_start=planned_start,
        planned_end=planned_end,
        actual_start=actual_start,
        actual_end=actual_end,
    )


def test_roadmap_progress_matches_hand_computed_values():
    items = [
        activity("completed", D(2026, 3, 31), actual_end=D(2026, 2, 28)),  # done 31 days early
        activity("completed", D(2026, 1, 31), actual_end=D(2026, 4, 1)),  # done 60 days late
        activity("in_progress", D(2026, 5, 15), actual_start=D(2026, 1, 1)),  # overdue by 31 days: delayed
        activity("in_progress", D(2026, 9, 30), actual_start=D(2026, 6, 1)),  # on schedule: 0
        activity("not_started", D(2026, 12, 31), planned_start=D(2026, 6, 1)),  # should have started: delayed
        activity("not_started", D(2027, 3, 31), planned_start=D(2026, 9, 1)),  # not started
        activity("cancelled", D(2026, 2, 1)),  # cancelled: no variance
        activity("not_started", D(2027, 6, 30)),  # not started
    ]
    p = progress_of(items, TODAY)
    assert p.total == 8
    assert p.percents == {
        "completed": 25.0,
        "in_progress": 12.5,
        "delayed": 25.0,
        "not_started": 25.0,
        "cancelled": 12.5,
    }
    # variances (days): +31, −60, −31, 0, 0, 0, 0 → mean −60/7 = −8.571 days = −0.28 months → −0.3
    assert p.variances == [31, -60, -31, 0, 0, 0, 0]
    assert p.months == round(-60 / 7 / (365.25 / 12), 1) == -0.3


@pytest.fixture
def plan(db):
    initiative = InitiativeFactory(solution="cctv", title="Phase 1: parking")
    today = dt.date.today()
    ActivityFactory(
        initiative=initiative,
        title="Procure",
        status="completed",
        planned_end=today - dt.timedelta(days=40),
        actual_end=today - dt.timedelta(days=70),
    )
    ActivityFactory(
        initiative=initiative,
        title="Install",
        status="in_progress",
        planned_end=today + dt.timedelta(days=30),
        actual_start=today - dt.timedelta(days=5),
    )
    ActivityFactory(initiative=initiative, title="Signs", status="cancelled", planned_end=today)
    ActivityFactory(
        initiative=initiative,
        title="Phase 2",
        status="not_started",
        planned_start=today + dt.timedelta(days=60),
        planned_end=today + dt.timedelta(days=200),
    )
    FundingCommitmentFactory(source="city", funder="Municipiul Arad", amount=Decimal("1200000"))
    FundingCommitmentFactory(source="partner_city", funder="Szeged", amount=Decimal("300000.50"))
    FundingCommitmentFactory(solution="map", source="ecosystem", funder="Telecom SA", amount=Decimal("50000"))
    centru = DistrictFactory(name="Centru", slug="centru", road_km=Decimal("40"))
    gai = DistrictFactory(name="Gai", slug="gai", road_km=Decimal("25.5"))
    for i in range(10):
        CameraFactory(district=centru, code=f"C{i}")
    for i in range(3):
        CameraFactory(district=gai, code=f"G{i}")
    for score in [10, 9, 9, 8, 7, 6, 5, 3, 0, 6]:  # NPS −20 (3 promoters, 5 detractors of 10)
        record_feedback(solution="cctv", score=score)
    for score in [10, 10, 9, 2]:  # NPS +50
        record_feedback(solution="map", score=score)


def _cell(html: str, marker: str) -> str:
    start = html.index(marker) + len(marker)
    return html[start : html.index("<", start)]


@pytest.mark.django_db
def test_public_dashboard_shows_correct_density_nps_funding_and_roadmap(client, plan):
    html = client.get("/en/kpi/").content.decode()

    assert _cell(html, 'id="kpi-cctvdensity_per_road_km"') and 'data-value="0.198"' in html  # 13 / 65.5
    assert 'data-value="13.0"' in html  # cameras in service
    row = html[html.index('id="nps-cctv"') :]
    assert 'data-nps="-20.0"' in row[:600]
    assert 'data-nps="50.0"' in html[html.index('id="nps-map"') :][:600]
    roadmap = html[html.index('id="roadmap-cctv"') :]
    assert 'data-kind="completed">25.0 %' in roadmap and 'data-kind="cancelled">25.0 %' in roadmap
    assert 'data-kind="not_started">25.0 %' in roadmap and 'data-kind="in_progress">25.0 %' in roadmap
    assert 'data-kind="months">0.3<' in roadmap  # (+30 + 0 + 0) / 3 days = 10 days = 0.33 months
    assert "1,500,000.50" in html  # cctv funding total
    assert html.count("<svg") >= 2 and "<title" in html and "<caption" in html  # charts + tables
    assert "Centru" in html  # per-district density bars


@pytest.mark.django_db
def test_csv_export_and_published_history(client, plan):
    from portal.core.contracts import published_datasets
    from portal.kpi.services import take_snapshot

    response = client.get("/en/kpi/dashboard.csv")
    rows = {r["indicator"]: r for r in csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))}
    assert rows["cctv.density_per_road_km"]["value"] == "0.198"
    assert rows["cctv.nps"]["value"] == "-20.0"
    assert rows["cctv.funding.partner_city"]["value"] == "300000.50"
    assert rows["cctv.roadmap.completed"]["value"] == "25.0"

    take_snapshot()
    dataset = next(d for d in published_datasets() if d.key == "kpi-history")
    history = dataset.resources[0].produce().decode("utf-8-sig")
    assert "cctv.cameras" in history and "13.0000" in history


@pytest.mark.django_db
def test_staff_dashboard_needs_the_kpi_viewer_role(client, plan):
    viewer = UserFactory(username="viewer", groups=["KPI viewers"])
    outsider = UserFactory(username="outsider", groups=["Editors"])

    client.force_login(outsider)
    assert client.get("/admin/kpi/").status_code in (302, 403)
    client.force_login(viewer)
    response = client.get("/admin/kpi/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Procure" in html and 'data-value="0.198"' in html


@pytest.mark.django_db
def test_dashboards_of_the_demo_city_render_with_their_gauges(client, demo_city):
    from django.core.management import call_command

    call_command("load_demo_cctv", verbosity=0)
    call_command("load_demo_kpi", verbosity=0)
    for language in ("ro", "en", "hu"):
        response = client.get(f"/{language}/kpi/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "A90,90 0 0 1" in html  # a target's gauge is drawn
    admin = UserFactory(username="root", email="root@example.org", admin=True)
    client.force_login(admin)
    assert client.get("/admin/kpi/").status_code == 200


@pytest.mark.django_db
def test_the_safety_network_and_participation_are_sections_of_their_own(client):
    kpis = discover()
    for language, titles in {
        "en": ("Public safety network", "Citizen participation"),
        "ro": ("Rețeaua de siguranță publică", "Participare cetățenească"),
        "hu": ("Közbiztonsági hálózat", "Állampolgári részvétel"),
    }.items():
        with translation.override(language):
            labels = {key: str(kpi.label) for key, kpi in kpis.items()}
        html = client.get(f"/{language}/kpi/").content.decode()
        for key, title in zip(("safety", "participation"), titles, strict=True):
            start = html.index(f'id="solution-{key}"')
            section = html[start : html.index("</section>", start)]
            assert f">{title}</h2>" in section
            mine = [k for k, kpi in kpis.items() if kpi.solution == key]
            assert mine and all(labels[k] in section for k in mine), (language, key)


def test_each_breakdown_table_is_headed_by_what_its_rows_are(client, demo_city):
    from django.core.management import call_command

    call_command("load_demo_cctv", verbosity=0)
    call_command("load_demo_safety", verbosity=0)
    html = client.get("/hu/kpi/").content.decode()
    tables = re.findall(
        r'<table class="table"><caption>(.*?)</caption>\s*<thead><tr><th scope="col">(.*?)</th>', html, re.S
    )
    headings = {caption: heading for caption, heading in tables}
    with translation.override("hu"):
        by_month = str(discover()["safety.acknowledge_p50"].label)
        by_district = str(discover()["cctv.density_per_road_km"].label)
    assert headings[by_month] == "Hónap"
    assert headings[f"{by_district} városrészenként"] == "Városrész"
