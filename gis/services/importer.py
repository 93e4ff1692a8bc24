"""Import spatial files into a layer through GDAL: GeoJSON, GeoPackage, zipped Shapefile, KML
and CSV with coordinates. Reprojects from the source CRS (Stereo 70, EPSG:3844, for Romanian
cadastre) to WGS84, repairs invalid geometries or rejects them with a per-row report, and
upserts by external id so re-importing a file is idempotent."""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import logging
import shutil
import uuid
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.gis.gdal import (
    CoordTransform,
    DataSource,
    GDALException,
    OGRGeometry,
    SpatialReference,
)
from django.contrib.gis.geos import GEOSException, GEOSGeometry
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.core.city import City, get_city
from portal.core.storage import local_copy, private_storage

from .. import layer_cache, search_index
from ..models import Feature, ImportJob, Layer
from .area import likely_cause

SUFFIXES = (".geojson", ".json", ".gpkg", ".zip", ".kml", ".csv")
NAME_FIELDS = ("name", "nume", "denumire", "title", "label")
ID_FIELDS = ("external_id", "nr_cad", "cad_nr", "nrcad", "cadastral", "ref", "id", "fid")
LON_FIELDS = ("lon", "lng", "longitude", "x", "easting")
LAT_FIELDS = ("lat", "latitude", "y", "northing")
logger = logging.getLogger(__name__)
CHUNK = 1000
REPORT_LIMIT = 1000
Progress = Callable[[int, int], None]


class ImportFailed(Exception):
    """The file cannot be imported at all (unknown format, unreadable, no layer)."""


@dataclass
class Row:
    number: int
    attributes: dict[str, Any]
    geometry: OGRGeometry | None
    problem: str = ""


def _json_value(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value


def _pick(fields: list[str], wanted: str, guesses: tuple[str, ...]) -> str:
    if wanted:
        if wanted not in fields:
            raise ImportFailed(_("The file has no field “%(field)s”.") % {"field": wanted})
        return wanted
    lower = {f.lower(): f for f in fields}
    return next((lower[g] for g in guesses if g in lower), "")


def _open_vector(path: Path) -> tuple[Any, int, SpatialReference | None, list[str]]:
    """The first layer of a GDAL data source: (layer, feature count, its CRS, field names)."""
    target = str(path)
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as archive:
            shapes = [n for n in archive.namelist() if n.lower().endswith(".shp")]
        if not shapes:
            raise ImportFailed(_("The zip file holds no Shapefile (.shp)."))
        target = f"/vsizip/{path}/{shapes[0]}"
    try:
        source = DataSource(target)
    except GDALException as exc:
        raise ImportFailed(_("GDAL cannot read this file: %(error)s") % {"error": exc}) from exc
    if source.layer_count < 1:
        raise ImportFailed(_("The file holds no layer."))
    layer = source[0]
    srs = None
    if layer.srs is not None:
        srs = SpatialReference(layer.srs.wkt)  # re-read: traditional lon/lat axis order
    # keep the data source alive as long as its layer
    layer._gis_source = source  # noqa: SLF001
    return layer, len(layer), srs, list(layer.fields)


def _vector_rows(layer: Any, fields: list[str]) -> Iterator[Row]:
    for number, feature in enumerate(layer, start=1):
        attributes = {name: _json_value(feature.get(name)) for name in fields}
        try:
            geometry = feature.geom
        except (GDALException, IndexError, TypeError):
            geometry = None
        yield Row(number, attributes, geometry)


def _csv_rows(path: Path) -> tuple[Iterator[Row], int, list[str]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        sample = handle.read(4096)
    dialect = csv.Sniffer().sniff(sample, delimiters=",;\t") if sample else csv.excel
    with path.open(newline="", encoding="utf-8-sig") as handle:
        total = max(sum(1 for _ in handle) - 1, 0)
    with path.open(newline="", encoding="utf-8-sig") as handle:
        fields = list(csv.DictReader(handle, dialect=dialect).fieldnames or [])
    lower = {f.lower(): f for f in fields}
    wkt = lower.get("wkt") or lower.get("geometry")
    lon = next((lower[g] for g in LON_FIELDS if g in lower), None)
    lat = next((lower[g] for g in LAT_FIELDS if g in lower), None)
    if not wkt and not (lon and lat):
        raise ImportFailed(_("The CSV file needs a WKT column or longitude and latitude columns."))

    def rows() -> Iterator[Row]:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            for number, record in enumerate(csv.DictReader(handle, dialect=dialect), start=1):
                attributes = {k: v for k, v in record.items() if k not in (wkt, lon, lat) and k}
                try:
                    if wkt:
                        geometry = OGRGeometry(record[wkt])
                    else:
                        x = float(record[lon].replace(",", "."))
                        y = float(record[lat].replace(",", "."))
                        geometry = OGRGeometry(f"POINT ({x} {y})")
                    yield Row(number, attributes, geometry)
                except (GDALException, ValueError, TypeError, AttributeError) as exc:
                    yield Row(number, attributes, None, _("unreadable coordinates: %s") % exc)

    kept = [f for f in fields if f not in (wkt, lon, lat)]
    return rows(), total, kept


def _to_wgs84(
    row: Row, transform: CoordTransform | None, source: SpatialReference, area: City | None
) -> tuple[GEOSGeometry | None, str, bool]:
    """The row's geometry in WGS84, the problem if it was rejected, and whether it was repaired.

    With an `area`, a geometry that does not touch it is rejected with the likely cause."""
    if row.geometry is None:
        return None, row.problem or _("no geometry"), False
    try:
        geometry = row.geometry
        if transform is not None:
            geometry = geometry.clone()
            geometry.transform(transform)
        geos = geometry.geos
    except (GDALException, GEOSException) as exc:
        return None, _("cannot reproject: %s") % exc, False
    if geos.empty:
        return None, _("empty geometry"), False
    xmin, ymin, xmax, ymax = geos.extent
    if xmin < -180 or xmax > 180 or ymin < -90 or ymax > 90:
        hint = likely_cause(row.geometry, source)
        return None, _("coordinates outside WGS84: %(hint)s") % {"hint": hint}, False
    if area is not None and not area.touches(geos):
        centre = geos.centroid
        problem = _("outside the city area (near longitude %(lon).5f, latitude %(lat).5f): %(hint)s") % {
            "lon": centre.x,
            "lat": centre.y,
            "hint": likely_cause(row.geometry, source),
        }
        return None, problem, False
    repaired = False
    if not geos.valid:
        reason = geos.valid_reason
        fixed = geos.make_valid()
        if fixed.geom_type == "GeometryCollection":
            # keep the parts of the original dimension (a self-touching ring yields lines too)
            parts = [g for g in fixed if g.dims == geos.dims]
            if not parts:
                return None, _("invalid geometry that cannot be repaired: %s") % reason, False
            fixed = parts[0]
            for part in parts[1:]:
                fixed = fixed.union(part)
        if fixed.empty or not fixed.valid or fixed.dims != geos.dims:
            return None, _("invalid geometry that cannot be repaired: %s") % reason, False
        geos, repaired = fixed, True
        row.problem = _("repaired: %s") % reason
    geos.srid = 4326
    return geos, "", repaired


@transaction.atomic
def _save_chunk(
    layer: Layer, chunk: list[tuple[Row, GEOSGeometry, str, str, dict]], moment: dt.datetime
) -> tuple[int, int]:
    """Upsert one chunk; returns (created, updated)."""
    ids = [c[2] for c in chunk if c[2]]
    existing = {f.external_id: f for f in Feature.objects.filter(layer=layer, external_id__in=ids)}
    new: dict[str, Feature] = {}
    anonymous: list[Feature] = []
    for _row, geometry, external_id, name, properties in chunk:
        feature = existing.get(external_id) or new.get(external_id)
        if feature is None:
            feature = Feature(layer=layer, external_id=external_id)
            if external_id:
                new[external_id] = feature
            else:
                anonymous.append(feature)
        feature.geometry, feature.name, feature.properties = geometry, name, properties
        feature.updated_at = moment
    Feature.objects.bulk_create(list(new.values()) + anonymous, batch_size=500)
    Feature.objects.bulk_update(
        list(existing.values()), ["geometry", "name", "properties", "updated_at"], batch_size=500
    )
    layer_cache.invalidate()  # bulk writes send no signals: the layer's cached count is stale
    return len(new) + len(anonymous), len(existing)


def run_import(
    *,
    job: ImportJob,
    replace: bool = False,
    progress: Progress | None = None,
    outside_area: bool = False,
) -> ImportJob:
    """Read the job's file into its layer; the job records counts, progress and the report.

    With `replace`, features of the layer that the file no longer contains are removed. Rows that
    do not touch the city's area are rejected unless `outside_area` allows them. A file with no
    id column is refused for a layer that has features, unless it replaces them (it would add
    every feature twice). The
    private copy made by `start_import` is deleted when the import finishes or fails: uploads
    of hundreds of megabytes must not pile up. Error messages name the file, never its path.

    The copy lives in the private storage (shared by every node, so any worker can run the job);
    GDAL reads a local copy of it. A job whose path is absolute reads that file (the command's
    own input) and leaves it alone."""
    stored = not Path(job.path).is_absolute()
    try:
        if not stored:
            return _run(job, Path(job.path), replace, progress, None if outside_area else get_city())
        with local_copy(private_storage(), job.path) as path:
            return _run(job, path, replace, progress, None if outside_area else get_city())
    except Exception:
        # A bug or a lost database must not leave the job "running" forever nor answer a 500
        # in the admin (eager tasks run inside the upload request); the log has the details.
        logger.exception("GIS import %s of %r failed", job.pk, job.file_name)
        job.status, job.finished_at = ImportJob.Status.FAILED, timezone.now()
        job.error = _("The import failed unexpectedly; the details are in the server log.")
        job.save()
        return job
    finally:
        if stored:
            _discard(job.path)


def _public(message: str, path: Path, name: str) -> str:
    """`message` with the server's folders taken out (GDAL quotes the full path it opened)."""
    return message.replace(str(path), name).replace(str(path.parent) + "/", "").replace("/vsizip/", "")


def _discard(name: str) -> None:
    """Delete an upload's private copy (and its folder, on a folder storage)."""
    storage = private_storage()
    try:
        storage.delete(name)
        folder = Path(storage.path(name)).parent
    except NotImplementedError:  # object storage: no folders to remove
        return
    except OSError:
        logger.warning("Could not delete the GIS upload %s", name, exc_info=True)
        return
    if folder.parent == import_dir() and folder.is_dir():
        shutil.rmtree(folder, ignore_errors=True)


def _run(
    job: ImportJob, path: Path, replace: bool, progress: Progress | None, area: City | None
) -> ImportJob:
    moment = timezone.now()
    job.status = ImportJob.Status.RUNNING
    job.save(update_fields=["status"])
    try:
        if path.suffix.lower() == ".csv":
            rows, total, fields = _csv_rows(path)
            source_srs = None
        else:
            vector, total, source_srs, fields = _open_vector(path)
            rows = _vector_rows(vector, fields)
        if job.source_srid:
            source_srs = SpatialReference(job.source_srid)
        if source_srs is None:
            source_srs = SpatialReference(4326)
        target = SpatialReference(4326)
        transform = None if source_srs.srid == 4326 else CoordTransform(source_srs, target)
        id_field = _pick(fields, job.id_field, ID_FIELDS)
        name_field = _pick(fields, job.name_field, NAME_FIELDS)
    except (ImportFailed, GDALException, OSError, csv.Error, UnicodeDecodeError) as exc:
        return _failed(job, _public(str(exc), path, job.file_name))
    existing = Feature.objects.filter(layer=job.layer).count() if not (id_field or replace) else 0
    if existing:
        return _failed(job, _duplicates_refused(job.layer, existing))

    job.total, job.id_field, job.name_field = total, id_field, name_field
    job.save(update_fields=["total", "id_field", "name_field"])
    report: list[dict[str, Any]] = []
    counts = {"created": 0, "updated": 0, "repaired": 0, "rejected": 0}
    chunk: list[tuple[Row, GEOSGeometry, str, str, dict]] = []
    processed = 0

    def note(row: Row, external_id: str, status: str, message: str) -> None:
        if len(report) < REPORT_LIMIT:
            report.append(
                {"row": row.number, "external_id": external_id, "status": status, "message": message}
            )

    def flush() -> None:
        created, updated = _save_chunk(job.layer, chunk, moment)
        counts["created"] += created
        counts["updated"] += updated
        chunk.clear()
        ImportJob.objects.filter(pk=job.pk).update(processed=processed, **counts)
        if progress:
            progress(processed, total)

    try:
        for row in _guarded(rows):
            processed += 1
            external_id = str(row.attributes.get(id_field) or "").strip()[:120] if id_field else ""
            name = str(row.attributes.get(name_field) or "").strip()[:255] if name_field else ""
            geometry, problem, repaired = _to_wgs84(row, transform, source_srs, area)
            if geometry is None:
                counts["rejected"] += 1
                note(row, external_id, "rejected", problem)
            else:
                if repaired:
                    counts["repaired"] += 1
                    note(row, external_id, "repaired", row.problem)
                chunk.append((row, geometry, external_id, name, row.attributes))
            if len(chunk) >= CHUNK:
                flush()
        flush()
    except _Unreadable as exc:
        return _failed(job, _public(str(exc), path, job.file_name))

    if replace:
        Feature.objects.filter(layer=job.layer, updated_at__lt=moment).delete()
    Layer.objects.filter(pk=job.layer_id).update(source=Layer.Source.IMPORTED, updated_at=timezone.now())
    layer_cache.invalidate()
    search_index.reindex_layer(job.layer)
    for key, value in counts.items():
        setattr(job, key, value)
    job.processed, job.report = processed, report
    job.status, job.finished_at = ImportJob.Status.DONE, timezone.now()
    job.save()
    return job


def _duplicates_refused(layer: Layer, count: int) -> str:
    return ngettext(
        "The file has no id column that is recognised (%(names)s) and layer “%(layer)s” already "
        "has %(count)d feature: importing it again would add it twice. Name the id column "
        "(--id-field, or “External id field” in the admin), or replace the layer's features.",
        "The file has no id column that is recognised (%(names)s) and layer “%(layer)s” already "
        "has %(count)d features: importing it again would add them twice. Name the id column "
        "(--id-field, or “External id field” in the admin), or replace the layer's features.",
        count,
    ) % {"names": ", ".join(ID_FIELDS), "layer": layer.key, "count": count}


def _failed(job: ImportJob, message: str) -> ImportJob:
    job.status, job.error, job.finished_at = ImportJob.Status.FAILED, message, timezone.now()
    job.save()
    return job


class _Unreadable(Exception):
    """The file turned out unreadable part way (bad encoding or CSV further down)."""


def _guarded(rows: Iterator[Row]) -> Iterator[Row]:
    try:
        yield from rows
    except UnicodeDecodeError:
        raise _Unreadable(_("The file is not UTF-8 text.")) from None
    except csv.Error as exc:
        raise _Unreadable(_("The CSV file cannot be read: %s") % exc) from None


IMPORT_PREFIX = "gis-imports"


def import_dir() -> Path:
    """The uploads' folder on a folder storage (the embedded default)."""
    return Path(settings.PRIVATE_MEDIA_ROOT) / IMPORT_PREFIX


def start_import(
    *,
    layer: Layer,
    upload: UploadedFile | Path,
    source_srid: int | None = None,
    id_field: str = "",
    name_field: str = "",
    replace: bool = False,
) -> ImportJob:
    """Keep a private copy of the file (in the private storage), record the job and queue it
    (run at once without a broker). Raises ValueError for a file type GDAL is not asked to read here."""
    from ..tasks import import_layer_file

    name = Path(upload.name).name
    if Path(name).suffix.lower() not in SUFFIXES:
        raise ValueError(_("Unsupported file type: use %s.") % ", ".join(SUFFIXES))
    storage = private_storage()
    key = f"{IMPORT_PREFIX}/{uuid.uuid4().hex}/{storage.get_valid_name(name)}"
    # Streamed in chunks to the private storage (a folder, or the object store every node reads).
    if isinstance(upload, Path):
        with upload.open("rb") as handle:
            stored = storage.save(key, File(handle, name=name))
    else:
        stored = storage.save(key, upload)
    job = ImportJob.objects.create(
        layer=layer,
        file_name=name,
        path=stored,
        source_srid=source_srid,
        id_field=id_field,
        name_field=name_field,
    )
    transaction.on_commit(lambda: import_layer_file.delay(job.pk, replace))
    return job


@dataclass(frozen=True)
class ReadFeature:
    """One row of a file read by `read_features`: its WGS84 geometry or why it was rejected."""

    number: int
    name: str
    geometry: GEOSGeometry | None
    problem: str = ""
    repaired: bool = False


def read_features(
    path: Path, *, file_name: str = "", source_srid: int | None = None, name_field: str = ""
) -> tuple[str, list[str], list[ReadFeature]]:
    """Read a spatial file with the layer importer's machinery (formats, reprojection to WGS84,
    the city-area check, repair of invalid geometries, per-row problems) for apps that keep
    geometries of their own, e.g. district boundaries. Returns the name field used (chosen or
    guessed, "" if none), the file's fields and the rows. Raises ImportFailed, naming the file
    and never its path."""
    file_name = file_name or path.name
    try:
        if path.suffix.lower() == ".csv":
            rows, _total, fields = _csv_rows(path)
            source_srs = None
        else:
            vector, _total, source_srs, fields = _open_vector(path)
            rows = _vector_rows(vector, fields)
        if source_srid:
            source_srs = SpatialReference(source_srid)
        if source_srs is None:
            source_srs = SpatialReference(4326)
        transform = None if source_srs.srid == 4326 else CoordTransform(source_srs, SpatialReference(4326))
        name_field = _pick(fields, name_field, NAME_FIELDS)
        area = get_city()
        result = []
        for row in _guarded(rows):
            geometry, problem, repaired = _to_wgs84(row, transform, source_srs, area)
            name = str(row.attributes.get(name_field) or "").strip() if name_field else ""
            result.append(ReadFeature(row.number, name, geometry, problem or row.problem, repaired))
    except zipfile.BadZipFile:
        raise ImportFailed(_("The file is not a zip archive.")) from None
    except (ImportFailed, _Unreadable, GDALException, OSError, csv.Error, UnicodeDecodeError) as exc:
        raise ImportFailed(_public(str(exc), path, file_name)) from exc
    return name_field, fields, result
