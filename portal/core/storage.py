"""Where uploaded and generated files live, and how private ones reach the people allowed them.

Every file goes through Django's storage API: `storages["default"]` for public files (Wagtail
images and documents, open-data resources) and `storages["private"]` for files that must never
be served without the portal's permission checks (attachments, certificates, GIS imports). On
the embedded default both are folders on this machine; with STORAGE_BACKEND=s3 they are buckets
of an S3-compatible object store that every node shares (settings/base.py)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.utils.functional import LazyObject, empty


class PrivateFileSystemStorage(FileSystemStorage):
    """Files under PRIVATE_MEDIA_ROOT, which no web server serves; the folder is read at each
    use, so tests and deployments can move it."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("base_url", None)
        super().__init__(**kwargs)

    @property
    def base_location(self) -> str:  # type: ignore[override]
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self) -> str:  # type: ignore[override]
        return os.path.abspath(self.base_location)


class _PrivateStorage(LazyObject):
    """`storages["private"]`, looked up at first use (like Django's `default_storage`), so a
    FileField made at import follows STORAGES as configured, and as a test changes it."""

    def _setup(self) -> None:
        self._wrapped = storages["private"]


_private = _PrivateStorage()


@receiver(setting_changed)
def _storages_changed(*, setting: str, **kwargs) -> None:
    if setting == "STORAGES":
        _private._wrapped = empty


def private_storage() -> Storage:
    """The storage of private files (for FileField(storage=...) and services alike)."""
    return _private  # type: ignore[return-value]


def signs_urls(storage: Storage) -> bool:
    """Whether `storage` hands out short-lived signed URLs (S3 with query-string auth)."""
    return bool(getattr(storage, "querystring_auth", False)) and hasattr(storage, "bucket_name")


def private_file_response(
    storage: Storage,
    name: str,
    *,
    filename: str,
    content_type: str = "",
    as_attachment: bool = True,
) -> HttpResponse:
    """A private file for someone the caller has already checked may have it.

    From object storage the browser is redirected to a signed URL that expires after
    PRIVATE_MEDIA_URL_EXPIRE seconds (the file does not pass through the web process); with
    PRIVATE_MEDIA_REDIRECT off, or from a folder, the file is streamed (404 when it is gone)."""
    content_type = content_type or "application/octet-stream"
    if signs_urls(storage) and settings.PRIVATE_MEDIA_REDIRECT:
        disposition = "attachment" if as_attachment else "inline"
        url = storage.url(  # type: ignore[call-arg]
            name,
            parameters={
                "ResponseContentDisposition": f"{disposition}; filename*=UTF-8''{quote(filename)}",
                "ResponseContentType": content_type,
            },
            expire=settings.PRIVATE_MEDIA_URL_EXPIRE,
        )
        response: HttpResponse = HttpResponseRedirect(url)
    else:
        try:
            handle = storage.open(name, "rb")
        except FileNotFoundError as missing:  # erased, or lost in a restore: not the visitor's fault
            raise Http404 from missing
        response = FileResponse(
            handle,
            as_attachment=as_attachment,
            filename=filename,
            content_type=content_type,
        )
        response["X-Content-Type-Options"] = "nosniff"
    # Neither the file nor the signed address may be kept by a shared cache or the browser.
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "same-origin"
    return response


@contextmanager
def local_copy(storage: Storage, name: str) -> Iterator[Path]:
    """A path on this machine holding the stored file, for readers that need one (GDAL).

    A folder storage gives its own path; object storage is copied to a temporary folder that is
    removed afterwards. The file keeps its name: GDAL picks its driver by the suffix."""
    try:
        path = Path(storage.path(name))
    except NotImplementedError:
        path = None
    if path is not None:
        yield path
        return
    folder = Path(tempfile.mkdtemp(prefix="portal-"))
    try:
        target = folder / Path(name).name
        with storage.open(name, "rb") as source, target.open("wb") as out:
            shutil.copyfileobj(source, out, 1024 * 1024)
        yield target
    finally:
        shutil.rmtree(folder, ignore_errors=True)
