"""District boundaries from a spatial file (GeoJSON, GeoPackage, zipped Shapefile, KML) read
through the map's importer, so density per district can come from the road layer."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.gis.geos import GEOSGeometry, MultiPolygon
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from gis.services.importer import NAME_FIELDS, ImportFailed, read_features

from ..models import District

SUFFIXES = (".geojson", ".json", ".gpkg", ".zip", ".kml")


class DistrictFileError(ValueError):
    """The file cannot be read at all (format, no layer, unknown name field)."""


@dataclass
class DistrictReport:
    total: int = 0
    name_field: str = ""
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    problems: list[dict[str, object]] = field(default_factory=list)  # row, name, status, message
    saved: bool = False

    @property
    def errors(self) -> list[dict[str, object]]:
        return [p for p in self.problems if p["status"] == "rejected"]


def _as_multipolygon(geometry: GEOSGeometry) -> MultiPolygon | None:
    """The polygon(s) as a 2D MultiPolygon (KML and some GeoPackages carry heights); None for
    any other kind of geometry."""
    if geometry.hasz:
        flat = geometry.ogr
        flat.coord_dim = 2
        geometry = flat.geos
        geometry.srid = 4326
    if geometry.geom_type == "Polygon":
        return MultiPolygon(geometry, srid=4326)
    if geometry.geom_type == "MultiPolygon":
        return geometry
    return None


def _unique_slug(name: str, taken: set[str]) -> str:
    base = slugify(name)[:90] or "district"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def import_districts(
    *,
    upload: UploadedFile | Path,
    name_field: str = "",
    source_srid: int | None = None,
    dry_run: bool = False,
) -> DistrictReport:
    """Create or update districts (matched by name) with the polygons of a file. Every row is
    checked first; a row without a polygon or a name rejects the file and nothing is saved."""
    file_name = Path(upload.name).name
    if Path(file_name).suffix.lower() not in SUFFIXES:
        raise DistrictFileError(_("Unsupported file type: use %s.") % ", ".join(SUFFIXES))
    with tempfile.TemporaryDirectory(prefix="districts-") as folder:
        path = Path(folder) / file_name
        if isinstance(upload, Path):
            path.write_bytes(upload.read_bytes())
        else:
            with path.open("wb") as out:
                for part in upload.chunks():
                    out.write(part)
        try:
            used_field, fields, rows = read_features(
                path, file_name=file_name, source_srid=source_srid, name_field=name_field
            )
        except ImportFailed as exc:
            raise DistrictFileError(str(exc)) from exc
    if not rows:
        raise DistrictFileError(_("The file holds no districts."))
    if not used_field:
        raise DistrictFileError(
            _(
                "The file has no name field that is recognised (%(names)s); choose the field "
                "that holds the district names among: %(fields)s."
            )
            % {"names": ", ".join(NAME_FIELDS), "fields": ", ".join(fields) or "—"}
        )
    report = DistrictReport(total=len(rows), name_field=used_field)
    planned: dict[str, tuple[str, MultiPolygon]] = {}
    for row in rows:

        def problem(message: str, status: str = "rejected", row=row) -> None:
            report.problems.append(
                {"row": row.number, "name": row.name, "status": status, "message": message}
            )

        if row.geometry is None:
            problem(row.problem)
            continue
        boundary = _as_multipolygon(row.geometry)
        if boundary is None:
            problem(_("a district needs a polygon, this row has a %s") % row.geometry.geom_type)
        elif not row.name:
            problem(_("no name in field “%s”") % used_field)
        elif slugify(row.name) in planned:
            problem(_("the district “%s” appears twice in the file") % row.name)
        else:
            if row.repaired:
                problem(row.problem, status="repaired")
            planned[slugify(row.name)] = (row.name[:100], boundary)
    if report.errors or dry_run:
        return report
    _save(planned, report)
    return report


@transaction.atomic
def _save(planned: dict[str, tuple[str, MultiPolygon]], report: DistrictReport) -> None:
    by_key = {}
    for district in District.objects.select_for_update():
        by_key[district.slug] = district
        by_key.setdefault(slugify(district.name), district)
    taken = set(District.objects.values_list("slug", flat=True))
    for key, (name, boundary) in planned.items():
        district = by_key.get(key)
        if district is None:
            District.objects.create(name=name, slug=_unique_slug(name, taken), boundary=boundary)
            report.created.append(name)
        else:
            district.boundary = boundary
            district.save(update_fields=["boundary"])
            report.updated.append(district.name)
    report.saved = True
