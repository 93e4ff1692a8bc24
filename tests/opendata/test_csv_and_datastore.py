"""CSV validation reports (row, column, problem) and datastore queries through the ORM."""

from __future__ import annotations

import pytest
from django.utils import translation

from opendata.errors import ValidationFailed
from opendata.models import Resource
from opendata.selectors.datastore import datastore_search
from opendata.services import catalogue
from opendata.services.csvcheck import iter_records, validate_csv

DICTIONARY = [
    {"id": "station", "type": "text"},
    {"id": "pm10", "type": "numeric", "unit": "µg/m³"},
    {"id": "day", "type": "date"},
    {"id": "ok", "type": "bool"},
]


def test_a_valid_file_with_semicolons_and_a_bom_is_read() -> None:
    report = validate_csv("\ufeffstation;pm10;day;ok\nAR-1;12.5;2026-10-01;da\n".encode(), DICTIONARY)
    assert report.valid and report.delimiter == ";"
    content = "\ufeffstation;pm10;day;ok\nAR-1;12.5;2026-10-01;da\n".encode()
    assert list(iter_records(content, report)) == [
        {"station": "AR-1", "pm10": 12.5, "day": "2026-10-01", "ok": True}
    ]


@pytest.mark.parametrize(
    ("content", "row", "column", "words"),
    [
        ("station,pm10,day,ok\nGrădină,1,2026-01-01,true\n".encode("cp1250"), 2, None, "UTF-8"),
        (b"station pm10 day ok\nA 1 2026-01-01 true\n", 1, None, "delimiter"),
        (b"station,pm10,ok\nA,1,true\n", 1, "day", "lacks"),
        (b"station,pm10,day,ok,extra\nA,1,2026-01-01,true,x\n", 1, "extra", "not in the data dictionary"),
        (b"station,pm10,day,ok\nA,1,2026-01-01\n", 2, None, "Expected 4 cells, found 3"),
        (b"station,pm10,day,ok\nA,12,5,2026-01-01,true\n", 2, None, "Expected 4 cells, found 5"),
        (
            b"station,pm10,day,ok\nA,high,2026-01-01,true\nB,1,01.02.2026,true\n",
            2,
            "pm10",
            "not a valid numeric",
        ),
    ],
)
def test_problems_are_reported_by_row_and_column(content, row, column, words) -> None:
    with translation.override("en"):
        report = validate_csv(content, DICTIONARY)
    assert not report.valid
    first = report.issues[0]
    assert (first["row"], first["column"]) == (row, column) and words in first["problem"]


def test_types_are_inferred_without_a_dictionary() -> None:
    report = validate_csv(b"a,b,c,d\n1,1.5,2026-01-01,x\n2,,2026-01-02,y\n")
    assert [f["type"] for f in report.fields] == ["int", "numeric", "date", "text"]


@pytest.fixture
def air(demo_catalogue) -> Resource:
    return Resource.objects.get(dataset__name="calitatea-aerului")


def test_datastore_filters_sorts_pages_and_searches(air) -> None:
    page = datastore_search(resource=air, filters={"station": "AR-2 Micălaca"}, sort="pm10 desc", limit=5)
    assert page.total == 30 and len(page.records) == 5
    values = [r["pm10"] for r in page.records]
    assert values == sorted(values, reverse=True)
    assert datastore_search(resource=air, q="vladimirescu", limit=0).total == 30
    later = datastore_search(resource=air, filters={"date": "2026-10-05"}, fields=["station", "no2"])
    assert later.total == 3 and set(later.records[0]) == {"_id", "station", "no2"}
    with pytest.raises(ValidationFailed):
        datastore_search(resource=air, filters={"nope": 1})


def test_an_invalid_upload_is_kept_with_its_report_but_not_ingested(air) -> None:
    report = catalogue.attach_file(resource=air, filename="bad.csv", content=b"date,station\n2026-13-01,X\n")
    air.refresh_from_db()
    assert report is not None and not report.valid
    assert air.validation_status == "invalid" and not air.datastore_active
    assert air.datastore_rows.count() == 0 and air.validation_report[0]["column"] == "pm10"
