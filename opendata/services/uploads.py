"""Resource files: streamed in, fingerprinted, validated and ingested into the datastore.

Uploads can be large, so nothing here reads a file whole: copying, hashing, CSV validation
and ingestion all go in chunks or rows, and a size cap (OPENDATA_UPLOAD_MAX_BYTES) is checked
before anything is stored.
"""

from __future__ import annotations

import csv
import hashlib
import io
import logging
from pathlib import PurePosixPath
from typing import IO

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.base import File
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from ..errors import ValidationFailed
from ..models import Resource
from . import csvcheck

logger = logging.getLogger(__name__)
CHUNK_BYTES = 64 * 1024


def _size_and_hash(handle: IO[bytes]) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    handle.seek(0)
    while chunk := handle.read(CHUNK_BYTES):
        digest.update(chunk)
        size += len(chunk)
    return size, digest.hexdigest()


def check_upload_size(size: int | None) -> None:
    """Refuse a file over OPENDATA_UPLOAD_MAX_BYTES before anything is stored."""
    limit = settings.OPENDATA_UPLOAD_MAX_BYTES
    if size is not None and size > limit:
        message = _("The file is larger than the %(limit)s allowed.") % {"limit": filesizeformat(limit)}
        raise ValidationFailed({"upload": [message]})


@transaction.atomic
def attach_file(
    *, resource: Resource, filename: str, content: bytes | IO[bytes]
) -> csvcheck.CsvReport | None:
    """Store an uploaded file, fingerprint it, and validate and ingest it when it is CSV.

    The file is streamed (bytes or a binary file such as an upload): it is copied, hashed,
    validated and ingested in chunks and rows, never read whole into memory. When storing or
    ingesting fails, the new file is removed and the resource keeps its previous one; the error
    names the file, never a server path. A CSV that fails validation is kept (publishers see
    the report in the admin) but is not ingested into the datastore, so the preview and
    datastore_search never show bad rows.
    """
    handle = io.BytesIO(content) if isinstance(content, bytes) else content
    size, digest = _size_and_hash(handle)
    check_upload_size(size)
    filename = PurePosixPath(filename.replace("\\", "/")).name or "upload"
    previous = resource.upload.name if resource.upload else ""
    try:
        handle.seek(0)
        resource.upload.save(filename, File(handle, name=filename), save=False)
        with transaction.atomic():
            report = _ingest(resource=resource, filename=filename, size=size, digest=digest)
    except (OSError, SuspiciousFileOperation, csv.Error) as exc:
        logger.warning("storing %s for resource %s failed", filename, resource.pk, exc_info=True)
        _remove(resource, previous)
        raise ValidationFailed(
            {"upload": [_("The file %(name)s could not be stored or read.") % {"name": filename}]}
        ) from exc
    except BaseException:
        _remove(resource, previous)
        raise
    if previous and previous != resource.upload.name:
        storage = resource.upload.storage
        transaction.on_commit(lambda: storage.delete(previous))
    return report


def _remove(resource: Resource, previous: str) -> None:
    """Delete a half-stored new file; the row (rolled back) still points at `previous`."""
    if resource.upload and resource.upload.name != previous:
        resource.upload.storage.delete(resource.upload.name)
    resource.upload.name = previous


def _ingest(*, resource: Resource, filename: str, size: int, digest: str) -> csvcheck.CsvReport | None:
    resource.url = ""
    resource.size = size
    resource.hash = digest
    resource.last_modified = timezone.now()
    suffix = PurePosixPath(filename).suffix.lstrip(".").upper()
    resource.format = resource.format or suffix
    report = None
    if resource.format == "CSV":
        with resource.upload.open("rb") as stored:
            report = csvcheck.validate_csv(stored, resource.fields or None)
            resource.validation_report = report.issues
            resource.validation_status = Resource.Status.VALID if report.valid else Resource.Status.INVALID
            if report.valid:
                resource.fields = report.fields
                resource.save()
                csvcheck.ingest(resource=resource, source=stored, report=report)
    resource.save()
    if report is not None and not report.valid:
        resource.datastore_rows.all().delete()
        Resource.objects.filter(pk=resource.pk).update(datastore_active=False)
        resource.datastore_active = False
    return report
