"""Every indicator appears once: in the KPI registry and in the dashboard CSV export."""

import csv
import io
from collections import Counter

import pytest

from portal.core import contracts
from portal.feedback.services import record_feedback
from portal.kpi import registry


def test_kpi_keys_declared_by_the_apps_are_unique():
    keys = Counter(kpi.key for kpi in contracts.discover("kpis", "KPIS"))
    assert keys, "no app declares KPIs"
    assert [key for key, count in keys.items() if count > 1] == []
    assert len(registry.discover()) == sum(keys.values())


@pytest.mark.django_db
def test_dashboard_csv_lists_each_indicator_once(client):
    for score in (10, 10, 9, 3):  # chatbot: 3 promoters, 1 detractor → NPS 50
        record_feedback(solution="chatbot", score=score)
    record_feedback(solution="map", score=0)  # map: NPS −100

    response = client.get("/en/kpi/dashboard.csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    counts = Counter(row["indicator"] for row in rows)
    assert [key for key, count in counts.items() if count > 1] == []

    by_key = {row["indicator"]: row for row in rows}
    assert float(by_key["chatbot.nps"]["value"]) == 50.0  # declared by the chatbot app
    assert float(by_key["map.nps"]["value"]) == -100.0  # added by the export for the others
    assert set(registry.discover()) <= set(by_key)
    for key in registry.SOLUTIONS:
        assert f"{key}.nps" in by_key
