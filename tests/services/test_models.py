import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from portal.services.models import DepartmentPage, OpeningHours
from portal.services.selectors import opening_hours_table

BUCHAREST = ZoneInfo("Europe/Bucharest")


def _department_with_hours() -> DepartmentPage:
    page = DepartmentPage(title="Taxe", slug="taxe")
    page.opening_hours = [
        OpeningHours(weekday=0, opens=dt.time(8, 30), closes=dt.time(12, 0)),
        OpeningHours(weekday=0, opens=dt.time(13, 0), closes=dt.time(16, 30)),
        OpeningHours(weekday=4, opens=dt.time(8, 30), closes=dt.time(13, 30)),
    ]
    return page


@pytest.mark.django_db
def test_open_at_respects_intervals_and_lunch_break():
    page = _department_with_hours()
    monday = dt.datetime(2026, 11, 23, tzinfo=BUCHAREST)
    assert page.is_open_at(monday.replace(hour=9))
    assert not page.is_open_at(monday.replace(hour=12, minute=30))
    assert not page.is_open_at(monday.replace(hour=16, minute=30))  # closing time is exclusive
    assert not page.is_open_at((monday + dt.timedelta(days=1)).replace(hour=9))  # Tuesday: closed


@pytest.mark.django_db
def test_open_at_uses_city_time_for_utc_moments():
    page = _department_with_hours()
    # 06:45 UTC on a Monday is 08:45 in Arad (UTC+2 in November).
    assert page.is_open_at(dt.datetime(2026, 11, 23, 6, 45, tzinfo=dt.UTC))


@pytest.mark.django_db
def test_opening_hours_table_lists_every_weekday():
    rows = opening_hours_table(_department_with_hours())
    assert [r["weekday"] for r in rows] == list(range(7))
    assert len(rows[0]["intervals"]) == 2 and rows[1]["intervals"] == []


def test_closing_before_opening_is_rejected():
    with pytest.raises(ValidationError):
        OpeningHours(weekday=1, opens=dt.time(16), closes=dt.time(9)).clean()
