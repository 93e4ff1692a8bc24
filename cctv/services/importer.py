"""Bulk import of the camera register from CSV or GeoJSON, idempotent by camera code.

All or nothing: every row is checked first (duplicates, coordinates, unknown types, districts,
field rules) and the file is saved only when no row has an error, in one transaction, so a
camera is never half-saved and a file is never half-imported. The report lists every bad row.
Only the columns present in the file are written, so a partial file updates just those fields.
A new status of an existing camera follows the lifecycle like any other change (a step it forbids
is a row error with the reason) and is recorded in the camera's history with its date.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib.gis.geos import Point
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from portal.core.city import get_city

from ..models import Camera, District, StatusChange
from .lifecycle import change_status, transition_error

REQUIRED = (
    "code",
    "name",
    "district",
    "camera_type",
    "purpose",
    "operator",
    "owner",
    "legal_basis",
    "retention_days",
)
TEXT = (
    "name",
    "road_segment",
    "what_is_filmed",
    "operator",
    "owner",
    "legal_basis",
    "dpia_reference",
    "contact",
    "procurement_reference",
    "stream_url",
    "notes",
)
INTEGER = ("direction_deg", "fov_deg", "range_m", "retention_days")
DECIMAL = ("mounting_height_m", "cost")
BOOLEAN = ("privacy_masking", "signage_present")
DATES = ("planned_on", "procured_on", "installed_on", "operational_on", "decommissioned_on")
CHOICES = {
    "camera_type": Camera.Type,
    "purpose": Camera.Purpose,
    "mounting": Camera.Mounting,
    "status": Camera.Status,
    "funding_source": Camera.Funding,
}
COLUMNS = ("code", "lat", "lon", "district", *TEXT, *INTEGER, *DECIMAL, *BOOLEAN, *DATES, *CHOICES)
TRUE = {"1", "true", "yes", "da", "igen", "y"}
FALSE = {"0", "false", "no", "nu", "nem", "n", ""}


@dataclass(frozen=True)
class RowError:
    row: int  # 1-based data row (CSV: the header is row 0) or feature index + 1
    code: str
    field: str
    message: str


@dataclass
class ImportReport:
    total: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    saved: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


class ImportFileError(ValueError):
    """The file itself cannot be read (not CSV/JSON, no header, wrong encoding)."""


def read_rows(*, data: bytes, filename: str) -> list[dict[str, Any]]:
    """Rows as dicts from a CSV file, a GeoJSON FeatureCollection of points (they become lat/lon)
    or a JSON array of objects with the CSV's columns (what a spreadsheet or VMS export gives)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(_("The file is not UTF-8 text.")) from None
    if filename.lower().endswith((".geojson", ".json")) or text.lstrip().startswith(("{", "[")):
        return _json_rows(text)
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    if not reader.fieldnames or "code" not in [f.strip() for f in reader.fieldnames]:
        raise ImportFileError(_("The CSV has no header row with a “code” column."))
    return [{(k or "").strip(): (v or "").strip() for k, v in row.items()} for row in reader]


def _json_rows(text: str) -> list[dict[str, Any]]:
    try:
        doc = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise ImportFileError(_("Not valid JSON: %(error)s") % {"error": exc}) from None
    if isinstance(doc, list):
        if not all(isinstance(item, dict) for item in doc):
            raise ImportFileError(_("A JSON array must hold one object per camera."))
        return [{str(k): "" if v is None else v for k, v in item.items()} for item in doc]
    if (
        not isinstance(doc, dict)
        or doc.get("type") != "FeatureCollection"
        or not isinstance(doc.get("features"), list)
    ):
        raise ImportFileError(
            _("JSON must be a GeoJSON FeatureCollection or an array of objects, one per camera.")
        )
    rows = []
    for feature in doc["features"]:
        feature = feature if isinstance(feature, dict) else {}
        props = feature.get("properties")
        props = props if isinstance(props, dict) else {}
        geometry = feature.get("geometry")
        geometry = geometry if isinstance(geometry, dict) else {}
        coords = geometry.get("coordinates") if geometry.get("type") == "Point" else None
        lon, lat = (coords[0], coords[1]) if isinstance(coords, list) and len(coords) >= 2 else ("", "")
        rows.append({**{k: "" if v is None else v for k, v in props.items()}, "lat": lat, "lon": lon})
    return rows


class _RowParser:
    """Turns one row into model field values, collecting errors instead of stopping at the first."""

    def __init__(self, districts: dict[str, District]) -> None:
        self.districts = districts
        self.city = get_city()

    def parse(self, row: dict[str, Any]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
        values: dict[str, Any] = {}
        errors: list[tuple[str, str]] = []
        for name in REQUIRED:
            if str(row.get(name, "")).strip() == "":
                errors.append((name, "required"))
        self._location(row, values, errors)
        district = str(row.get("district", "")).strip()
        if district:
            match = self.districts.get(slugify(district))
            if match is None:
                errors.append(("district", f"unknown district {district!r}"))
            else:
                values["district"] = match
        for name in TEXT:
            if name in row and name not in ("code",):
                values[name] = str(row[name]).strip()
        for name in INTEGER:
            self._convert(row, name, values, errors, lambda v: int(str(v)), "not a whole number")
        for name in DECIMAL:
            self._convert(
                row, name, values, errors, lambda v: Decimal(str(v).replace(",", ".")), "not a number"
            )
        for name in DATES:
            self._convert(
                row, name, values, errors, lambda v: dt.date.fromisoformat(str(v)), "not a date (YYYY-MM-DD)"
            )
        for name in BOOLEAN:
            if name in row:
                text = str(row[name]).strip().lower()
                if text in TRUE:
                    values[name] = True
                elif text in FALSE:
                    values[name] = False
                else:
                    errors.append((name, f"not yes/no: {row[name]!r}"))
        for name, choices in CHOICES.items():
            if str(row.get(name, "")).strip():
                value = str(row[name]).strip().lower()
                if value not in choices.values:
                    label = "type" if name == "camera_type" else name.replace("_", " ")
                    errors.append((name, f"unknown {label} {row[name]!r}"))
                else:
                    values[name] = value
        return values, errors

    def _location(self, row: dict[str, Any], values: dict[str, Any], errors: list[tuple[str, str]]) -> None:
        try:
            lat, lon = (
                float(str(row.get("lat", "")).replace(",", ".")),
                float(str(row.get("lon", "")).replace(",", ".")),
            )
        except ValueError:
            errors.append(("location", f"bad coordinates {row.get('lat')!r}, {row.get('lon')!r}"))
            return
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            errors.append(("location", f"bad coordinates {lat}, {lon}: outside WGS84"))
        elif not self.city.contains(lon, lat):
            errors.append(("location", f"bad coordinates {lat}, {lon}: outside the city area"))
        else:
            values["location"] = Point(lon, lat, srid=4326)

    @staticmethod
    def _convert(row, name, values, errors, convert, message) -> None:
        raw = row.get(name)
        if raw is None or str(raw).strip() == "":
            return
        try:
            values[name] = convert(raw)
        except (ValueError, InvalidOperation):
            errors.append((name, f"{message}: {raw!r}"))


def _same(camera: Camera, name: str, value: Any) -> bool:
    current = getattr(camera, name)
    if name == "location":
        return current is not None and (round(current.x, 7), round(current.y, 7)) == (
            round(value.x, 7),
            round(value.y, 7),
        )
    if name == "district":
        return camera.district_id == value.pk
    return current == value


def import_cameras(*, data: bytes, filename: str, dry_run: bool = False) -> ImportReport:
    """Check every row and, when all are valid and not `dry_run`, create or update the cameras."""
    rows = read_rows(data=data, filename=filename)
    report = ImportReport(total=len(rows))
    districts: dict[str, District] = {}
    for district in District.objects.all():
        districts[district.slug] = district
        districts[slugify(district.name)] = district
    parser = _RowParser(districts)
    codes = [str(r.get("code", "")).strip() for r in rows]
    existing = {c.code: c for c in Camera.objects.filter(code__in=[c for c in codes if c])}
    seen: dict[str, int] = {}
    planned: list[_Planned] = []
    for number, row in enumerate(rows, start=1):
        code = str(row.get("code", "")).strip()
        values, errors = parser.parse(row)
        if code and code in seen:
            errors.append(("code", f"duplicate of row {seen[code]}"))
        elif code:
            seen[code] = number
        camera = existing.get(code)
        is_new = camera is None
        if is_new:
            camera = Camera(code=code)
        changed = [name for name, value in values.items() if is_new or not _same(camera, name, value)]
        new_status = None
        if not is_new and "status" in changed:
            changed.remove("status")
            new_status = values["status"]
            reason = transition_error(current=camera.status, to=new_status)
            if reason:
                errors.append(("status", reason))
        for name in changed:
            setattr(camera, name, values[name])
        if not errors:
            try:
                camera.full_clean(exclude=["district"], validate_unique=False, validate_constraints=False)
            except ValidationError as exc:
                for name, messages in exc.message_dict.items():
                    errors += [(name, m) for m in messages]
        report.errors += [RowError(number, code, name, message) for name, message in errors]
        planned.append(_Planned(camera, changed, is_new, new_status))
    if report.errors or dry_run:
        return report
    _save(planned, report)
    return report


@dataclass
class _Planned:
    camera: Camera
    changed: list[str]  # fields to write, the status apart
    is_new: bool
    new_status: str | None = None  # an existing camera's next lifecycle step


@transaction.atomic
def _save(planned: list[_Planned], report: ImportReport) -> None:
    now = timezone.now()
    note = "Imported."
    new = [p.camera for p in planned if p.is_new]
    Camera.objects.bulk_create(new, batch_size=200)
    history = [StatusChange(camera=c, from_status="", to_status=c.status, at=now, note=note) for c in new]
    changed_fields: set[str] = set()
    updated: list[Camera] = []
    for p in planned:
        if p.is_new:
            continue
        if not p.changed and p.new_status is None:
            report.unchanged += 1
            continue
        changed_fields.update(p.changed)
        updated.append(p.camera)
    if updated:
        for camera in updated:
            camera.updated_at = now
        Camera.objects.bulk_update(updated, [*sorted(changed_fields), "updated_at"], batch_size=200)
    StatusChange.objects.bulk_create(history, batch_size=500)
    for p in planned:
        if p.new_status is not None:
            change_status(camera=p.camera, to=p.new_status, at=now, note=note)
    report.created, report.updated, report.saved = len(new), len(updated), True
