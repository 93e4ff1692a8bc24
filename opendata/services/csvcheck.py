"""CSV validation against a data dictionary, and ingestion into the datastore.

The report lists every problem as (row, column, problem) so a publisher can fix the file
without guessing: encoding, delimiter, header and per-cell type errors.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import IO, Any, BinaryIO

from django.db import transaction
from django.utils.translation import gettext as _

from ..models import DatastoreRow, Resource

TYPES = ("text", "int", "numeric", "date", "bool")
MAX_ISSUES = 100
DELIMITERS = ",;\t|"
TRUE = {"true", "1", "yes", "da", "igen"}
FALSE = {"false", "0", "no", "nu", "nem"}
MAX_LINE_BYTES = 1024 * 1024
BATCH_ROWS = 1000
Source = bytes | IO[bytes]


@dataclass
class CsvReport:
    issues: list[dict[str, Any]] = field(default_factory=list)
    fields: list[dict[str, Any]] = field(default_factory=list)
    row_count: int = 0
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


class _BadEncoding(Exception):
    def __init__(self, line: int, byte: int) -> None:
        super().__init__(line, byte)
        self.line, self.byte = line, byte


class _LineTooLong(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def _binary(source: Source) -> BinaryIO:
    """A readable binary stream at its start, whatever the caller holds."""
    handle = io.BytesIO(source) if isinstance(source, bytes) else source
    handle.seek(0)
    return handle  # type: ignore[return-value]


def _lines(handle: BinaryIO) -> Iterator[str]:
    """Decoded lines, one at a time; a byte that is not UTF-8 stops with its line number."""
    number = 0
    while raw := handle.readline(MAX_LINE_BYTES + 1):
        number += 1
        if len(raw) > MAX_LINE_BYTES:
            raise _LineTooLong(number)
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            raise _BadEncoding(number, raw[exc.start]) from exc
        yield line


def _rows(handle: BinaryIO, delimiter: str) -> Iterator[list[str]]:
    return csv.reader(_lines(handle), delimiter=delimiter)


def _first_line(handle: BinaryIO) -> str:
    return next(_lines(handle), "")


def _sniff_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


class _TypeGuess:
    """The narrowest type that every filled cell of a column fits, learnt one cell at a time."""

    def __init__(self) -> None:
        self.candidates = ["int", "numeric", "date", "bool"]
        self.filled = False

    def see(self, value: str) -> None:
        if not value.strip():
            return
        self.filled = True
        for kind in list(self.candidates):
            try:
                convert(value, kind)
            except ValueError:
                self.candidates.remove(kind)

    @property
    def kind(self) -> str:
        return self.candidates[0] if self.filled and self.candidates else "text"


def validate_csv(source: Source, dictionary: list[dict[str, Any]] | None = None) -> CsvReport:
    """Check encoding, delimiter, header and types; infer the dictionary when none is given.

    The file is read row by row (bytes or a binary file, e.g. an upload), so memory stays
    bounded whatever its size; `iter_records` reads it again to ingest the rows.
    """
    report = CsvReport()
    handle = _binary(source)
    try:
        _check(handle, report, dictionary)
    except _BadEncoding as exc:
        report.add(
            exc.line,
            None,
            _("The file is not UTF-8 text (byte 0x%(byte)02x at line %(line)d); save it as UTF-8.")
            % {"byte": exc.byte, "line": exc.line},
        )
    except _LineTooLong as exc:
        report.add(exc.line, None, _("The line is too long (over 1 MB)."))
    except csv.Error as exc:
        report.add(None, None, _("The file is not valid CSV: %(reason)s") % {"reason": exc})
    if not report.valid:
        report.fields = []
    return report


def _check(handle: BinaryIO, report: CsvReport, dictionary: list[dict[str, Any]] | None) -> None:
    first = _first_line(handle)
    if not first.strip():
        report.add(1, None, _("The file is empty or its first line (the header) is blank."))
        return
    report.delimiter = _sniff_delimiter(first)
    handle.seek(0)
    rows = _rows(handle, report.delimiter)
    header = [h.strip() for h in next(rows)]
    expected = [f["id"] for f in dictionary or []]
    if dictionary and len(header) == 1 and len(expected) > 1:
        report.add(
            1,
            None,
            _("Only one column found: the delimiter is not one of comma, semicolon, tab or bar."),
        )
        return
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
        return
    kinds = {f["id"]: f.get("type", "text") for f in dictionary or []}
    guesses = [_TypeGuess() for _ in header]
    for number, cells in enumerate(rows, start=2):
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
        report.row_count += 1
        if dictionary is None:
            for guess, cell in zip(guesses, cells, strict=True):
                guess.see(cell)
            continue
        for name, cell in zip(header, cells, strict=True):
            try:
                convert(cell, kinds[name])
            except ValueError:
                report.add(
                    number,
                    name,
                    _("“%(value)s” is not a valid %(type)s.") % {"value": cell, "type": kinds[name]},
                )
    report.fields = dictionary or [
        {"id": name, "type": guess.kind, "description": "", "unit": ""}
        for name, guess in zip(header, guesses, strict=True)
    ]


def iter_records(source: Source, report: CsvReport) -> Iterator[dict[str, Any]]:
    """The typed records of a file `validate_csv` found valid, one at a time."""
    handle = _binary(source)
    rows = _rows(handle, report.delimiter)
    header = [h.strip() for h in next(rows)]
    kinds = {f["id"]: f.get("type", "text") for f in report.fields}
    for cells in rows:
        if any(c.strip() for c in cells):
            yield {name: convert(cell, kinds[name]) for name, cell in zip(header, cells, strict=True)}


@transaction.atomic
def ingest(*, resource: Resource, source: Source, report: CsvReport) -> int:
    """Replace the resource's datastore rows with the file's validated rows; returns how many.

    Rows go to the database in batches as they are read, so memory stays bounded.
    """
    DatastoreRow.objects.filter(resource=resource).delete()
    count = 0
    numbered = enumerate(iter_records(source, report), start=1)
    while batch := list(itertools.islice(numbered, BATCH_ROWS)):
        DatastoreRow.objects.bulk_create(
            DatastoreRow(
                resource=resource,
                row=i,
                data=record,
                text=" ".join(str(v) for v in record.values() if v is not None).lower(),
            )
            for i, record in batch
        )
        count += len(batch)
    Resource.objects.filter(pk=resource.pk).update(datastore_active=True)
    resource.datastore_active = True
    return count
