"""CSV validation against a data dictionary, and ingestion into the datastore.

The report lists every problem as (row, column, problem) so a publisher can fix the file
without guessing: encoding, delimiter, header and per-cell type errors.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from ..models import DatastoreRow, Resource

TYPES = ("text", "int", "numeric", "date", "bool")
MAX_ISSUES = 100
DELIMITERS = ",;\t|"
TRUE = {"true", "1", "yes", "da", "igen"}
FALSE = {"false", "0", "no", "nu", "nem"}


@dataclass
class CsvReport:
    issues: list[dict[str, Any]] = field(default_factory=list)
    fields: list[dict[str, Any]] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)
    delimiter: str = ","

    @property
    def valid(self) -> bool:
        return not self.issues

    def add(self, row: int | None, column: str | None, problem: str) -> None:
        if len(self.issues) < MAX_ISSUES:
            self.issues.append({"row": row, "column": column, "problem": problem})


def convert(value: str, kind: str) -> Any:
    """The cell as the dictionary's type; ValueError when it does not fit. Empty is None."""
    value = value.strip()
    if value == "":
        return None
    if kind == "int":
        return int(value)
    if kind == "numeric":
        try:
            number = Decimal(value)
        except InvalidOperation as exc:
            raise ValueError(value) from exc
        if not number.is_finite():
            raise ValueError(value)
        return float(number)
    if kind == "date":
        return dt.date.fromisoformat(value).isoformat()
    if kind == "bool":
        if value.lower() in TRUE:
            return True
        if value.lower() in FALSE:
            return False
        raise ValueError(value)
    return value


def _guess_type(values: list[str]) -> str:
    filled = [v for v in values if v.strip()]
    for kind in ("int", "numeric", "date", "bool"):
        try:
            for value in filled:
                convert(value, kind)
        except ValueError:
            continue
        return kind if filled else "text"
    return "text"


def _sniff_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def validate_csv(content: bytes, dictionary: list[dict[str, Any]] | None = None) -> CsvReport:
    """Check encoding, delimiter, header and types; infer the dictionary when none is given."""
    report = CsvReport()
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = content[: exc.start].count(b"\n") + 1
        report.add(
            line,
            None,
            _("The file is not UTF-8 text (byte 0x%(byte)02x at line %(line)d); save it as UTF-8.")
            % {"byte": content[exc.start], "line": line},
        )
        return report
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        report.add(1, None, _("The file is empty or its first line (the header) is blank."))
        return report
    report.delimiter = _sniff_delimiter(lines[0])
    rows = list(csv.reader(io.StringIO(text), delimiter=report.delimiter))
    header = [h.strip() for h in rows[0]]
    expected = [f["id"] for f in dictionary or []]
    if dictionary and len(header) == 1 and len(expected) > 1:
        report.add(
            1,
            None,
            _("Only one column found: the delimiter is not one of comma, semicolon, tab or bar."),
        )
        return report
    for index, name in enumerate(header, start=1):
        if not name:
            report.add(1, str(index), _("Column %(n)d has no name in the header.") % {"n": index})
        elif header.count(name) > 1 and header.index(name) == index - 1:
            report.add(1, name, _("The column name is used more than once."))
    if dictionary:
        for name in expected:
            if name not in header:
                report.add(1, name, _("The header lacks this column of the data dictionary."))
        for name in header:
            if name and name not in expected:
                report.add(1, name, _("This column is not in the data dictionary."))
    if report.issues:
        return report
    data = rows[1:]
    if dictionary is None:
        dictionary = [
            {
                "id": name,
                "type": _guess_type([r[i] for r in data if len(r) == len(header)]),
                "description": "",
                "unit": "",
            }
            for i, name in enumerate(header)
        ]
    kinds = {f["id"]: f.get("type", "text") for f in dictionary}
    for number, cells in enumerate(data, start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            report.add(
                number,
                None,
                _("Expected %(expected)d cells, found %(found)d.")
                % {"expected": len(header), "found": len(cells)},
            )
            continue
        record: dict[str, Any] = {}
        for name, cell in zip(header, cells, strict=True):
            try:
                record[name] = convert(cell, kinds[name])
            except ValueError:
                report.add(
                    number,
                    name,
                    _("“%(value)s” is not a valid %(type)s.") % {"value": cell, "type": kinds[name]},
                )
        report.rows.append(record)
    report.fields = dictionary
    return report


@transaction.atomic
def ingest(*, resource: Resource, report: CsvReport) -> int:
    """Replace the resource's datastore rows with the validated rows; returns how many."""
    DatastoreRow.objects.filter(resource=resource).delete()
    batch = [
        DatastoreRow(
            resource=resource,
            row=i,
            data=record,
            text=" ".join(str(v) for v in record.values() if v is not None).lower(),
        )
        for i, record in enumerate(report.rows, start=1)
    ]
    DatastoreRow.objects.bulk_create(batch, batch_size=1000)
    Resource.objects.filter(pk=resource.pk).update(datastore_active=True)
    resource.datastore_active = True
    return len(batch)
